// Speed peer: compromise's people/places/organizations over the same text the
// crosscheck benchmark tags. Prints "compromise <tokens> tokens <seconds> s <rate> tokens/s".
const fs = require('fs');
const nlp = require('compromise');
const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n').filter((l) => l.length > 0);
const t0 = process.hrtime.bigint();
let tokens = 0, found = 0;
for (const line of lines) {
  const doc = nlp(line);
  tokens += doc.terms().length;
  found += doc.people().length + doc.places().length + doc.organizations().length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`compromise ${tokens} tokens ${s.toFixed(2)} s ${Math.round(tokens / s)} tokens/s (${found} entities)`);
