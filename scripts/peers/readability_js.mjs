// Extract main text with @mozilla/readability over linkedom; prints pages/s; writes benchmark-format JSON.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
const require = createRequire(path.join(process.env.NODE_PATH, "x.js"));
const { Readability } = require("@mozilla/readability");
const { parseHTML } = require("linkedom");

const [htmlDir, truthPath, outPath] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(truthPath, "utf8"));
const strip = (f) => f.replace(/\.html?(\.gz)?$/, "");
const files = Object.fromEntries(fs.readdirSync(htmlDir).map((f) => [strip(f), path.join(htmlDir, f)]));
const out = {};
let spent = 0, n = 0;
for (const [key, value] of Object.entries(truth)) {
  const id = value.file ? strip(value.file) : key;
  const url = value.file ? key : value.url;
  if (!files[id]) continue;
  const raw = fs.readFileSync(files[id]);
  const html = (files[id].endsWith(".gz") ? zlib.gunzipSync(raw) : raw).toString("utf8");
  const start = process.hrtime.bigint();
  let text = "";
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    text = article?.textContent ?? "";
  } catch { text = ""; }
  spent += Number(process.hrtime.bigint() - start) / 1e9;
  n++;
  out[id] = { articleBody: text, url };
}
fs.writeFileSync(outPath, JSON.stringify(out, null, 1));
console.log(`readability-js: ${n} pages, ${spent.toFixed(2)} s, ${(n / spent).toFixed(1)} pages/s`);
