// Runs the search page's own script (the built site's search.js) in Node over a built site's index:
//   node tests/search/evaluate.mjs <built site folder> [--top 3] [--json]
// 1. checks the script cuts text as tests/search/folding.tsv says (the build's SearchTerms is checked against the
//    same lines) and shows excerpts across a heading readably, 2. runs every query of tests/search/queries.tsv on its language's index and checks that the first
//    result is one the list accepts. Prints one line per query (ok/FAIL, language, query, first results) and the
//    bytes of the index files the query read; exits 1 on any failure. --json prints the results as JSON instead.
//    --cold runs every query on a fresh index (nothing cached from the queries before it), so its bytes are what it
//    costs as a reader's first query. --budget N judges the bytes only: it fails a query that reads more than N bytes
//    and not one whose first result differs (for a scale site, whose copies of the entities make the list moot).
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const site = args[0];
if (!site) { console.error("usage: node tests/search/evaluate.mjs <built site folder> [--top N] [--json]"); process.exit(2); }
const top = args.includes("--top") ? Number(args[args.indexOf("--top") + 1]) : 3;
const asJson = args.includes("--json");
const cold = args.includes("--cold");
const budget = args.includes("--budget") ? Number(args[args.indexOf("--budget") + 1]) : Infinity;

const scriptName = readdirSync(join(site, "assets")).find(f => /^search(\.[0-9a-f]+)?\.js$/.test(f));
if (!scriptName) { console.error(`no search script in ${join(site, "assets")}`); process.exit(2); }
const search = createRequire(import.meta.url)(join(site, "assets", scriptName));

function table(file) {
  return readFileSync(join(here, file), "utf8").split("\n").filter(l => l && !l.startsWith("#")).map(l => l.split("\t"));
}

let failures = 0;
for (const [kind, text, expected] of table("folding.tsv")) {
  const got = kind === "index" ? [...new Set(search.terms(text))] : kind === "query" ? search.queryTerms(text) : [search.nameKey(text)];
  if (got.join(" ") !== expected) { failures++; console.log(`FAIL folding ${kind} ${text}: ${got.join(" ")} (expected ${expected})`); }
}

// Excerpts: a break between blocks (a heading and its paragraph) shows as " · ", and the marks still cover the match.
for (const [text, query, expected] of [
  ["Role\nThe corridor links the two grids.", "corridor", "Role · The [corridor] links the two grids."],
  ["作用\n\n成渝电力通道连接两地电网。", "电力", "作用 · 成渝[电力]通道连接两地电网。"],
]) {
  const found = search.excerpt(text, search.queryTerms(query));
  let shown = found ? found.text : "(none)";
  for (const [start, end] of found ? [...found.marks].reverse() : []) shown = shown.slice(0, start) + "[" + shown.slice(start, end) + "]" + shown.slice(end);
  if (shown !== expected) { failures++; console.log(`FAIL excerpt ${JSON.stringify(text)} ${query}: ${shown} (expected ${expected})`); }
}

const indexes = {};
function index(lang) {
  if (!indexes[lang] || cold) {
    const root = join(site, "search", lang);
    const state = { bytes: 0 };
    const read = path => { const data = readFileSync(join(root, path)); state.bytes += data.length; return data.toString("utf8"); };
    indexes[lang] = { state, index: new search.Index(p => Promise.resolve(JSON.parse(read(p))), p => Promise.resolve(read(p))) };
  }
  return indexes[lang];
}

// "zh/parks/gaozhu-new-area/" → "parks/gaozhu-new-area"; "zh/parks/" → "parks".
const idOf = url => url.split("/").filter(Boolean).slice(1).join("/");

const results = [];
for (const [lang, query, expected, why] of table("queries.tsv")) {
  const { index: ix, state } = index(lang);
  const before = state.bytes;
  const { hits } = await ix.search(query);
  const records = await ix.docs(hits.slice(0, top).map(h => h.doc));
  const ids = records.map(r => idOf(r.url));
  const ok = ids.length > 0 && expected.split(",").includes(ids[0]);
  if (!ok && budget === Infinity) failures++;
  if (state.bytes - before > budget) { failures++; console.log(`FAIL budget ${lang} ${query}: ${state.bytes - before} bytes read, more than ${budget}`); }
  results.push({ lang, query, expected, ok, total: hits.length, top: ids, bytes: state.bytes - before, why });
}

if (asJson) console.log(JSON.stringify(results, null, 1));
else for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.lang} ${r.query} → ${r.top.join(", ") || "(nothing)"} [${r.total} found, ${r.bytes} bytes read]${r.ok ? "" : "  expected " + r.expected}`);
const most = results.reduce((a, r) => r.bytes > a.bytes ? r : a, results[0]);
console.log(`${results.filter(r => r.ok).length} of ${results.length} queries have an expected first result; ${failures} failures; ` +
  `most bytes read by one query${cold ? " (each on a fresh index)" : ""}: ${most.bytes} (${most.lang} ${most.query})`);
process.exit(failures ? 1 : 0);
