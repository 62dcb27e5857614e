#!/usr/bin/env bash
# Discord /ask and the web chat under wrk on loopback, beside the machine's ceilings measured in the same run, with a
# question that changes on every request and, for /ask, an interaction id that is never repeated (SkinBot refuses a
# replayed interaction, so a load that resends one signed request measures refusals, not answers).
#
# Usage (from the repository root; needs wrk, node, python3 with PyYAML):
#   tests/SkinBot.Benchmarks/scripts/ask-vs-ceiling.sh [seconds] [connections] [eval file under tests/eval]
# Environment:
#   CEILING_APP=DIR   the bare-Kestrel ceiling project (default ../shared/perf/bare-kestrel)
#   SKINBOT_APP=DIR   reuse a published host instead of publishing again
#   SKINBOT_ENV="K=V ..." extra settings for the host (e.g. "Engine__AnswerMemoCapacity=0" for the unmemoised engine)
#   KEEP=1            keep the work folder (signed requests, logs)
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds="${1:-10}"
connections="${2:-32}"
eval_file="${3:-questions.yml}"
ceiling_src="${CEILING_APP:-../shared/perf/bare-kestrel}"
work=$(mktemp -d)
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap 'stop; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT

app="${SKINBOT_APP:-}"
if [ -z "$app" ]; then
  app="$work/bot"
  dotnet publish src/SkinBot.Host -c Release -o "$app" >"$work/publish.log" 2>&1 || { tail -5 "$work/publish.log"; exit 1; }
fi
cp -r "$ceiling_src" "$work/ceiling-src"
dotnet publish "$work/ceiling-src" -c Release -o "$work/ceiling" >"$work/ceiling.log" 2>&1 || { tail -5 "$work/ceiling.log"; exit 1; }

# Enough signed interactions that no id is sent twice: each line is "signature body"; wrk's threads take alternate lines.
count=$(( (seconds + 3) * 12000 ))
python3 - "$eval_file" "$work/questions.json" <<'PY'
import json, sys, yaml
questions = [q["text"][:2000] for q in yaml.safe_load(open(f"tests/eval/{sys.argv[1]}"))["questions"]]
json.dump(questions, open(sys.argv[2], "w"))
PY
node - "$work" "$count" <<'JS'
const c = require("crypto"), fs = require("fs");
const [work, count] = [process.argv[2], Number(process.argv[3])];
const questions = JSON.parse(fs.readFileSync(`${work}/questions.json`));
const { publicKey, privateKey } = c.generateKeyPairSync("ed25519");
fs.writeFileSync(`${work}/public-key`, publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"));
const ts = String(Math.floor(Date.now() / 1000) + 30);
fs.writeFileSync(`${work}/timestamp`, ts);
const ask = fs.openSync(`${work}/ask.txt`, "w"), web = fs.openSync(`${work}/web.txt`, "w");
const pingBody = JSON.stringify({ type: 1, id: "1", application_id: "1100000000000000001", token: "t", version: 1 });
fs.writeFileSync(`${work}/ping.txt`, c.sign(null, Buffer.from(ts + pingBody), privateKey).toString("hex") + " " + pingBody + "\n");
for (let i = 0; i < count; i++) {
  const q = questions[i % questions.length];
  const body = JSON.stringify({
    id: String(1500000000000000000n + BigInt(i)), application_id: "1100000000000000001", type: 2, token: `itok-${i}`, version: 1,
    guild_id: "1200000000000000001", channel_id: String(1250000000000000000n + BigInt(i % 50)), locale: "en-US",
    member: { user: { id: String(1300000000000000000n + BigInt(i % 500)), username: "perf" }, roles: [], permissions: "0" },
    data: { id: "1400000000000000002", name: "ask", type: 1, options: [{ name: "question", type: 3, value: q }] },
  });
  fs.writeSync(ask, c.sign(null, Buffer.from(ts + body), privateKey).toString("hex") + " " + body + "\n");
  fs.writeSync(web, "- " + JSON.stringify({ text: q }) + "\n");
}
JS
cat >"$work/lines.lua" <<'LUA'
-- POSTs the lines of FILE in turn ("signature body"; a signature of "-" sends none), thread i of n taking lines i, i+n, ...
-- (a file of one line, the fixed ceiling requests, is sent by every thread)
local threads, counter = {}, 0
function setup(thread) counter = counter + 1; thread:set("index", counter); table.insert(threads, thread) end
function init(args)
  local n, i, k = tonumber(os.getenv("THREADS")), index, 0
  lines, next_line, codes = {}, 1, {}
  for line in io.lines(os.getenv("FILE")) do
    k = k + 1
    if k % n == i % n then table.insert(lines, line) end
  end
  if #lines == 0 then for line in io.lines(os.getenv("FILE")) do table.insert(lines, line) end end
end
function request()
  local line = lines[next_line]
  next_line = next_line % #lines + 1
  local space = line:find(" ")
  local sig, body = line:sub(1, space - 1), line:sub(space + 1)
  local headers = { ["Content-Type"] = "application/json" }
  if sig ~= "-" then
    headers["X-Signature-Ed25519"] = sig
    headers["X-Signature-Timestamp"] = os.getenv("TS")
  end
  return wrk.format("POST", nil, headers, body)
end
function response(status) codes[status] = (codes[status] or 0) + 1 end
function done()
  local total = {}
  for _, t in ipairs(threads) do for k, v in pairs(t:get("codes")) do total[k] = (total[k] or 0) + v end end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, k .. "=" .. v) end
  io.write("status codes: ", table.concat(parts, " "), "\n")
