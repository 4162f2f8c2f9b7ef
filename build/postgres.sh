#!/usr/bin/env bash
# Makes sure PostgreSQL's server programs (initdb, pg_ctl) are on this machine, for the tests that start a
# throwaway cluster (tests/CaseServer.Tests/Infrastructure/PostgresCluster.cs). Installs Debian's
# `postgresql` package when they are missing (needs root, or sudo without a password). Starts nothing:
# the tests start and remove their own clusters, as a non-root user, on 127.0.0.1.
set -euo pipefail

find_initdb() {
  command -v initdb 2>/dev/null && return 0
  ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1
}

if [[ -n "$(find_initdb)" ]]; then
  echo "postgres.sh: PostgreSQL found ($(find_initdb))"
  exit 0
fi

sudo=""
if [[ "$(id -u)" != "0" ]]; then
  sudo="sudo -n"
fi

echo "postgres.sh: installing Debian's postgresql package"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null

if [[ -z "$(find_initdb)" ]]; then
  echo "postgres.sh: initdb still missing after installing postgresql" >&2
  exit 1
fi
echo "postgres.sh: PostgreSQL installed ($(find_initdb))"
