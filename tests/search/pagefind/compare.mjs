// Our search against Pagefind 1.6.0 over the same built site (issue 21, item 7). A tool, not a test: .ci/run does not
// run it (it needs Pagefind's binary from npm and minutes of Chromium).
//   cd tests/search/pagefind && npm ci
//   node compare.mjs <built site> [--scale] [--port 8700] [--queries 20] [--json out.json]
// 1. Copies the built site to a temporary folder on /dev/shm (the built site itself is not touched).
// 2. Runs Pagefind twice over the copy: "default" (every page, the whole <html>, into pagefind-default/) and "same
//    documents" (into pagefind/): the copy's pages that our index holds (read from its search/<lang>/d/*.json) get
//    data-pagefind-body on their <main>, so Pagefind indexes exactly our documents and only their main text, with no
//    menus or footers (what a site adopting Pagefind would do in its template). One index per <html lang>.
// 3. Serves the copy on 127.0.0.1 (no compression, Cache-Control max-age=3600 for both engines) and counts the body
//    bytes the server sends, so "bytes fetched" is what went over the network.
// 4. Drives Debian's Chromium (headless, through playwright-core; no browser is downloaded): for each of the first N
//    queries of each language in tests/search/queries.tsv (file order, not chosen per engine), a fresh browser context
//    (cold cache) opens the search page (ours: /<lang>/search/, the query typed into the box and submitted; Pagefind: a
//    harness page /pagefind-harness.<lang>.html with the same <html lang> that imports /pagefind/pagefind.js, without
//    our CSP since Pagefind needs WebAssembly), issues the query and records the time to the first result in the page
//    (performance.now() in the page, from issuing the query to the first result in the DOM) and the bytes fetched
//    until the first result and until the network is quiet (20 results with excerpts, as our page shows); then the
//    next query of the list in the same tab (the second query, warm). The top three results of each first query are
//    compared with the list's expected first result.
// Prints a summary and writes every figure as JSON (--json). Timings depend on the machine's load: the 1-minute load
// average is recorded beside them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync, rmSync, existsSync } from "node:fs";
import { join, dirname, extname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
const site = args[0];
if (!site || !existsSync(join(site, "search"))) {
  console.error("usage: node compare.mjs <built site with search/> [--scale] [--port 8700] [--queries 20] [--json out.json]");
  process.exit(2);
}
const scale = args.includes("--scale");
const port = Number(option("--port", "8700"));
const perLanguage = Number(option("--queries", "20"));
const jsonOut = option("--json", null);
const load = () => loadavg()[0].toFixed(2);
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)} load ${load()}]`, ...a);

// ---- The queries: the first N of each language, in the file's order ----
const queries = { zh: [], en: [] };
for (const line of readFileSync(join(here, "..", "queries.tsv"), "utf8").split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const [lang, query, expected, why] = line.split("\t");
  if (queries[lang].length < perLanguage) queries[lang].push({ query, expected: expected.split(","), why });
}

// ---- The copy ----
const copy = mkdtempSync("/dev/shm/atlas-pagefind-");
log(`copying ${site} to ${copy}`);
cpSync(site, copy, { recursive: true });
const langs = readdirSync(join(copy, "search")).filter(l => statSync(join(copy, "search", l)).isDirectory());
const htmlLang = {};
for (const lang of langs) htmlLang[lang] = /<html lang="([^"]+)"/.exec(readFileSync(join(copy, lang, "index.html"), "utf8"))[1];

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path)); else out.push({ path, bytes: statSync(path).size });
  }
  return out;
}
const sum = files => files.reduce((a, f) => a + f.bytes, 0);

function runPagefind(subdir) {
  const started = Date.now(), before = load();
  const run = spawnSync(join(here, "node_modules", ".bin", "pagefind"), ["--site", copy, "--output-subdir", subdir], { encoding: "utf8" });
  if (run.status !== 0) { console.error(run.stdout, run.stderr); throw new Error(`pagefind failed (${run.status})`); }
  const pages = [...run.stdout.matchAll(/Indexed (\d+) pages?/g)].map(m => Number(m[1]));
  return { seconds: (Date.now() - started) / 1000, load: `${before}→${load()}`, log: run.stdout.trim().split("\n").filter(l => /Indexed|language|Found/.test(l)).map(l => l.trim()), pages };
}

// Pagefind's files by language: "<lang>_<hash>.pf_*" and wasm.<lang>.pagefind belong to one index; pagefind.js, the
// entry and the UI files are shared (the UI files are not needed by the API this harness uses).
function pagefindSizes(subdir) {
  const files = walk(join(copy, subdir)).map(f => ({ ...f, rel: relative(join(copy, subdir), f.path) }));
  const byLang = {};
  for (const f of files) {
    const name = f.rel.split("/").pop();
    const m = /^(?:pagefind\.)?([a-z-]+)_[0-9a-f]+\.pf_/.exec(name) || /^wasm\.([a-z-]+)\.pagefind$/.exec(name);
    const key = m ? m[1] : /ui|highlight/.test(name) ? "ui" : "shared";
    (byLang[key] ??= []).push(f);
  }
  const out = { total: { bytes: sum(files), files: files.length } };
  for (const [key, list] of Object.entries(byLang)) out[key] = { bytes: sum(list), files: list.length };
  return out;
}

const ourSizes = {};
// Our files are plain JSON and text (a host gzips them on the fly); Pagefind's are gzipped on disk: "gzip" is the sum
// of our files gzipped one by one, to compare like with like.
for (const lang of langs) {
  const files = walk(join(copy, "search", lang));
  ourSizes[lang] = { bytes: sum(files), files: files.length, gzip: files.reduce((a, f) => a + gzipSync(readFileSync(f.path), { level: 6 }).length, 0) };
}

log("pagefind, default (every page, whole <html>)");
const defaultRun = runPagefind("pagefind-default");
const defaultSizes = pagefindSizes("pagefind-default");

// The same documents: data-pagefind-body on the <main> of every page our index holds.
const ourDocs = {};
for (const lang of langs) {
  ourDocs[lang] = [];
  for (const f of readdirSync(join(copy, "search", lang, "d"))) {
    for (const record of JSON.parse(readFileSync(join(copy, "search", lang, "d", f), "utf8"))) ourDocs[lang].push(record[2]);
  }
  for (const url of ourDocs[lang]) {
    const file = join(copy, url, "index.html");
    const html = readFileSync(file, "utf8");
    if (!html.includes("<main ")) throw new Error(`${file}: no <main>`);
    writeFileSync(file, html.replace("<main ", "<main data-pagefind-body "));
  }
}
log("pagefind, same documents (our index's pages, their <main>)");
const sameRun = runPagefind("pagefind");
const sameSizes = pagefindSizes("pagefind");

// ---- The harness pages: one per language, with the <html lang> of our pages ----
const harness = lang => `<!DOCTYPE html>
<html lang="${htmlLang[lang]}">
<head><meta charset="utf-8"><title>Pagefind harness</title></head>
<body>
<form><input type="search" name="q"></form>
<ol id="results"></ol>
<script type="module">
const bundle = new URLSearchParams(location.search).get("bundle") || "pagefind";
const pagefind = await import("/" + bundle + "/pagefind.js");
const list = document.getElementById("results");
// Issues a query as a page would: search, then the first result's data (title, url, excerpt) into the DOM; returns
// the time to that first result and the top three urls. rest() then loads results 2-20, as our page shows 20.
let pending = [];
window.runQuery = async q => {
  const t0 = performance.now();
  const search = await pagefind.search(q);
  const tSearch = performance.now() - t0;
  list.textContent = "";
  if (!search || search.results.length === 0) return { ms: performance.now() - t0, searchMs: tSearch, total: 0, top: [] };
  const first = await search.results[0].data();
  const li = document.createElement("li");
  li.innerHTML = "<a href=\\"" + first.url + "\\"></a><p>" + first.excerpt + "</p>";
  li.firstChild.textContent = first.meta.title;
  list.appendChild(li);
  const ms = performance.now() - t0;
  const top = [first.url];
  for (const r of search.results.slice(1, 3)) top.push((await r.data()).url);
  pending = search.results.slice(3, 20);
  return { ms, searchMs: tSearch, total: search.results.length, top };
};
window.rest = async () => { await Promise.all(pending.map(r => r.data())); pending = []; };
window.ready = true;
</script>
</body>
</html>
`;
for (const lang of langs) writeFileSync(join(copy, `pagefind-harness.${lang}.html`), harness(lang));

// ---- The server: counts the body bytes it sends ----
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8" };
const traffic = { bytes: 0, gzip: 0, requests: 0, inflight: 0, last: Date.now(), log: [] };
const server = createServer((req, res) => {
  traffic.inflight++; traffic.last = Date.now();
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(copy, path);
  let body;
  try { body = readFileSync(file); } catch { body = null; }
  if (!body || !file.startsWith(copy)) { res.writeHead(404); res.end(); traffic.inflight--; return; }
  res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream", "Content-Length": body.length, "Cache-Control": "max-age=3600" });
  res.end(body, () => {
    traffic.bytes += body.length; traffic.requests++;
    // What a host that gzips text would send (Pagefind's files are gzipped already: counted as they are).
    traffic.gzip += /\.(json|js|html|css|txt)$/.test(file) ? gzipSync(body, { level: 6 }).length : body.length;
    traffic.log.push(path);
    traffic.inflight--; traffic.last = Date.now();
  });
});
await new Promise(r => server.listen(port, "127.0.0.1", r));
const origin = `http://127.0.0.1:${port}`;
const counter = () => ({ bytes: traffic.bytes, gzip: traffic.gzip, requests: traffic.requests, at: traffic.log.length });
const since = c => ({ bytes: traffic.bytes - c.bytes, gzip: traffic.gzip - c.gzip, requests: traffic.requests - c.requests, files: traffic.log.slice(c.at) });
async function quiet(ms = 400) {
  for (;;) {
    await new Promise(r => setTimeout(r, 50));
    if (traffic.inflight === 0 && Date.now() - traffic.last >= ms) return;
  }
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const idOf = url => new URL(url, origin).pathname.split("/").filter(Boolean).slice(1).join("/");

// Ours: the search page, the query typed into the box and submitted (no reload; the debounce is not counted).
async function ours(page, lang, query) {
  const c = counter();
  const result = await page.evaluate(q => new Promise(resolve => {
    const list = document.querySelector("[data-search-results]"), status = document.querySelector("[data-search-status]");
    const form = document.querySelector("[data-search]"), input = form.querySelector("input[type=search]");
    list.textContent = "";
    const t0 = performance.now();
    const done = () => resolve({ ms: performance.now() - t0, status: status.textContent });
    const observer = new MutationObserver(() => {
      if (list.querySelector("li a") || status.textContent === form.getAttribute("data-none")) { observer.disconnect(); done(); }
    });
    observer.observe(list, { childList: true });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    input.value = q;
    form.requestSubmit();
  }), query);
  const first = since(c);
  await quiet();
  const top = await page.$$eval("[data-search-results] li > a", as => as.slice(0, 3).map(a => a.href));
  const total = Number((/[\d,]+/.exec(result.status) || ["0"])[0].replace(/,/g, ""));
  return { ms: result.ms, total, top: top.map(idOf), first, all: since(c) };
}

async function pagefind(page, lang, query) {
  const c = counter();
  const result = await page.evaluate(q => window.runQuery(q), query);
  const first = since(c);
  await page.evaluate(() => window.rest());
  await quiet();
  return { ms: result.ms, searchMs: result.searchMs, total: result.total, top: result.top.map(idOf), first, all: since(c) };
}

const engines = {
  ours: { open: lang => `${origin}/${lang}/search/`, ready: page => page.waitForSelector("[data-search] input[type=search]"), run: ours },
  pagefind: { open: lang => `${origin}/pagefind-harness.${lang}.html?bundle=pagefind`, ready: page => page.waitForFunction(() => window.ready), run: pagefind },
  "pagefind-default": { open: lang => `${origin}/pagefind-harness.${lang}.html?bundle=pagefind-default`, ready: page => page.waitForFunction(() => window.ready), run: pagefind }
};

const runs = [];
for (const lang of langs) {
  for (const [engine, e] of Object.entries(engines)) {
    const list = queries[lang];
    for (let i = 0; i < list.length; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const c = counter();
      await page.goto(e.open(lang), { waitUntil: "load" });
      await e.ready(page);
      await quiet();
      const pageLoad = since(c);
      const loadBefore = load();
      const first = await e.run(page, lang, list[i].query);
      const next = list[(i + 1) % list.length];
      const second = await e.run(page, lang, next.query);
      await context.close();
      runs.push({ lang, engine, query: list[i].query, expected: list[i].expected, why: list[i].why, load: loadBefore,
        pageLoad: { bytes: pageLoad.bytes, requests: pageLoad.requests },
        first: { ...first, ok: first.top.length > 0 && list[i].expected.includes(first.top[0]) },
        second: { query: next.query, ...second } });
      const r = runs[runs.length - 1];
      log(`${engine} ${lang} ${r.query}: ${r.first.ok ? "ok" : "MISS"} ${r.first.top.join(", ")} | ${Math.round(r.first.ms)} ms, ` +
        `${r.first.first.bytes} B to first result, ${r.first.all.bytes} B in all; then ${next.query}: ${Math.round(r.second.ms)} ms, ${r.second.all.bytes} B`);
    }
  }
}
await browser.close();
server.close();

// ---- Summary ----
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0; };
const summary = {};
for (const lang of langs) for (const engine of Object.keys(engines)) {
  const rs = runs.filter(r => r.lang === lang && r.engine === engine);
  const firstAll = rs.map(r => r.first.all.bytes), firstToResult = rs.map(r => r.first.first.bytes), secondAll = rs.map(r => r.second.all.bytes);
  (summary[lang] ??= {})[engine] = {
    expectedFirst: rs.filter(r => r.first.ok).length, of: rs.length,
    firstQueryBytes: { median: median(firstAll), max: Math.max(...firstAll), toFirstResultMedian: median(firstToResult), gzipMedian: median(rs.map(r => r.first.all.gzip)) },
    secondQueryBytes: { median: median(secondAll), max: Math.max(...secondAll), gzipMedian: median(rs.map(r => r.second.all.gzip)) },
    firstResultMs: { median: median(rs.map(r => r.first.ms)), max: Math.max(...rs.map(r => r.first.ms)) },
    secondResultMs: { median: median(rs.map(r => r.second.ms)), max: Math.max(...rs.map(r => r.second.ms)) },
    pageLoadBytes: median(rs.map(r => r.pageLoad.bytes)),
    loads: rs.map(r => Number(r.load))
  };
}
const report = {
  site, scale, when: new Date().toISOString(), pagefind: "1.6.0", chromium: browser.version?.() ?? null, htmlLang,
  documents: Object.fromEntries(langs.map(l => [l, ourDocs[l].length])),
  index: { ours: ourSizes, pagefindSame: sameSizes, pagefindDefault: defaultSizes },
  pagefindRuns: { same: sameRun, default: defaultRun },
  summary, runs
};
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
console.log(JSON.stringify({ documents: report.documents, index: report.index, pagefindRuns: report.pagefindRuns, summary }, null, 1));
for (const lang of langs) {
  console.log(`\n${lang}: query | expected | ours top 3 | pagefind (same documents) top 3 | pagefind (default) top 3`);
  for (const r of runs.filter(r => r.lang === lang && r.engine === "ours")) {
    const other = engine => runs.find(x => x.lang === lang && x.engine === engine && x.query === r.query).first;
    const show = f => `${f.ok ? "✓" : "✗"} ${f.top.join(", ") || "(nothing)"}`;
    console.log(`${r.query} | ${r.expected.join(",")} | ${show(r.first)} | ${show(other("pagefind"))} | ${show(other("pagefind-default"))}`);
  }
}
if (!args.includes("--keep")) rmSync(copy, { recursive: true, force: true });
else log(`kept ${copy}`);
