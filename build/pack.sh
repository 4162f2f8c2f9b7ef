#!/usr/bin/env bash
# Builds the CaseContracts NuGet package (src/CaseContracts.Package) in Release.
#
#   bash build/pack.sh [--output DIR] [--version-suffix SUFFIX]
#
# The version is VersionPrefix in Directory.Build.props (the one place); --version-suffix makes a
# pre-release of it (0.1.0-SUFFIX), which tests use to get a version no NuGet cache has seen.
# Prints the path of the package as its last line.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$repo_root/artifacts/packages"
version_suffix=""

while (( $# > 0 )); do
  case "$1" in
    --output) output="$2"; shift 2 ;;
    --version-suffix) version_suffix="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$output"
output="$(cd "$output" && pwd)"

# ContinuousIntegrationBuild: deterministic paths in what ships, whatever machine packs it.
dotnet pack "$repo_root/src/CaseContracts.Package/CaseContracts.Package.csproj" \
  -c Release -o "$output" -nologo \
  -p:UseSharedCompilation=true -p:ContinuousIntegrationBuild=true \
  -p:VersionSuffix="$version_suffix" >&2

package_version="$(dotnet msbuild "$repo_root/src/CaseContracts.Package/CaseContracts.Package.csproj" \
  -nologo -getProperty:PackageVersion -p:VersionSuffix="$version_suffix")"
package="$output/CaseContracts.$package_version.nupkg"
if [[ ! -f "$package" ]]; then
  echo "pack.sh: expected $package, not found" >&2
  exit 1
fi
echo "$package"
