// Speed peer: compromise's people/places/organizations over the same text the
// crosscheck benchmark tags, timed in CPU seconds of this process like the
// crosscheck side. Prints "compromise <tokens> tokens <seconds> s <rate> tokens/s".
const fs = require('fs');
const nlp = require('compromise');
const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n').filter((l) => l.length > 0);
const t0 = process.cpuUsage();
let tokens = 0, found = 0;
for (const line of lines) {
  const doc = nlp(line);
  tokens += doc.terms().length;
  found += doc.people().length + doc.places().length + doc.organizations().length;
}
const used = process.cpuUsage(t0);
const s = (used.user + used.system) / 1e6;
console.log(`compromise ${tokens} tokens ${s.toFixed(2)} s CPU ${Math.round(tokens / s)} tokens/s (${found} entities)`);
