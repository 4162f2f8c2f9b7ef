#!/usr/bin/env bash
# Makes sure a headless browser is on this machine, for the test that opens CaseServer's API reference page
# (tests/CaseServer.Tests/Infrastructure/HeadlessChromium.cs). Installs Debian's `chromium` package when no
# chromium is found (needs root, or sudo without a password). Starts nothing: the test starts and stops its own
# browser, on a throwaway profile, pointed at 127.0.0.1 only.
set -euo pipefail

find_chromium() {
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

if [[ -n "$(find_chromium)" ]]; then
  echo "chromium.sh: Chromium found ($(find_chromium))"
  exit 0
fi

sudo=""
if [[ "$(id -u)" != "0" ]]; then
  sudo="sudo -n"
fi

echo "chromium.sh: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [[ -z "$(find_chromium)" ]]; then
  echo "chromium.sh: chromium still missing after installing it" >&2
  exit 1
fi
echo "chromium.sh: Chromium installed ($(find_chromium))"
