#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian machine: the .NET SDK must be there already;
# Prometheus (scrapes a running silo), Chromium and its driver (the dashboard tests) and the PostgreSQL server
# (cluster-mode tests start their own instance on a free port and remove it), npm (the build restores the
# dashboard's chart library with it) and python3-hl7 (the device-data tests' MLLP receiver) come from Debian.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 1
fi

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(npm)
# python3-hl7: the independent MLLP receiver of the device-data tests (Debian's own Python, not a pyenv one).
/usr/bin/python3 -c 'import hl7.mllp' >/dev/null 2>&1 || need+=(python3-hl7)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]} from Debian"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi
prometheus --version >/dev/null 2>&1
# Debian's wrapper sources /etc/chromium.d/dev-shm, whose test prints "[: ...: unexpected operator" where findmnt
# reports /dev/shm twice (containers): harmless, so its words are shown only when chromium does not start.
chromium_out=$(/usr/bin/chromium --version 2>&1) || { echo "$chromium_out" >&2; exit 1; }
/usr/bin/chromedriver --version >/dev/null
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null
/usr/bin/python3 -c 'import hl7.mllp'
# The device-data tests' FHIR server: Medplum's FHIR router in memory (npm, versions pinned in its package-lock.json).
# And the second MLLP receiver, node-hl7-server.
for peer in fhir node-hl7; do
  dir="$(cd "$(dirname "$0")/../tests/peers/$peer" && pwd)"
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
done
