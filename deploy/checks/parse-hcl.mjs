// Parses every .tf file in a directory with HCL's own parser (Go, built to WebAssembly by
// @cdktf/hcl2json) and prints {"<file>": <HCL as JSON>, ...} on stdout for crosscheck.py.
// Exits 1 naming the file and the parser's message on the first file that does not parse.
//
// usage: node deploy/checks/parse-hcl.mjs [dir]   (default deploy/terraform)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";

const dir = process.argv[2] ?? "deploy/terraform";
const files = readdirSync(dir).filter((f) => f.endsWith(".tf")).sort();
if (files.length === 0) {
  console.error(`parse-hcl: no .tf files in ${dir}`);
  process.exit(1);
}

const parsed = {};
for (const file of files) {
  const path = join(dir, file);
  try {
    parsed[path] = await parse(path, readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`parse-hcl: ${path} does not parse: ${error?.message ?? error}`);
    process.exit(1);
  }
}
console.log(JSON.stringify(parsed, null, 2));
