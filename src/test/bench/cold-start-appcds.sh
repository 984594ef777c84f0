#!/usr/bin/env bash
# Cold start with an application class-data-sharing (AppCDS) archive per function and mode, JDK 17's dynamic archive:
# one training run each dumps the classes it loaded (-XX:ArchiveClassesAtExit), then the timed runs map them
# (-XX:SharedArchiveFile, as JAVA_TOOL_OPTIONS would pass it). The no-op runs plain, without an archive: the goal is
# measured against an ordinary Java handler. Usage: src/test/bench/cold-start-appcds.sh [RUNS] [more flags]
# Needs what cold-start.sh needs. CDS cannot archive from a non-empty directory on the class path, so the harness's
# classes go in a jar for both the training and the timed runs. What it takes on Lambda: docs/cold-start.md.
set -euo pipefail
runs=${1:-5}
shift || true
dir=target/bench/appcds
rm -rf "$dir"
mkdir -p "$dir"
jar cf "$dir/harness.jar" -C target/test-classes .
classpath="target/herald-lambda.jar:$dir/harness.jar"
src/test/bench/cold-start.sh 1 --class-loads false --classpath "$classpath" --out "$dir/training" \
  --jvm-flags "-XX:ArchiveClassesAtExit=$dir/{name}.jsa" >/dev/null
ls "$dir"/*.jsa >/dev/null
src/test/bench/cold-start.sh "$runs" --classpath "$classpath" --baseline plain \
  --jvm-flags "-XX:SharedArchiveFile=$dir/{name}.jsa" "$@"
