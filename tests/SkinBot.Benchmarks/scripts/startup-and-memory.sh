#!/usr/bin/env bash
# Time from process start to a ready index (/readyz 200) and the host's resident memory after answering every
# message of an eval set through POST /api/chat. Usage (from the repository root):
#   tests/SkinBot.Benchmarks/scripts/startup-and-memory.sh [eval file under tests/eval] [port]
set -euo pipefail
cd "$(dirname "$0")/../../.."
eval_file="${1:-real-style.yml}"
port="${2:-5391}"
out=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$out"' EXIT

# As the container image ships it: precompiled for the runtime (ReadyToRun), framework-dependent.
dotnet publish src/SkinBot.Host -c Release -r linux-x64 --self-contained false -o "$out/app" --nologo -v quiet >/dev/null
# A fresh index folder, so the measurement includes building the index, not reopening a persisted one.
export Engine__IndexPath="$out/index" Urls="http://127.0.0.1:$port" Limits__PerUserPermitsPerMinute=100000 Limits__PerChannelPermitsPerMinute=100000
start=$(date +%s.%N)
dotnet "$out/app/skinbot.dll" >"$out/host.log" 2>&1 &
pid=$!
# A host that exits (a broken publish, a port in use) fails the run instead of leaving it waiting for ever.
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "the host exited before it was ready:" >&2; cat "$out/host.log" >&2; exit 1; }
  sleep 0.02
done
ready=$(date +%s.%N)
echo "ready after $(echo "$ready - $start" | bc) s (process start to /readyz 200, index built from scratch)"
host_pid=$pid
grep -E 'VmRSS' "/proc/$host_pid/status" | sed 's/^/after start:   /'

python3 - "$eval_file" "$port" <<'PY'
import json, sys, urllib.request, yaml
questions = yaml.safe_load(open(f"tests/eval/{sys.argv[1]}"))["questions"]
for i, q in enumerate(questions):
    body = json.dumps({"text": q["text"][:2000], "conversationId": f"mem-{i}"}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[2]}/api/chat", body, {"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
print(f"answered {len(questions)} messages")
PY
grep -E 'VmRSS|VmHWM' "/proc/$host_pid/status" | sed 's/^/after answers: /'
