#!/bin/sh
# The story stage's benchmarks, one command (from the repository root):
#   bench/story/run.sh [N]
# N synthetic 5 KB documents for the speed run (default 1000000). Prints ECB+
# story clustering (tuned on odd topics, held out: even; in one batch and in
# five), near-duplicate recall/precision on the synthetic set, speed and
# memory, and the speed ratio against the npm package `minhash` run in the
# same command.
set -e
N=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD="$ROOT/build/release"
cmake --build "$BUILD" --target story_bench -j2 >/dev/null
BENCH="$BUILD/bench/story/story_bench"
SHARED="$ROOT/../shared/data/ecbplus"
if [ -d "$SHARED" ]; then
  for t in odd even all; do "$BENCH" ecb "$SHARED" $t; done
  # As a feed would see them: five batches, refine() after each.
  for t in odd even all; do "$BENCH" ecb "$SHARED" $t --batches 5; done
else
  echo "ecb+: skipped, $SHARED not found"
fi
python3 "$ROOT/bench/story/make_neardup.py" "$BUILD/bench/story/neardup.tsv" 300 7
"$BENCH" neardup "$BUILD/bench/story/neardup.tsv"
OURS=$("$BENCH" speed "$N")
echo "$OURS"
"$ROOT/bench/story/install_peer.sh" >/dev/null 2>&1
PEER=$(node "$ROOT/bench/story/peer.js" 300)
echo "$PEER"
ours_sketch=$(echo "$OURS" | awk '/minhash-128 sketch/ {print $3}')
peer_sketch=$(echo "$PEER" | awk '/minhash-128 sketch/ {print $3}')
ours_lsh=$(echo "$OURS" | awk '/lsh query\+insert/ {print $3}')
peer_lsh=$(echo "$PEER" | awk '/lsh query\+insert/ {print $3}')
awk -v a="$ours_sketch" -v b="$peer_sketch" -v c="$ours_lsh" -v d="$peer_lsh" 'BEGIN {
  printf "ratio vs npm minhash: sketch %.0fx, lsh query+insert %.1fx\n", a / b, c / d }'
