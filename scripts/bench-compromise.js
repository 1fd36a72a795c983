#!/usr/bin/env node
// Side-by-side baseline: compromise (npm) on CoNLL-2003 eng.testa, scored entity by entity as conlleval does
// (exact span and type). compromise finds people, places and organizations; it has no MISC, so MISC counts as missed.
// Usage: node scripts/bench-compromise.js ../shared/datasets/conll2003-en/eng.testa
// Needs scripts/install-ner-resources.sh first (installs compromise into .npm-resources/).
'use strict';
const fs = require('fs');
const path = require('path');
const compromise = require(path.join(__dirname, '..', '.npm-resources', 'node_modules', 'compromise'));
const nlp = compromise.default || compromise;

const file = process.argv[2];
if (!file) { console.error('usage: bench-compromise.js FILE'); process.exit(64); }

// Read documents of sentences of [word, tag].
const docs = [];
let doc = [], sent = [];
for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
  const line = raw.replace(/\r$/, '');
  if (line.startsWith('-DOCSTART-')) { if (sent.length) doc.push(sent); sent = []; if (doc.length) docs.push(doc); doc = []; continue; }
  if (!line.trim()) { if (sent.length) doc.push(sent); sent = []; continue; }
  const cols = line.split(/\s+/);
  sent.push([cols[0], cols[cols.length - 1]]);
}
if (sent.length) doc.push(sent);
if (doc.length) docs.push(doc);

// conlleval chunks of one sentence's tags: "start-end-type" strings.
function chunks(tags) {
  const out = new Set();
  let start = -1, type = '', prevTag = 'O', prevType = '';
  const close = (i) => { if (start >= 0) out.add(`${start}-${i}-${type}`); start = -1; };
  tags.forEach((raw, i) => {
    const [tag, t] = raw === 'O' ? ['O', ''] : [raw[0], raw.slice(2)];
    const startsChunk = tag === 'B' || (tag === 'I' && (prevTag === 'O' || prevType !== t));
    if (tag === 'O' || startsChunk) close(i);
    if (startsChunk) { start = i; type = t; }
    prevTag = tag; prevType = t;
  });
  close(tags.length);
  return out;
}

const counts = {}; // type -> {gold, guess, correct}
const bump = (t, k) => { counts[t] = counts[t] || { gold: 0, guess: 0, correct: 0 }; counts[t][k]++; };
let words = 0, elapsed = 0n;
for (const d of docs) {
  // One text per document, one sentence per line, words separated by spaces; remember each word's offset.
  let text = '';
  const offsets = [];
  for (const s of d) {
    const o = [];
    for (const [w] of s) { if (o.length) text += ' '; o.push(text.length); text += w; }
    offsets.push(o);
    text += '\n';
    words += s.length;
  }
  const t0 = process.hrtime.bigint();
  const found = [];
  const parsed = nlp(text);
  for (const [method, type] of [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']]) {
    for (const m of parsed[method]().json({ offset: true })) {
      if (m.offset) found.push([m.offset.start, m.offset.start + m.offset.length, type]);
    }
  }
  elapsed += process.hrtime.bigint() - t0;
  // Map character spans to word spans; a span must start and end on word boundaries of one sentence.
  d.forEach((s, si) => {
    const o = offsets[si];
    const guessed = new Set();
    for (const [start, end, type] of found) {
      const first = o.findIndex(x => x === start);
      if (first < 0) continue;
      let last = first;
      while (last + 1 < o.length && o[last + 1] < end) last++;
      if (o[last] + s[last][0].length !== end && !(o[last] + s[last][0].length >= end - 1)) continue;
      guessed.add(`${first}-${last + 1}-${type}`);
    }
    const gold = chunks(s.map(x => x[1]));
    for (const g of gold) bump(g.split('-')[2], 'gold');
    for (const g of guessed) { const t = g.split('-')[2]; bump(t, 'guess'); if (gold.has(g)) bump(t, 'correct'); }
  });
}

const f = (c) => { const p = c.guess ? c.correct / c.guess : 0, r = c.gold ? c.correct / c.gold : 0; return [p, r, p + r ? 2 * p * r / (p + r) : 0]; };
const all = { gold: 0, guess: 0, correct: 0 };
for (const t of Object.keys(counts).sort()) {
  const c = counts[t]; all.gold += c.gold; all.guess += c.guess; all.correct += c.correct;
  const [p, r, f1] = f(c);
  console.log(`${t.padStart(17)}: precision: ${(100 * p).toFixed(2)}%; recall: ${(100 * r).toFixed(2)}%; FB1: ${(100 * f1).toFixed(2)}  ${c.guess}`);
}
const seconds = Number(elapsed) / 1e9;
console.log(`${words} words in ${seconds.toFixed(2)} s (${Math.round(words / seconds)} words/s, one thread, compromise ${require(path.join(__dirname, '..', '.npm-resources', 'node_modules', 'compromise', 'package.json')).version})`);
console.log(`F1: ${f(all)[2].toFixed(4)}`);
