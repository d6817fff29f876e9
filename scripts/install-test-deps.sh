#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian machine. Today that is only the .NET SDK of
# global.json; later suites add their servers (PostgreSQL, Prometheus, Chromium) here.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 1
fi
dotnet --version >/dev/null
