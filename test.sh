#!/usr/bin/env bash
# Runs every test of WardTwin: the fast unit and calibration tests (tests/WardTwin.Model.Tests), the grain
# tests on an in-process Orleans cluster (tests/WardTwin.Grains.Tests), then the
# slow end-to-end ones that drive the real command line (tests/WardTwin.EndToEnd.Tests). It installs what
# the tests need first, so it works on a fresh machine. Prints "N passed, N failed" at the end.
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/install-test-deps.sh || { echo "test.sh: installing test dependencies failed" >&2; exit 1; }

if ! dotnet build WardTwin.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  echo "test.sh: the build failed" >&2
  exit 1
fi

passed=0; failed=0; status=0
run() {
  local project=$1 log
  log=$(mktemp)
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  # The console logger closes with "Total tests: N", "Passed: N" and, when any failed, "Failed: N".
  local p f
  p=$(sed -nE 's/^ +Passed: +([0-9]+)$/\1/p' "$log" | tail -n 1)
  f=$(sed -nE 's/^ +Failed: +([0-9]+)$/\1/p' "$log" | tail -n 1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ]; then
    status=1
    [ -z "$f" ] && failed=$((failed + 1))
  fi
  rm -f "$log"
}

run tests/WardTwin.Model.Tests
run tests/WardTwin.DeviceData.Tests
run tests/WardTwin.Grains.Tests
run tests/WardTwin.EndToEnd.Tests

echo
echo "tests: $passed passed, $failed failed"
exit $status
