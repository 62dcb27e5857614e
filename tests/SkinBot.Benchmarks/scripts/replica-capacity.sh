#!/usr/bin/env bash
# Capacity of one `web` replica and the footprint of one `gateway` pod, as the container runs them (deploy/ci/publish.sh
# output, in-memory index). The host is pinned to CPU 0 and wrk to CPU 1, so the figures are per core of the host.
# Usage (from the repository root; needs wrk and taskset):
#   tests/SkinBot.Benchmarks/scripts/replica-capacity.sh [seconds] [connections] [eval file under tests/eval]
# SKINBOT_APP=DIR reuses an existing publish output instead of publishing again.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds="${1:-30}"
connections="${2:-16}"
eval_file="${3:-real-style.yml}"
port=5392
work=$(mktemp -d)
pid=
stop() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT

app="${SKINBOT_APP:-}"
if [ -z "$app" ]; then
  app="$work/app"
  deploy/ci/publish.sh "$app" >/dev/null
fi

# The questions, as one request body each, spread over the run by the wrk script.
python3 - "$eval_file" "$work/bodies.lua" <<'PY'
import json, sys, yaml
questions = yaml.safe_load(open(f"tests/eval/{sys.argv[1]}"))["questions"]
with open(sys.argv[2], "w") as out:
    out.write("bodies = {\n")
    for q in questions:
        out.write("  %s,\n" % json.dumps(json.dumps({"text": q["text"][:2000]})))
    out.write("}\n")
PY
cat >>"$work/bodies.lua" <<'LUA'
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, bodies[i])
end
done = function(summary)
  local e = summary.errors
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d; non-2xx: %d\n", e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$1/status"; }

start_host() {
  env SKINBOT__Engine__InMemoryIndex=true SKINBOT__Engine__WatchCorpus=false Urls="http://127.0.0.1:$port" \
    SKINBOT__Limits__PerUserPermitsPerMinute=100000 SKINBOT__Limits__PerChannelPermitsPerMinute=1000000 \
    Logging__LogLevel__Default=Warning "$@" \
    taskset -c 0 dotnet "$app/skinbot.dll" >"$work/host.log" 2>&1 &
  pid=$!
}

wait_for() {
  local deadline=$((SECONDS + 60))
  until curl -fs "http://127.0.0.1:$port/$1" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "no $1 within 60 s" >&2; cat "$work/host.log" >&2; exit 1; }
    sleep 0.1
  done
}

echo "== web replica (Host:Role=web), POST /api/chat, $connections connections, ${seconds} s after a 10 s warm-up"
start_host SKINBOT__Host__Role=web
wait_for readyz
echo "ready:        $(memory "$pid")"
taskset -c 1 wrk -t1 -c"$connections" -d10s -s "$work/bodies.lua" "http://127.0.0.1:$port" >/dev/null
before=$(cpu_seconds "$pid")
taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/bodies.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
after=$(cpu_seconds "$pid")
echo "after load:   $(memory "$pid")"
echo "host CPU:     $(echo "scale=2; ($after - $before) / $seconds" | bc) cores busy on average during the run"
stop

echo "== gateway pod (Host:Role=gateway) at rest, its gateway unreachable (no Discord here)"
start_host SKINBOT__Host__Role=gateway SKINBOT__Discord__BotToken=capacity-measurement \
  SKINBOT__Discord__GatewayUrl=ws://127.0.0.1:9/ SKINBOT__Discord__ApiBaseUrl=http://127.0.0.1:9/api/v10
wait_for healthz
sleep 15
before=$(cpu_seconds "$pid")
sleep 30
after=$(cpu_seconds "$pid")
echo "at rest:      $(memory "$pid")  CPU $(echo "scale=3; ($after - $before) / 30" | bc) cores"
stop
