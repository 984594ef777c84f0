#!/usr/bin/env bash
# Opens an interactive WebSocket to Herald with wscat, the token passed as a subprotocol as browsers do.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/wscat.sh [--sub USER] [--claims C-1,C-2] [--ttl 1h] [URL]

  Local stack (default URL ws://localhost:3001/prod): mints a token for USER (default u-demo) entitled to
  the claims (default C-1,C-2) with `java -jar target/herald.jar token`. Start the stack first: make local.

  Deployed stack: give its URL (wss://{api-id}.execute-api.{region}.amazonaws.com/prod) and put a token
  from your identity provider in HERALD_TOKEN. HERALD_TOKEN, when set, is used for the local stack too.
USAGE
}

sub=u-demo
claims=C-1,C-2
ttl=1h
url=ws://localhost:3001/prod
while [ $# -gt 0 ]; do
  case "$1" in
    --sub) sub=$2; shift 2 ;;
    --claims) claims=$2; shift 2 ;;
    --ttl) ttl=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) url=$1; shift ;;
  esac
done

cd "$(dirname "$0")/.."
token=${HERALD_TOKEN:-}
if [ -z "$token" ]; then
  case "$url" in
    ws://localhost:*|ws://127.0.0.1:*) ;;
    *) echo "$url is not the local stack: export HERALD_TOKEN with a token its \$connect accepts" >&2; exit 2 ;;
  esac
  [ -f target/herald.jar ] || { echo "target/herald.jar is missing: run make build" >&2; exit 2; }
  token=$(java -jar target/herald.jar token --sub "$sub" --claims "$claims" --ttl "$ttl")
fi

if [ -x node_modules/.bin/wscat ]; then
  wscat=(node_modules/.bin/wscat)
else
  wscat=(npx --yes wscat)
fi

first_claim=${claims%%,*}
cat <<EOF2
Connecting to $url as ${HERALD_TOKEN:+the HERALD_TOKEN user}${HERALD_TOKEN:-$sub (claims $claims)}.
The token travels as a subprotocol (-s herald -s <token>), never in the URL. Once connected, type:
  {"action":"subscribe","claimId":"$first_claim"}
  {"action":"ping"}
  {"action":"unsubscribe","claimId":"$first_claim"}
From another terminal, send a notification to the local stack:
  java -jar target/herald.jar send --claim $first_claim --type export.completed --data '{"exportId":"e-1"}'
Ctrl-C leaves.
EOF2
exec "${wscat[@]}" -c "$url" -s herald -s "$token"
