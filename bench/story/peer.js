// Speed peer: the npm package `minhash` (MinHash-128 + LshIndex) on synthetic
// 5 KB documents made like story_bench's (Zipf-like random words), one core.
// Usage: node peer.js N
'use strict';
const { Minhash, LshIndex } = require('./node_modules/minhash');

const n = parseInt(process.argv[2] || '1000', 10);
let seed = 42;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const vocab = [];
for (let i = 0; i < 50000; i++) {
  let w = '';
  const len = 2 + Math.floor(rand() * 9);
  for (let k = 0; k < len; k++) w += String.fromCharCode(97 + Math.floor(rand() * 26));
  vocab.push(w);
}
const makeDoc = () => {
  const words = [];
  let bytes = 0;
  while (bytes < 5000) {
    const u = rand();
    const w = vocab[Math.floor(u * u * u * vocab.length)];
    words.push(w);
    bytes += w.length + 1;
  }
  return words;
};

// CPU time, as story_bench measures it: the machine is shared.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const index = new LshIndex({ bandSize: 3 });
let sketchMs = 0, insertMs = 0;
for (let i = 0; i < n; i++) {
  const words = makeDoc();
  const t0 = cpuMs();
  const m = new Minhash({ numPerm: 128 });
  for (let k = 0; k + 3 <= words.length; k++) m.update(words[k] + ' ' + words[k + 1] + ' ' + words[k + 2]);
  const t1 = cpuMs();
  // Its query fails on bands never seen, so the document goes in first.
  index.insert('d' + i, m);
  index.query(m);
  const t2 = cpuMs();
  sketchMs += t1 - t0;
  insertMs += t2 - t1;
}
console.log(`peer npm minhash 0.0.9: ${n} docs of 5 KB, one core, CPU time`);
console.log(`  minhash-128 sketch: ${(n / sketchMs * 1000).toFixed(0)} docs/s`);
console.log(`  lsh query+insert:   ${(n / insertMs * 1000).toFixed(0)} docs/s`);
