#!/usr/bin/env bash
# Optional smoke test of the container image (SKINBOT_PODMAN_SMOKE=1 deploy/ci/check.sh, or run directly as root):
# builds deploy/Dockerfile with podman and runs it as the manifests do (read-only root, /tmp on tmpfs, image's
# non-root user), then asks it a question and stops it with SIGTERM.
# The mcr.microsoft.com bases cannot be pulled here, so local ones stand in (base.Containerfile): a Debian made by
# debootstrap, plus this machine's .NET SDK (build stage) or its runtimes only (runtime stage). NuGet packages come
# from this machine's cache, and the build trusts this machine's certificate authorities (its network may need them
# for NuGet's audit). podman from Debian needs --runtime runc here.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in podman debootstrap runc; do
  command -v "$tool" >/dev/null || { echo "podman smoke: $tool is missing (apt-get install -y podman debootstrap runc)" >&2; exit 1; }
done

cache=${SKINBOT_PODMAN_CACHE:-/var/tmp/skinbot-podman}
port=${SKINBOT_PODMAN_PORT:-18080}
podman=(podman --runtime runc)
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
mkdir -p "$cache"

if ! podman image exists localhost/skinbot-debian:bookworm; then
  rm -rf "$cache/rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libssl3 bookworm "$cache/rootfs" http://deb.debian.org/debian >"$cache/debootstrap.log"
  rm -rf "$cache/rootfs/var/cache/apt/archives/"*.deb "$cache/rootfs/var/lib/apt/lists/"*
  tar -C "$cache/rootfs" -c . | podman import - localhost/skinbot-debian:bookworm >/dev/null
fi

# Stage a base's dotnet/ folder with hard links where the file system allows (the SDK is 600 MB), then build it.
base() {
  local tag=$1; shift
  local context="$cache/$tag"
  if podman image exists "localhost/skinbot-$tag:dev"; then return; fi
  rm -rf "$context" && mkdir -p "$context/dotnet"
  for part in "$@"; do
    mkdir -p "$context/dotnet/$(dirname "$part")"
    cp -al "$dotnet_root/$part" "$context/dotnet/$part" 2>/dev/null || cp -a "$dotnet_root/$part" "$context/dotnet/$part"
  done
  "${podman[@]}" build -q -f deploy/podman/base.Containerfile -t "localhost/skinbot-$tag:dev" "$context" >/dev/null
}
base sdk dotnet host shared sdk packs sdk-manifests templates
base runtime dotnet host shared/Microsoft.NETCore.App shared/Microsoft.AspNetCore.App

start=$SECONDS
"${podman[@]}" build -q -f deploy/Dockerfile \
  --build-arg SDK_IMAGE=localhost/skinbot-sdk:dev --build-arg RUNTIME_IMAGE=localhost/skinbot-runtime:dev \
  --network host -v "$HOME/.nuget/packages:/root/.nuget/packages" -v /etc/ssl/certs:/etc/ssl/certs:ro \
  -t localhost/skinbot:smoke . >/dev/null
echo "podman smoke: image built ($((SECONDS - start)) s): $(podman image inspect --format '{{.Size}} bytes, user {{.Config.User}}' localhost/skinbot:smoke)"

name=skinbot-smoke-$$
trap '"${podman[@]}" rm -f "$name" >/dev/null 2>&1 || true' EXIT
# Explicit, modest rlimits: the sandbox this runs in refuses the ones podman sets by default (EPERM from runc).
"${podman[@]}" run -d --name "$name" --network host --read-only --tmpfs /tmp --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
  -e ASPNETCORE_HTTP_PORTS="$port" -e SKINBOT__Host__Role=web -e shutdownTimeoutSeconds=10 \
  localhost/skinbot:smoke >/dev/null
deadline=$((SECONDS + 60))
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { "${podman[@]}" logs "$name" >&2; echo "podman smoke: not ready within 60 s" >&2; exit 1; }
  sleep 0.5
done
answer=$(curl -fs -X POST "http://127.0.0.1:$port/api/chat" -H 'Content-Type: application/json' -d '{"text":"what are boxcar scars?"}')
grep -q '"caveat"' <<<"$answer" || { echo "podman smoke: no answer with a caveat: $answer" >&2; exit 1; }
user=$("${podman[@]}" exec "$name" id -u)
"${podman[@]}" stop -t 30 "$name" >/dev/null
status=$("${podman[@]}" inspect --format '{{.State.ExitCode}}' "$name")
[ "$user" != 0 ] && [ "$status" = 0 ] || { "${podman[@]}" logs "$name" >&2; echo "podman smoke: uid $user, exit $status" >&2; exit 1; }
echo "podman smoke: ready, answered with a caveat, ran as uid $user on a read-only root, stopped by SIGTERM with exit 0"
