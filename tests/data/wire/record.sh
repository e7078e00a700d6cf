#!/usr/bin/env bash
# Record real wire formats from a llama.cpp llama-server into tests/data/wire/llamacpp/.
#
#   bash tests/data/wire/record.sh [MODEL] [CTX]     (MODEL/CTX as for shared/realmodel/serve.sh)
#
# Starts the server through /work/shared/realmodel/serve.sh on a fixed port, polls it while it
# loads (to catch its 503), then sends each request below with curl and keeps, per exchange,
# NAME.status (the HTTP status line's code), NAME.headers and NAME.body exactly as received.
# The server is stopped at the end. EXTRA defaults to --no-repack: on this machine (AMX) the
# CPU repack path of this build segfaults while warming up. Nothing here runs in `make test`: the tests read the files.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/llamacpp
REAL=${REAL:-/work/shared/realmodel}
ROOT=${REALMODEL_ROOT:-/tmp/realmodel}
MODEL=${1:-qwen15}
CTX=${2:-2048}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

save() { # save NAME METHOD PATH [JSON-BODY]: one exchange
  local name=$1 method=$2 path=$3 body=${4:-}
  local args=(-sS -N -X "$method" -D "$OUT/$name.headers" -o "$OUT/$name.body" -w '%{http_code}')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  curl "${args[@]}" "$BASE$path" >"$OUT/$name.status" || true
  # Dates vary from run to run; nothing reads them.
  sed -i '/^[Dd]ate:/d' "$OUT/$name.headers"
  echo "$name: $(cat "$OUT/$name.status") ($(wc -c <"$OUT/$name.body") bytes)"
}

# 1. While loading: poll until /health answers 200; keep the first non-200 of each endpoint.
PORT=$PORT EXTRA=${EXTRA:---no-repack} bash "$REAL/serve.sh" "$MODEL" "$CTX" >/dev/null &
serve=$!
got_health=0 got_chat=0
for _ in $(seq 1 3000); do
  code=$(curl -s -o /tmp/wire.h.body -D /tmp/wire.h.headers -w '%{http_code}' "$BASE/health" || true)
  if [ "$code" != "000" ] && [ "$code" != "200" ] && [ $got_health = 0 ]; then
    cp /tmp/wire.h.body "$OUT/loading_health.body"; cp /tmp/wire.h.headers "$OUT/loading_health.headers"
    echo "$code" >"$OUT/loading_health.status"; got_health=1
    curl -s -o "$OUT/loading_chat.body" -D "$OUT/loading_chat.headers" -w '%{http_code}' \
      -H 'Content-Type: application/json' \
      --data-binary '{"model":"x","messages":[{"role":"user","content":"Hi"}],"stream":true}' \
      "$BASE/v1/chat/completions" >"$OUT/loading_chat.status" || true
    got_chat=1
  fi
  [ "$code" = "200" ] && break
  sleep 0.02
done
wait "$serve"
for f in "$OUT"/loading_*.headers; do [ -f "$f" ] && sed -i '/^[Dd]ate:/d' "$f"; done
echo "loading: health=$got_health chat=$got_chat"
ALIAS=$(cat "$ROOT/server.model")

# 2. What the server says about itself.
save models GET /v1/models
save props GET /props
save health GET /health

# 3. A streamed reply with the usage chunk, as the app asks for it.
short='[{"role":"system","content":"You are terse."},{"role":"user","content":"Say hello in five words."}]'
save stream_usage POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$short,\"max_tokens\":24,\"temperature\":0,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
# …without stream_options, and asking for a model name the server does not serve (it answers anyway).
save stream_plain_wrong_model POST /v1/chat/completions \
  "{\"model\":\"gpt-4o-mini\",\"messages\":$short,\"max_tokens\":24,\"temperature\":0,\"stream\":true}"
# …cut by max_tokens (finish_reason "length").
save stream_length POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$short,\"max_tokens\":2,\"temperature\":0,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
# A non-streamed reply.
save complete POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$short,\"max_tokens\":24,\"temperature\":0}"

# 4. Over the window: the prompt alone is longer than n_ctx.
long=$(python3 -c 'import json; print(json.dumps([{"role":"user","content":"word " * 3000}]))')
save overlong_stream POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$long,\"max_tokens\":24,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
save overlong_complete POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$long,\"max_tokens\":24}"

# 5. Structured output: json_schema (strict, an enum) and json_object, streamed.
ask='[{"role":"user","content":"Pick one habit id and give a reason. Answer in JSON."}]'
schema='{"type":"json_schema","json_schema":{"name":"pick","strict":true,"schema":{"type":"object","properties":{"id":{"type":"string","enum":["h-1","h-2"]},"reason":{"type":"string","maxLength":60}},"required":["id","reason"],"additionalProperties":false}}}'
save stream_json_schema POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$ask,\"max_tokens\":60,\"temperature\":0,\"stream\":true,\"stream_options\":{\"include_usage\":true},\"response_format\":$schema}"
save stream_json_object POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$ask,\"max_tokens\":60,\"temperature\":0,\"stream\":true,\"stream_options\":{\"include_usage\":true},\"response_format\":{\"type\":\"json_object\"}}"
save bad_response_format POST /v1/chat/completions \
  "{\"model\":\"$ALIAS\",\"messages\":$ask,\"max_tokens\":8,\"stream\":true,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"nonsense\"}}}}"

# 6. "<think>" tags in content, split across chunks. No reasoning model is installed here, so a
# GBNF grammar (a llama.cpp request field) makes the instruct model write "<think>…</think>" first.
think='root ::= "<think>" [a-z ,]{10,80} "</think>" [A-Za-z ,.!]{4,60}'
thinking() { python3 -c 'import json,sys; print(json.dumps({"model":sys.argv[1],"messages":[{"role":"user","content":"Say hello."}],"max_tokens":60,"temperature":0,"stream":True,"stream_options":{"include_usage":True},"grammar":sys.argv[2]}))' "$ALIAS" "$think"; }
save stream_think_tags POST /v1/chat/completions "$(thinking)"

# 7. The server stops mid-reply: ask for a long reply and kill the server after ~1 s.
save_killed() {
  ( sleep 1.5; bash "$REAL/stop.sh" server >/dev/null ) &
  save killed_mid_stream POST /v1/chat/completions \
    "{\"model\":\"$ALIAS\",\"messages\":[{\"role\":\"user\",\"content\":\"Count from 1 to 200.\"}],\"max_tokens\":400,\"temperature\":0,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
  wait
}
save_killed
# 8. Nobody listening any more.
save refused GET /v1/models

# 9. "reasoning_content" deltas: the same grammar, served with a reasoning model's chat template
# (Qwen3's, from llama.cpp's source tree) and --reasoning-format deepseek, so the server's own
# reasoning parser splits the thought out of the content as it does for Qwen3 or DeepSeek-R1.
TEMPLATE=${TEMPLATE:-$(ls "$ROOT"/dl/*/llama.cpp/models/templates/Qwen-Qwen3-0.6B.jinja | head -1)}
PORT=$PORT EXTRA="${EXTRA:---no-repack} --chat-template-file $TEMPLATE --reasoning-format deepseek" \
  bash "$REAL/serve.sh" "$MODEL" "$CTX" >/dev/null
save stream_reasoning_content POST /v1/chat/completions "$(thinking)"
bash "$REAL/stop.sh" server >/dev/null
echo "recorded into $OUT (llama-server $($ROOT/bin/llama-server --version 2>&1 | head -1), $MODEL, n_ctx $CTX)"
