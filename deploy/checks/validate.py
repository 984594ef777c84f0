#!/usr/bin/env python3
"""Runs every offline deploy check and exits non-zero if any fails; `make validate` and CI
call it. Needs node_modules (npm ci) and cfn-lint; a missing tool is a failure, never a skip.

usage: python3 deploy/checks/validate.py
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = "deploy/checks"


def run(name, command, stdout=None):
    print(f"== {name}: {' '.join(command)}", flush=True)
    try:
        code = subprocess.run(command, cwd=ROOT, stdout=stdout).returncode
    except FileNotFoundError:
        print(f"{name}: {command[0]} is not installed", file=sys.stderr)
        code = 127
    print(f"== {name}: {'ok' if code == 0 else f'FAILED (exit {code})'}", flush=True)
    return code == 0


def main():
    if not (ROOT / "node_modules" / "@cdktf" / "hcl2json").is_dir():
        print("validate: node_modules/@cdktf/hcl2json is missing: run npm ci (make validate does)", file=sys.stderr)
        return 1
    if shutil.which("cfn-lint") is None:
        print("validate: cfn-lint is not installed: pip install cfn-lint", file=sys.stderr)
        return 1
    with tempfile.NamedTemporaryFile("w+", suffix=".json") as hcl_json:
        results = [
            run("parse HCL", ["node", f"{CHECKS}/parse-hcl.mjs", "deploy/terraform"], stdout=hcl_json),
            run("cfn-lint", ["cfn-lint", "deploy/sam/template.yaml"]),
        ]
        hcl_json.flush()
        if results[0]:
            results.append(run("crosscheck", [sys.executable, f"{CHECKS}/crosscheck.py", "--hcl-json", hcl_json.name]))
        else:
            results.append(False)  # the cross-check needs the parsed Terraform
        results.append(run("crosscheck tests", [sys.executable, "-m", "unittest", f"{CHECKS}/test_crosscheck.py"]))
    passed = results.count(True)
    print(f"validate: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
