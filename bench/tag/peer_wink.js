// The speed and accuracy peer: wink-pos-tagger (a lexicon and rule based
// Penn Treebank tagger) over the same tokens as crosscheck-bench-tag.
//   node peer_wink.js TOKENS_FILE LABEL [REPS]
// TOKENS_FILE: "word TAG" lines, a blank line between sentences (written by
// crosscheck-bench-tag --peer-dir). Quote tags count as one class, as in
// the CoNLL corpus; "(" and "-LRB-" are the same tag.
const fs = require('fs');
const tagger = require('wink-pos-tagger')();
const [file, label, repsArg] = process.argv.slice(2);
const reps = Number(repsArg || 1);
const sentences = [];
let current = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (!line) {
    if (current.length) sentences.push(current);
    current = [];
    continue;
  }
  const space = line.lastIndexOf(' ');
  current.push([line.slice(0, space), line.slice(space + 1)]);
}
if (current.length) sentences.push(current);
const norm = (t) => ({'``': "''", '"': "''", '(': '-LRB-', ')': '-RRB-'}[t] || t);
let right = 0, total = 0;
const t0 = process.cpuUsage();
for (let r = 0; r < reps; ++r) {
  for (const s of sentences) {
    const tagged = tagger.tagRawTokens(s.map((w) => w[0]));
    if (r === 0)
      tagged.forEach((t, i) => { total++; if (norm(t.pos) === norm(s[i][1])) right++; });
  }
}
const used = process.cpuUsage(t0);
const seconds = (used.user + used.system) / 1e6;
console.log(`wink-pos-tagger 2.2.2 ${label}: POS accuracy ${(right / total).toFixed(4)} (${total} tokens)`);
if (reps > 1)
  console.log(`speed wink-pos-tagger ${label}: ${total * reps} tokens in ${seconds.toFixed(2)} s CPU = ${Math.round(total * reps / seconds)} tokens/s`);
