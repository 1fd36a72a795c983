#!/usr/bin/env bash
# Precompiles a build output folder to native code (ReadyToRun), so a run JIT-compiles almost nothing at start:
#
#   dotnet build src/Sitrep.Cli -c Release && scripts/ready-to-run.sh src/Sitrep.Cli/bin/Release/net10.0 /tmp/sitrep-r2r
#   dotnet /tmp/sitrep-r2r/sitrep.dll analyze samples/wagner-2023 --out out
#   scripts/ready-to-run.sh --in-place src/Sitrep.Cli/bin/Release/net10.0     # what -p:SitrepReadyToRun=true runs after a build
#
# The folder is copied to DEST (the build output is left as it is) and every managed assembly in it that is not
# ReadyToRun already is compiled with crossgen2 against the shared framework the SDK runs. With --in-place the
# assemblies are compiled into a scratch folder and then moved over the build output's (the next plain build copies
# the IL ones back, as their size differs).
# The crossgen2 pack (Microsoft.NETCore.App.Crossgen2.<rid>) comes from the NuGet feed, restored once by a throwaway
# project with PublishReadyToRun, as `dotnet publish -r <rid> -p:PublishReadyToRun=true` would. Linux and macOS, x64 or
# arm64. Measured in docs/BENCHMARKS.md (`perf6` section).
set -euo pipefail

in_place=false
if [ $# -eq 2 ] && [ "$1" = "--in-place" ]; then
    in_place=true
    src=$(cd "$2" && pwd)
    dest=$(mktemp -d)
elif [ $# -eq 2 ]; then
    src=$(cd "$1" && pwd)
    dest=$2
    [ "$src" != "$(mkdir -p "$dest" && cd "$dest" && pwd)" ] || { echo "DEST must differ from the build output" >&2; exit 2; }
else
    echo "usage: $0 BUILD_OUTPUT_DIR DEST_DIR | $0 --in-place BUILD_OUTPUT_DIR" >&2
    exit 2
fi

case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) echo "unsupported OS $(uname -s)" >&2; exit 2 ;; esac
case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported CPU $(uname -m)" >&2; exit 2 ;; esac
rid="$os-$arch"

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" && $2 ~ /^10\./ {v = $2} END {print v}')
[ -n "$runtime" ] || { echo "no .NET 10 runtime found" >&2; exit 1; }
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
crossgen="$packages/microsoft.netcore.app.crossgen2.$rid/$runtime/tools/crossgen2"
if [ ! -x "$crossgen" ]; then
    probe=$(mktemp -d)
    cat > "$probe/probe.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
    <PublishReadyToRun>true</PublishReadyToRun>
  </PropertyGroup>
</Project>
EOF
    dotnet restore "$probe/probe.csproj" >&2
    rm -rf "$probe"
fi
[ -x "$crossgen" ] || { echo "crossgen2 not found at $crossgen" >&2; exit 1; }

if [ "$in_place" = false ]; then
    rm -rf "$dest"
    cp -a "$src" "$dest"
fi

# References: the shared frameworks the app runs on (ASP.NET Core for the workbench), then the app's own assemblies.
refs=(-r "$dotnet_root/shared/Microsoft.NETCore.App/$runtime/*.dll")
aspnet="$dotnet_root/shared/Microsoft.AspNetCore.App/$runtime"
[ -d "$aspnet" ] && refs+=(-r "$aspnet/*.dll")
refs+=(-r "$src/*.dll")

compiled=0
skipped=0
for dll in "$src"/*.dll; do
    name=$(basename "$dll")
    # A native library, a reference-only or an already precompiled assembly is kept as it is (crossgen2 refuses them).
    if "$crossgen" "$dll" -o "$dest/$name" --targetos:"$os" --targetarch:"$arch" -O "${refs[@]}" >"$dest/$name.r2r.log" 2>&1; then
        compiled=$((compiled + 1))
        rm -f "$dest/$name.r2r.log"
    else
        skipped=$((skipped + 1))
        rm -f "$dest/$name" "$dest/$name.r2r.log"
        [ "$in_place" = true ] || cp -a "$dll" "$dest/$name"
    fi
done
if [ "$in_place" = true ]; then
    # Moved only once every assembly is compiled: crossgen2 read the IL ones as references until then.
    for dll in "$dest"/*.dll; do
        mv -f "$dll" "$src/$(basename "$dll")"
    done
    rm -rf "$dest"
    dest=$src
fi
echo "ReadyToRun: $compiled assemblies compiled, $skipped kept as they were, in $dest"
