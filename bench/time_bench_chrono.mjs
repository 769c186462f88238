// chrono-node over the time bench cases, for bench/time_bench.py.
// stdin: "<id>\t<lang>\t<published YYYY-MM-DD or empty>\t<sentence>" lines.
// stdout: "<id>\t<char begin>\t<char end>\t<value>" per parsed expression, where the
// value is ISO 8601 at the precision chrono is certain of (day, month or year), and a
// range "A/B" when chrono reports an end.
import { createRequire } from "module";
import readline from "readline";
const require = createRequire(import.meta.url + "/../.node/");
const chrono = require("chrono-node");

function pad(n, w = 2) { return String(n).padStart(w, "0"); }
function iso(c) {
  const y = c.get("year"), m = c.get("month"), d = c.get("day");
  if (c.isCertain("day") || c.isCertain("weekday")) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (c.isCertain("month")) return `${pad(y, 4)}-${pad(m)}`;
  if (c.isCertain("year")) return `${pad(y, 4)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;  // implied only: chrono's own best day
}

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  const [id, lang, published, sentence] = line.split("\t");
  if (lang !== "en") continue;
  let ref = new Date();
  if (published) {
    const [y, m, d] = published.split("-").map(Number);
    ref = new Date(y, m - 1, d, 12, 0, 0);
  }
  for (const r of chrono.parse(sentence, ref, { forwardDate: false })) {
    let value = iso(r.start);
    if (r.end) value += "/" + iso(r.end);
    process.stdout.write(`${id}\t${r.index}\t${r.index + r.text.length}\t${value}\n`);
  }
}
