// The npm peer (@microsoft/recognizers-text-suite) on the same spec inputs,
// printing the same JSON lines as `bench_quantity spec`. Model per file:
// Number* -> recognizeNumber, Ordinal* -> recognizeOrdinal, Percent* ->
// recognizePercentage, and the NumberWithUnit models by name. The suite has
// no number-range recognizer, so range files print no lines.
const fs = require('fs');
const s = require('@microsoft/recognizers-text-suite');

function recognizerFor(file) {
  const base = file.split('/').pop();
  if (base.startsWith('NumberRange')) return null;
  if (base.startsWith('Number')) return s.recognizeNumber;
  if (base.startsWith('Ordinal')) return s.recognizeOrdinal;
  if (base.startsWith('Percent')) return s.recognizePercentage;
  if (base.startsWith('Age')) return s.recognizeAge;
  if (base.startsWith('Currency')) return s.recognizeCurrency;
  if (base.startsWith('Dimension')) return s.recognizeDimension;
  if (base.startsWith('Temperature')) return s.recognizeTemperature;
  return null;
}

const jobs = [];
for (const file of process.argv.slice(2)) {
  const rec = recognizerFor(file);
  if (!rec) continue;
  JSON.parse(fs.readFileSync(file, 'utf8')).forEach((c, i) => {
    const values = [];
    for (const r of rec(c.Input, 'en-us')) {
      const v = r.resolution && r.resolution.value;
      if (v !== undefined && v !== null) for (const x of String(v).match(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi) || []) values.push(Number(x));
    }
    console.log(JSON.stringify({file, case: i, values}));
    jobs.push([rec, c.Input]);
  });
}
let bytes = 0;
for (const [, input] of jobs) bytes += Buffer.byteLength(input);
const start = process.hrtime.bigint();
let rounds = 0, seconds = 0;
while (seconds < 1.0) {
  for (const [rec, input] of jobs) rec(input, 'en-us');
  ++rounds;
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
}
console.log(JSON.stringify({timing: 'recognizers-text-suite', inputs: jobs.length * rounds, bytes: bytes * rounds, seconds}));
