// Speed peer for bench_time: chrono-node parses every document of a JSON-lines
// file ({text, dct}) with its reference date; prints MB/s like bench_time.
const fs = require('fs');
const chrono = require('chrono-node');
const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const rounds = Number(process.argv[3] || 3);
let bytes = 0, found = 0;
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const d of docs) {
    const ref = new Date(d.dct.slice(0, 10) + 'T12:00:00Z');  // the date part of the DCT
    found += chrono.parse(d.text, ref).length;
    bytes += Buffer.byteLength(d.text, 'utf8');
  }
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`chrono-node: ${(bytes / secs / 1e6).toFixed(2)} MB/s (${found / rounds} expressions per round)`);