end
LUA

public_key=$(cat "$work/public-key"); ts=$(cat "$work/timestamp")
(cd "$work/ceiling" && exec env PUBLIC_KEY="$public_key" dotnet bare-kestrel.dll --urls http://127.0.0.1:5711 >"$work/ceiling-run.log" 2>&1) &
pids+=($!)
# shellcheck disable=SC2086
(cd "$app" && exec env Discord__PublicKey="$public_key" Discord__ApplicationId=1100000000000000001 \
  Limits__PerUserPermitsPerMinute=1000000 Limits__PerChannelPermitsPerMinute=1000000 Logging__LogLevel__Default=Warning \
  ${SKINBOT_ENV:-} dotnet skinbot.dll --urls http://127.0.0.1:5712 >"$work/bot-run.log" 2>&1) &
pids+=($!)
ready=
for _ in $(seq 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' 127.0.0.1:5712/readyz)" = 200 ] && ready=1 && break; sleep 0.5; done
[ -n "$ready" ] || { echo "the host did not become ready:"; tail -5 "$work/bot-run.log"; exit 1; }
sleep 1

run() { # label url file
  local out
  out=$(FILE="$3" THREADS=2 TS="$ts" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/lines.lua" "$2" 2>&1)
  printf '%-26s %10s req/s  p50 %-8s p99 %-8s %s\n' "$1" "$(echo "$out" | awk '/Requests\/sec/{print $2}')" \
    "$(echo "$out" | awk '/ 50%/{print $2}')" "$(echo "$out" | awk '/ 99%/{print $2}')" "$(echo "$out" | grep 'status codes' | sed 's/status codes: //')"
}
bare_line() { echo "- {\"type\":1}" >"$work/bare.txt"; echo "$work/bare.txt"; }

# Warm-up: the first 3 s of interactions (ids are never reused), then the web chat.
head -n $(( 3 * 12000 )) "$work/ask.txt" >"$work/ask-warm.txt"; tail -n +$(( 3 * 12000 + 1 )) "$work/ask.txt" >"$work/ask-run.txt"
FILE="$work/ask-warm.txt" THREADS=2 TS="$ts" wrk -t2 -c4 -d3s -s "$work/lines.lua" http://127.0.0.1:5712/discord/interactions >/dev/null 2>&1
FILE="$work/web.txt" THREADS=2 TS="$ts" wrk -t2 -c4 -d3s -s "$work/lines.lua" http://127.0.0.1:5712/api/chat >/dev/null 2>&1

echo "$(nproc) cores, ${connections} connections, ${seconds} s each, questions from tests/eval/${eval_file} in turn"
run "ceiling: bare POST" http://127.0.0.1:5711/bare "$(bare_line)"
run "ceiling: Ed25519 verify" http://127.0.0.1:5711/signed "$work/ping.txt"
run "skinbot: /ask (unique ids)" http://127.0.0.1:5712/discord/interactions "$work/ask-run.txt"
run "skinbot: web chat" http://127.0.0.1:5712/api/chat "$work/web.txt"
run "ceiling: Ed25519 verify (2)" http://127.0.0.1:5711/signed "$work/ping.txt"
echo "rss_kb skinbot: $(ps -o rss= -p "$(pgrep -f 'skinbot.dll --urls http://127.0.0.1:5712' | head -1)")"
