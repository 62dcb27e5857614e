#!/usr/bin/env bash
# Offline checks of the deploy artefacts, run by .ci/run before the tests:
#  1. the Dockerfile's publish step (deploy/ci/publish.sh), so the image's build is proven without a container engine;
#  2. every kustomize overlay (and the base) rendered with `kubectl kustomize`, which needs no cluster;
#  3. the rendered objects and the Secret template validated against the Kubernetes schemas (kubernetes-models,
#     installed here from package-lock.json), unknown fields included, and checked for consistency;
#  4. with SKINBOT_PODMAN_SMOKE=1, the image built on a local Debian base and started with podman (deploy/podman/).
# SKINBOT_SKIP_PUBLISH=1 leaves out step 1 (e.g. while editing manifests).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${SKINBOT_SKIP_PUBLISH:-0}" != 1 ]; then
  start=$SECONDS
  deploy/ci/publish.sh "$work/app"
  echo "deploy: publish as in the image: ok ($((SECONDS - start)) s)"
fi

command -v kubectl >/dev/null || { echo "deploy: kubectl is needed to render the overlays (kubectl kustomize)" >&2; exit 1; }
for dir in deploy/k8s/base deploy/k8s/overlays/*/; do
  name=$(basename "$dir")
  kubectl kustomize "$dir" >"$work/$name.yaml"
  echo "deploy: rendered $name ($(grep -c '^kind:' "$work/$name.yaml") objects)"
done

if [ ! -d deploy/ci/node_modules ]; then
  (cd deploy/ci && npm ci --no-audit --no-fund --loglevel=error)
fi
node deploy/ci/validate.mjs "$work"/*.yaml deploy/k8s/secret.template.yaml
node deploy/ci/consistency.mjs "$work"/*.yaml
echo "deploy: manifests valid and consistent"

if [ "${SKINBOT_PODMAN_SMOKE:-0}" = 1 ]; then
  deploy/podman/smoke.sh
fi
