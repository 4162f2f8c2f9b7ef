#!/usr/bin/env bash
# Issue 12 figures: error answers and memory under hostile bodies, a signed-in client during an unknown-user
# flood, unknown vs known-user sign-in timing. Measured, never asserted; results in build/results/<date>-hardening.md.
# Usage: build/hardening.sh
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build "$repo_root/samples/CaseServer" -c Release -p:UseSharedCompilation=true -v q -nologo
python3 "$repo_root/build/hardening.py"
