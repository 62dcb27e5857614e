#!/usr/bin/env bash
# The Dockerfile's publish step, shared with CI so that CI proves the image's build without a container engine:
#   deploy/ci/publish.sh OUTPUT_DIR
# Framework-dependent (the runtime image has ASP.NET Core), precompiled for linux-x64 (ReadyToRun, which a runtime
# identifier turns on in SkinBot.Host.csproj: about half the time to ready), no apphost (the image starts `dotnet skinbot.dll`),
# and no build servers left running (in CI, or as sockets in the image's build layer).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: publish.sh OUTPUT_DIR}
rid=${SKINBOT_RID:-linux-x64}
dotnet publish src/SkinBot.Host/SkinBot.Host.csproj -c Release -r "$rid" --self-contained false -o "$out" \
  -p:UseAppHost=false --disable-build-servers --nologo -v quiet
# What the image must carry besides the code: settings and the corpus it indexes at start.
test -f "$out/skinbot.dll" && test -f "$out/appsettings.json" && test -f "$out/corpus/intents.yml" || {
  echo "publish.sh: $out lacks skinbot.dll, appsettings.json or corpus/" >&2
  exit 1
}
