#!/bin/sh
# One command for every number in bench/time/RESULTS.md:
#   bench/time/run.sh            (from the repository root, after cmake --preset release)
# Builds bench_time, then prints TBAQ accuracy, Recognizers-Text spec pass
# rates, and speed beside chrono-node (installed by install_peers.sh) on the
# same texts, alternating runs because the machine is shared and noisy.
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${CROSSCHECK_SHARED_DIR:-$root/../shared}"
bin="$root/build/release/bench/time/bench_time"
cmake --build "$root/build/release" --target bench_time -j2 >/dev/null
tbaq="$shared/data/time/train-tbaq.jsonl"
"$bin" tbaq "$tbaq"
"$bin" specs "$shared/data/recognizers-specs/DateTime"
[ -d "$root/bench/time/node_modules/chrono-node" ] || "$root/bench/time/install_peers.sh"
echo "Speed (TBAQ texts, $(wc -c < "$tbaq") bytes of JSON; 3 alternating runs)"
for run in 1 2 3; do
  both=$("$bin" speed "$tbaq" 5)
  ours=$(echo "$both" | tail -1)
  peer=$(node "$root/bench/time/chrono_speed.js" "$tbaq" 2)
  echo "$both" | sed 's/^/  /'
  echo "  $peer"
  echo "$ours $peer" | awk '{ for (i = 1; i <= NF; i++) if ($i == "MB/s") v[++n] = $(i - 1);
                              printf "  ratio: %.1fx chrono-node\n", v[1] / v[2] }'
done
