#!/usr/bin/env bash
# Trains JDK 25's ahead-of-time cache for `herald local` (JEP 483 class loading and linking, JEP 515 method
# profiles): one training run of the stack on spare ports, driven by `herald bench` through the paths a developer's
# traffic takes (handshakes with $connect, $default's answers, raw @connections POSTs, the Notifier's fan-out,
# $disconnect). The JVM writes the cache when the stack stops.
#
#   scripts/aot-cache.sh <JDK 25 java> [cache file, default target/herald.aot] [JVM options of the runs that use it]
#
# The cache is only valid for this jar, this JDK build and these options; a JVM given a stale one says so and runs
# without it.
# Run from the repository's root, after the jar is built. `make local` runs it when the jar is newer than the cache.
set -euo pipefail
java25=${1:?usage: scripts/aot-cache.sh <JDK 25 java> [cache file]}
cache=${2:-target/herald.aot}
shift $(( $# < 2 ? $# : 2 ))
options=("$@")
jar=target/herald.jar
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
gateway_port=$(free_port)
sqs_port=$(free_port)
log=target/aot-training.log

[ -f "$jar" ] || { echo "$jar is missing: build it first (make build)" >&2; exit 1; }
echo "Training the ahead-of-time cache for this jar (once per build, about a minute; log in $log)..." >&2
rm -f "$cache"
"$java25" -XX:AOTCacheOutput="$cache" "${options[@]}" -jar "$jar" local --port "$gateway_port" --sqs-port "$sqs_port" \
  > "$log" 2>&1 &
stack=$!
trap 'kill "$stack" 2>/dev/null || true' EXIT

ready=""
for _ in $(seq 1 600); do
  if ! kill -0 "$stack" 2>/dev/null; then
    echo "the training stack stopped before it was ready; see $log" >&2
    exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$gateway_port/prod/@connections/probe")" = 410 ]; then
    ready=yes
    break
  fi
  sleep 0.2
done
[ -n "$ready" ] || { echo "the training stack was not ready within 2 minutes; see $log" >&2; exit 1; }

# Short runs of every scenario that shares the stack's paths with real traffic; the figures are not kept.
"$java25" -jar "$jar" bench --ws "ws://localhost:$gateway_port/prod" \
  --connections-endpoint "http://localhost:$gateway_port/prod" --sqs "http://localhost:$sqs_port" \
  --scenario capacity,fanout,steady --connections 3000 --fanout-sizes 1000 --repeats 2 \
  --rate 500 --warm-up 5s --duration 10s --out target/aot-training >> "$log" 2>&1

kill -TERM "$stack"
wait "$stack" || true
trap - EXIT
if [ ! -s "$cache" ]; then
  echo "no cache was written; see $log" >&2
  exit 1
fi
echo "Wrote $cache ($(du -h "$cache" | cut -f1))." >&2
