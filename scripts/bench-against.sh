#!/usr/bin/env bash
# Runs one `bench` of this checkout against an earlier commit built beside it, alternating, and prints each
# build's median with its spread and the ratio of the medians (the machine's speed swings by a third from
# minute to minute, so only figures taken in the same minutes compare).
#
#   scripts/bench-against.sh BASE_COMMIT RUNS model [--seconds 10]
#   scripts/bench-against.sh d9eb65d 3 psa --draws 200
#   scripts/bench-against.sh d9eb65d 3 grains --patients 10000 --live 0 --seconds 10
#
# The figure read from each run: `model` the median round (admissions/s; the whole run's rate from builds that print
# no rounds), `psa` admissions/s, `grains` the
# grains' admissions/s. Both builds are Release; each runs from its own source tree, so each reads its own data.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n 2,12p "$0" >&2
  exit 2
fi
base=$1 runs=$2 kind=$3
shift 3
case "$kind" in
  model) pattern='^model: ([0-9.]+) admissions/s( \(best of [0-9]+ rounds; median ([0-9.]+)\))?' ;;
  psa) pattern='s \(([0-9.]+)/s' ;;
  grains) pattern='^grains: ([0-9.]+) admissions/s' ;;
  *) echo "bench-against: '$kind' is not one it reads a figure from (model, psa, grains)" >&2; exit 2 ;;
esac
root=$(git rev-parse --show-toplevel)
base_sha=$(git -C "$root" rev-parse --verify "$base^{commit}") || { echo "bench-against: no commit '$base' in this repository" >&2; exit 2; }
work=${BENCH_WORK:-/tmp/wardtwin-bench}
mkdir -p "$work"
if [ ! -d "$work/base-$base_sha" ]; then
  git -C "$root" worktree add --detach "$work/base-$base_sha" "$base_sha" >/dev/null
fi

build() { dotnet build "$1/src/Silo" -c Release -o "$2" -nologo -v q >"$2.log" 2>&1 || { echo "bench-against: building $1 failed, see $2.log" >&2; exit 1; }; }
mkdir -p "$work/out"
build "$root" "$work/out/new"
build "$work/base-$base_sha" "$work/out/base"

figure() {
  local tree=$1 dll=$2 line
  shift 2
  line=$(cd "$tree" && dotnet "$dll" bench "$kind" "$@" 2>&1 | tee -a "$work/out/runs.log" | grep -E "$pattern" | head -1) || true
  [[ $line =~ $pattern ]] || { echo "bench-against: no figure in the output of $tree (see $work/out/runs.log)" >&2; exit 1; }
  # Builds that print a median round give it; older ones give one rate for the whole run.
  echo "${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}"
}

news=() bases=()
: >"$work/out/runs.log"
for ((i = 1; i <= runs; i++)); do
  # Alternate which goes first, so neither always gets the cooler minute.
  if ((i % 2)); then
    bases+=("$(figure "$work/base-$base_sha" "$work/out/base/WardTwin.Silo.dll" "$@")")
    news+=("$(figure "$root" "$work/out/new/WardTwin.Silo.dll" "$@")")
  else
    news+=("$(figure "$root" "$work/out/new/WardTwin.Silo.dll" "$@")")
    bases+=("$(figure "$work/base-$base_sha" "$work/out/base/WardTwin.Silo.dll" "$@")")
  fi
  [ -n "${news[-1]}" ] && [ -n "${bases[-1]}" ] || exit 1
  echo "run $i: new ${news[-1]}, base ${bases[-1]}" >&2
done

python3 - "$kind" "$(git -C "$root" rev-parse --short HEAD)" "${base_sha:0:7}" "${news[*]}" "${bases[*]}" <<'PY'
import statistics, sys
kind, head, base, new, old = sys.argv[1], sys.argv[2], sys.argv[3], [float(x) for x in sys.argv[4].split()], [float(x) for x in sys.argv[5].split()]
mn, mo = statistics.median(new), statistics.median(old)
print(f"bench {kind}, {len(new)} runs each, alternating (admissions/s)")
print(f"  this checkout ({head}): median {mn:,.0f} (spread {min(new):,.0f}-{max(new):,.0f})")
print(f"  base ({base}):          median {mo:,.0f} (spread {min(old):,.0f}-{max(old):,.0f})")
print(f"  ratio of medians: {mn / mo:.2f}x")
PY
