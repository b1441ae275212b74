// The search's byte budget, measured in Chromium: for every query of tests/search/queries.tsv, a fresh browser
// (nothing cached) opens the search page of the query's language with ?q=<query>, as a reader following a link to a
// search would, and the bytes of the search index the page fetches until its results are shown and the network is
// quiet are counted by the server that sends them. Fails (exit 1) when any query's index bytes exceed --budget.
//   node tests/search/first-query-bytes.mjs <built site> [--budget 307200] [--port 0]
// Needs `npm ci` in tests/browser (playwright-core, driving Debian's /usr/bin/chromium; no browser is downloaded).
// A count of bytes, not a timing: the machine's load does not change it.
import { readFileSync, existsSync, realpathSync } from "node:fs";
import { join, dirname, extname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, "..", "browser", "package.json"))("playwright-core");
const args = process.argv.slice(2);
const option = (name, fallback) => args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
const site = args[0] && existsSync(join(args[0], "search")) ? realpathSync(args[0]) : null;
if (!site) {
  console.error("usage: node tests/search/first-query-bytes.mjs <built site with search/> [--budget BYTES] [--port N]");
  process.exit(2);
}
const budget = Number(option("--budget", "307200"));

const queries = readFileSync(join(here, "queries.tsv"), "utf8").split("\n")
  .filter(line => line && !line.startsWith("#")).map(line => line.split("\t")).map(([lang, query]) => ({ lang, query }));

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".woff2": "font/woff2", ".xml": "application/xml" };
const traffic = { index: 0, inflight: 0, last: Date.now() };
const server = createServer((request, response) => {
  traffic.inflight++;
  traffic.last = Date.now();
  let path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(site, path);
  let body = null;
  try { body = file.startsWith(site + sep) ? readFileSync(file) : null; } catch { body = null; }
  const done = () => { traffic.inflight--; traffic.last = Date.now(); };
  if (!body) { response.writeHead(404); response.end(done); return; }
  response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Content-Length": body.length });
  response.end(body, () => {
    if (path.startsWith("/search/")) traffic.index += body.length;
    done();
  });
});
await new Promise(resolve => server.listen(Number(option("--port", "0")), "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const quiet = async () => {
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, 50));
    if (traffic.inflight === 0 && Date.now() - traffic.last >= 300) return;
  }
};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
let failures = 0, largest = { bytes: 0 };
try {
  for (const { lang, query } of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = traffic.index;
    await page.goto(`${origin}/${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
    // Shown: a result, or the status saying there is none.
    await page.waitForFunction(() => document.querySelector("[data-search-results] li a") ||
      document.querySelector("[data-search-status]")?.textContent === document.querySelector("[data-search]")?.getAttribute("data-none"),
      null, { timeout: 60000 });
    await quiet();
    await context.close();
    const bytes = traffic.index - before;
    if (bytes > largest.bytes) largest = { bytes, lang, query };
    const over = bytes > budget;
    if (over) failures++;
    console.log(`${over ? "OVER" : "ok"}\t${lang}\t${query}\t${bytes} bytes of index`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${queries.length} first queries in Chromium, the largest ${largest.bytes} bytes of index (${largest.lang}: ${largest.query}); ` +
  `budget ${budget} bytes: ${failures === 0 ? "all within" : `${failures} over`}`);
process.exit(failures === 0 ? 0 : 1);
