#!/usr/bin/env bash
# Where a cold start's time goes: one unprimed run per function under JFR, sampling every 1 ms (the JDK's
# profile settings sample every 10-20 ms, too seldom for a 2 s start), then the share of the main thread's
# samples spent under the frames that weigh most. Usage: src/test/bench/cold-start-jfr.sh
# Needs what cold-start.sh needs (and python3); run it first, it writes the class path used here.
# Findings: docs/cold-start.md.
set -euo pipefail
out=target/bench/jfr
mkdir -p "$out"
sed -E '/name="jdk\.(Execution|NativeMethod)Sample"/,/<\/event>/ s#(name="period"[^>]*>)[^<]*#\11 ms#' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$out/sample-1ms.jfc"
java -cp "target/test-classes:target/classes:$(cat target/bench/cold-start.cp)" bench.ColdStartBenchmark \
  --runs 1 --modes unprimed --class-loads false --out "$out" \
  --jvm-flags "-XX:StartFlightRecording=filename=$out/{name}.jfr,settings=$out/sample-1ms.jfc"
for function in connect disconnect default notifier; do
  python3 "$(dirname "$0")/jfr-shares.py" "$out/$function-unprimed.jfr" \
    org.slf4j.LoggerFactory.getLogger SdkDefaultClientBuilder.build CRT.loadLibraryFromJar org.jose4j \
    SqsClient.sendMessage java.lang.ClassLoader.loadClass java.util.zip
done
