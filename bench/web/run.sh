#!/bin/sh
# The web extraction benchmark, peers side by side (bench/web/RESULTS.md):
#   bench/web/run.sh [BUILD_DIR]      (run bench/web/setup-peers.sh once first)
# Prints body-extraction P/R/F1 and speed on scrapinghub-dev for crosscheck,
# Readability.js and readability-lxml, the speed ratios, the date accuracy on
# htmldate-dev, and the HTML parser comparison.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build/release}"
data="$here/../../../shared/data/html"
dev="$data/scrapinghub-dev"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bench="$build/bench/web/bench_web"
[ -x "$bench" ] || { echo "build bench_web first: cmake --build $build --target bench_web" >&2; exit 2; }
[ -d "$dev" ] || { echo "no dev set at $dev" >&2; exit 2; }

ours=$("$bench" body "$dev" "$out/ours.json")
echo "$ours"
js=$(node "$here/readability_js.mjs" "$dev" "$out/js.json")
py=$(/usr/bin/python3 "$here/readability_lxml.py" "$dev" "$out/py.json")
"$bench" score "$dev" "$out/js.json" readability.js
echo "    $js"
"$bench" score "$dev" "$out/py.json" readability-lxml
echo "    $py"
rate() { echo "$1" | sed -n 's/.* \([0-9][0-9]*\) pages\/s.*/\1/p'; }
awk -v a="$(rate "$ours")" -v b="$(rate "$js")" -v c="$(rate "$py")" \
  'BEGIN { printf "speed ratio: %.1fx Readability.js, %.1fx readability-lxml, %.1fx trafilatura'"'"'s published 59 pages/s\n", a / b, a / c, a / 59 }'
"$bench" dates "$data/htmldate-dev"
"$bench" parsers "$dev"
