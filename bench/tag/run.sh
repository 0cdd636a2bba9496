#!/bin/sh
# The tag benchmark: POS accuracy and chunk F1 on CoNLL-2003 eng.testa and on
# our own news sentences, then single-thread speed of the tag component beside
# wink-pos-tagger on the same eng.testa tokens, and their ratio.
#   cmake --build build/release --target crosscheck-bench-tag && bench/tag/run.sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$root/build/release/bench/tag/crosscheck-bench-tag" --peer-dir "$dir" | tee "$dir/ours"
[ -d "$here/node_modules/wink-pos-tagger" ] || "$here/install_peer.sh"
node "$here/peer_wink.js" "$dir/news.txt" "own news sentences"
node "$here/peer_wink.js" "$dir/testa.txt" "eng.testa" 5 | tee "$dir/peer"
ours=$(grep '^speed tag' "$dir/ours" | awk '{print $(NF-1)}')
peer=$(grep '^speed wink' "$dir/peer" | awk '{print $(NF-1)}')
echo "speed ratio crosscheck tag component (POS + chunks) / wink-pos-tagger (POS): $(echo "$ours $peer" | awk '{printf "%.1f", $1 / $2}')x"
