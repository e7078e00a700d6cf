#!/usr/bin/env bash
# Record, from a llama.cpp llama-server that is already running, a reply that starts inside a
# think block: thinking, then "</think>" with no opening tag, then the reply. That is what a
# reasoning model sends when its chat template ends the generation prompt with "<think>"
# (DeepSeek-R1 distills; llama.cpp with --reasoning-format none). No reasoning model is installed
# here, so a GBNF grammar (a llama.cpp request field) makes the instruct model write that shape;
# how the server streams and splits it is the server's own.
#
#   bash tests/data/wire/record_think_open.sh [BASE_URL] [MODEL]
#   (defaults: /tmp/realmodel/server.url and server.model, the shared development server)
set -euo pipefail

OUT=$(cd "$(dirname "$0")" && pwd)/llamacpp
BASE=${1:-$(cat /tmp/realmodel/server.url)}
ALIAS=${2:-$(cat /tmp/realmodel/server.model)}
grammar='root ::= [a-z ,]{10,80} "</think>" [A-Za-z ,.!]{4,60}'
body=$(python3 -c 'import json,sys; print(json.dumps({"model":sys.argv[1],"messages":[{"role":"user","content":"Say hello."}],"max_tokens":60,"temperature":0,"stream":True,"stream_options":{"include_usage":True},"grammar":sys.argv[2]}))' "$ALIAS" "$grammar")
name=stream_think_open
curl -sS -N -X POST -D "$OUT/$name.headers" -o "$OUT/$name.body" -w '%{http_code}' \
  -H 'Content-Type: application/json' --data-binary "$body" "$BASE/chat/completions" >"$OUT/$name.status"
sed -i '/^[Dd]ate:/d' "$OUT/$name.headers"
echo "$name: $(cat "$OUT/$name.status") ($(wc -c <"$OUT/$name.body") bytes)"
