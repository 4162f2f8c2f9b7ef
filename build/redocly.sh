#!/usr/bin/env bash
# Makes sure the OpenAPI linter the tests run is here: @redocly/cli, pinned, installed from npm into
# .tools/redocly/ of this checkout (nothing global; tests/Shared/Redocly.cs runs it from there). Installs
# Node's npm from Debian when it is missing (needs root, or sudo without a password). Starts nothing.
set -euo pipefail

version="2.77.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$repo_root/.tools/redocly"
binary="$prefix/node_modules/.bin/redocly"

if [[ -x "$binary" ]] && [[ "$("$binary" --version 2>/dev/null || true)" == "$version" ]]; then
  echo "redocly.sh: @redocly/cli $version found"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  if [[ "$(id -u)" != "0" ]]; then
    sudo="sudo -n"
  fi
  echo "redocly.sh: installing Debian's npm package"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

echo "redocly.sh: installing @redocly/cli $version into ${prefix#"$repo_root"/}"
mkdir -p "$prefix"
# A package.json of its own, so npm installs here and not into a parent project.
[[ -f "$prefix/package.json" ]] || echo '{ "private": true }' >"$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >/dev/null

if [[ "$("$binary" --version 2>/dev/null || true)" != "$version" ]]; then
  echo "redocly.sh: $binary is not @redocly/cli $version after installing it" >&2
  exit 1
fi
echo "redocly.sh: @redocly/cli $version installed"
