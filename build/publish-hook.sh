#!/usr/bin/env bash
# Publishes the fastest in-process `palisade hook`: self-contained, one composite ReadyToRun image of Palisade and the
# .NET framework together (cross-assembly generic code precompiled), compiled for this CPU's instruction set (x86-64-v3
# when it has AVX2, so the framework's vectorised code is precompiled too). See docs/decisions/014-hook-install.md.
# Usage: build/publish-hook.sh [output-dir]      (default: $PALISADE_HOME/bin, i.e. ~/.palisade/bin; ~140 MB)
# Then:  <output-dir>/palisade setup claude-code   (setup writes the path of the binary it runs from)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-${PALISADE_HOME:-$HOME/.palisade}/bin}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) RID=linux-x64 ;;
  Linux-aarch64) RID=linux-arm64 ;;
  Darwin-arm64) RID=osx-arm64 ;;
  Darwin-x86_64) RID=osx-x64 ;;
  *) echo "publish-hook: no runtime identifier known for $(uname -s) $(uname -m); publish with 'dotnet publish -r RID' by hand." >&2; exit 2 ;;
esac
ARGS=()
# Precompiled for x86-64-v3 only on a CPU that runs it: elsewhere the runtime would reject the image and jit everything.
if [[ $RID == linux-x64 ]] && grep -qw avx2 /proc/cpuinfo; then
  ARGS+=("-p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3")
fi
# A framework-dependent ReadyToRun publish for the same RID leaves per-assembly images here that a composite publish
# would pick up (and vice versa): the result starts, then aborts. Start from a clean slate.
rm -rf "$ROOT/src/Palisade.Cli/obj/Release/net10.0/$RID/R2R"
dotnet publish "$ROOT/src/Palisade.Cli" -c Release -r "$RID" --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true "${ARGS[@]}" -o "$OUT"
"$OUT/palisade" --version >/dev/null
echo "palisade installed in $OUT; protect an agent with: $OUT/palisade setup claude-code (or cursor)"
