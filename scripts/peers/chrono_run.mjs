// chrono-node over TimeML: chrono.parse on each document's text with the DCT as reference date.
// Writes one JSON line per document: {"file", "seconds", "spans": [[start, end, "YYYY-MM-DDTHH:MM"], ...]}.
// Reads the plain text through timeml.py (printed as JSON by dump_texts.py) so both peers see identical text.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(process.env.CHRONO_DIR + "/");
const chrono = require("chrono-node");
const docs = readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const lines = [];
for (const doc of docs) {
  const ref = doc.dct ? new Date(`${doc.dct.slice(0, 10)}T12:00:00`) : new Date(0);
  const started = process.hrtime.bigint();
  const results = chrono.parse(doc.text, ref);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const spans = results.map((r) => [r.index, r.index + r.text.length, iso(r.start.date())]);
  lines.push(JSON.stringify({ file: doc.file, seconds, spans }));
}
writeFileSync(process.argv[3], lines.join("\n") + "\n");
