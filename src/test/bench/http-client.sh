#!/usr/bin/env bash
# Cold start and throughput of the SDK's async HTTP clients on the @connections client, against
# the local gateway (with one WebSocket client reading) in a separate JVM. Usage: src/test/bench/http-client.sh [RUNS] [SECONDS]
# Run from the project root after `mvn -B -q -DskipTests test-compile`. The http-client-bench profile
# puts Netty back beside the CRT client that Herald ships; a client whose jar is missing is skipped.
# Figures and the decision they led to: docs/http-client.md.
set -euo pipefail
runs=${1:-9}
seconds=${2:-15}
mvn -B -q -Phttp-client-bench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
# A private copy of the classes, so that a build running meanwhile cannot pull them away.
rm -rf target/bench-classes && mkdir -p target/bench-classes
cp -r target/classes target/test-classes target/bench-classes/
cp="target/bench-classes/test-classes:target/bench-classes/classes:$(cat target/bench.cp)"
# What Herald's Lambda functions run with (JAVA_TOOL_OPTIONS in the SAM template).
jvm=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
main=adapters.apigateway.HttpClientBenchmark

info=$(mktemp)
java "${jvm[@]}" -cp "$cp" $main serve "$info" 1800 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$info"' EXIT
until [ -s "$info" ]; do sleep 0.2; done
read -r endpoint id < "$info"

kinds=()
for kind in netty crt; do
  if java -cp "$cp" $main cold "$kind" "$endpoint" "$id" >"target/probe-$kind.log" 2>&1; then kinds+=("$kind"); fi
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for kind in "${kinds[@]}"; do
  : > "target/cold-$kind.txt"
done
for ((i = 1; i <= runs; i++)); do
  for kind in "${kinds[@]}"; do  # interleaved, so that load from other work hits both alike
    java "${jvm[@]}" -Dbench.launchedAtMs="$(date +%s%3N)" -cp "$cp" $main cold "$kind" "$endpoint" "$id" \
      | tee -a "target/cold-$kind.txt"
  done
done
for kind in "${kinds[@]}"; do
  for field in build_ms first_post_ms main_to_first_200_ms launch_to_first_200_ms cpu_ms; do
    m=$(grep -o "$field=[0-9.]*" "target/cold-$kind.txt" | cut -d= -f2 | median)
    echo "median $kind $field $m"
  done
done
uptime
for round in 1 2 3; do
  for kind in "${kinds[@]}"; do
    java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn $main throughput "$kind" "$endpoint" "$id" 50 5 "$seconds"
  done
done
