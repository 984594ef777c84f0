#!/usr/bin/env python3
"""Share of a JFR recording's main-thread samples (Java and native) whose stack holds each given frame.

Usage: jfr-shares.py RECORDING.jfr FRAME...   FRAME is a substring of "package.Class.method".
A sample counts once per frame however deep it recurses; shares overlap (a frame and its callers).
"""
import json
import subprocess
import sys


def main_thread_stacks(recording):
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events",
                              "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                             capture_output=True, text=True, check=True).stdout
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        if (values.get("sampledThread") or {}).get("javaName") == "main":
            yield [frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]
                   for frame in values["stackTrace"]["frames"]]


def main():
    recording, frames = sys.argv[1], sys.argv[2:]
    stacks = list(main_thread_stacks(recording))
    print(f"{recording}: {len(stacks)} main-thread samples")
    for wanted in frames:
        hits = sum(1 for stack in stacks if any(wanted in frame for frame in stack))
        print(f"  {hits:5d} {100.0 * hits / max(1, len(stacks)):5.1f}%  {wanted}")


if __name__ == "__main__":
    main()
