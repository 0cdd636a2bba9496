#!/bin/sh
# The quantity benchmark, one command: bench/quantity/run.sh
# Needs: cmake --build build/release --target bench_quantity; bench/quantity/install_peer.sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
specs="${CROSSCHECK_SHARED_DIR:-$root/../shared}/data/recognizers-specs"
bin="$root/build/release/bench/quantity/bench_quantity"
[ -d "$specs" ] || { echo "no specs at $specs"; exit 1; }
[ -d "$here/node_modules" ] || "$here/install_peer.sh" >/dev/null
files=$(ls "$specs"/Number/*.json "$specs"/NumberWithUnit/*.json)
tmp=$(mktemp -d)
"$bin" spec $files > "$tmp/ours.jsonl"
node "$here/peer.js" $files > "$tmp/peer.jsonl"
python3 "$here/score.py" "$tmp/ours.jsonl" "$tmp/peer.jsonl" $files
"$bin" news "$here/news_set.tsv"
"$bin" timebank "${CROSSCHECK_SHARED_DIR:-$root/../shared}/data/time/train-tbaq.jsonl"
rm -r "$tmp"
