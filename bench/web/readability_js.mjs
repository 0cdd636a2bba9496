// Peer: Readability.js (@mozilla/readability) on linkedom's DOM, timed per
// page (parse + extract), writing {id: text} for bench_web to score.
// usage: node readability_js.mjs DIR OUT.json
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const [dir, out] = process.argv.slice(2);
const pages = readdirSync(join(dir, "html"))
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({ id: f.slice(0, -8), html: gunzipSync(readFileSync(join(dir, "html", f))).toString("utf8") }));
const result = {};
let bytes = 0;
const t0 = process.hrtime.bigint();
for (const p of pages) {
  bytes += Buffer.byteLength(p.html);
  let text = "";
  try {
    const { document } = parseHTML(p.html);
    const article = new Readability(document).parse();
    text = article ? article.textContent : "";
  } catch (e) {
    text = "";
  }
  result[p.id] = text;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
writeFileSync(out, JSON.stringify(result));
console.log(`readability.js  pages ${pages.length}  ${(pages.length / seconds).toFixed(0)} pages/s  ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
