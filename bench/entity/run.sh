#!/bin/sh
# The entity benchmark: accuracy on CoNLL-2003 eng.testa, WNUT-17 dev and
# our own news sentences, and single-thread speed beside compromise.
#   cmake --build build/release --target crosscheck-bench-ner && bench/entity/run.sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
text="$(mktemp)"
trap 'rm -f "$text"' EXIT
"$root/build/release/bench/entity/crosscheck-bench-ner" --text-out "$text" | tee "$text.ours"
[ -d "$here/node_modules/compromise" ] || "$here/install_peers.sh"
node "$here/peer_compromise.js" "$text" | tee "$text.peer"
ours=$(grep '^speed entity' "$text.ours" | awk '{print $(NF-1)}')
peer=$(awk '{print $(NF-3)}' "$text.peer")
echo "speed ratio crosscheck/compromise: $(echo "$ours $peer" | awk '{printf "%.1f", $1 / $2}')x"
rm -f "$text.ours" "$text.peer"
