// Peer extractor for bench/extraction_bench.py: Mozilla Readability (the Firefox
// reader view) on jsdom. Reads a list of .html.gz paths on stdin, prints one
// JSON line per page, and the time spent extracting on stderr.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const paths = [];
for await (const line of createInterface({ input: process.stdin })) if (line) paths.push(line);
const virtualConsole = new VirtualConsole();  // silence CSS/JS warnings of the pages
let seconds = 0;
for (const path of paths) {
  const html = gunzipSync(readFileSync(path)).toString("utf8");
  const start = process.hrtime.bigint();
  let text = "", title = "";
  try {
    const dom = new JSDOM(html, { url: "https://example.com/", virtualConsole });
    const article = new Readability(dom.window.document).parse();
    if (article) { text = article.textContent || ""; title = article.title || ""; }
    dom.window.close();
  } catch (e) { /* a page it cannot parse counts as empty */ }
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ path, title, text }) + "\n");
}
process.stderr.write(`seconds ${seconds}\n`);
