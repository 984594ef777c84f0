#!/usr/bin/env bash
# Cold start of each Lambda handler next to a no-op handler, unprimed and primed: every run is a fresh JVM
# with Lambda's flags on target/herald-lambda.jar, against local endpoints started once (dynalite, ElasticMQ, the
# gateway emulator with real WebSocket clients). Usage: src/test/bench/cold-start.sh [RUNS] [more ColdStartBenchmark flags]
# Run from the project root after `npm ci` (dynalite) and `mvn -B -q -DskipTests package`, which builds the
# jar and the test classes. Prints the medians; every figure goes to target/bench/cold-start.json.
# Figures and what they mean: docs/cold-start.md.
set -euo pipefail
runs=${1:-7}
shift || true
if [ ! -f target/herald-lambda.jar ] || [ ! -d target/test-classes/bench ]; then
  echo "target/herald-lambda.jar or the test classes are missing: run mvn -B -q -DskipTests package first" >&2
  exit 1
fi
mkdir -p target/bench
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/cold-start.cp
echo "$(nproc) CPUs; $(uptime)"
java -cp "target/test-classes:target/classes:$(cat target/bench/cold-start.cp)" bench.ColdStartBenchmark --runs "$runs" "$@"
