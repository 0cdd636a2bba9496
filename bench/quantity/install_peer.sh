#!/bin/sh
# Installs the benchmark peer (@microsoft/recognizers-text-suite, npm) into
# bench/quantity/node_modules, which git ignores.
set -e
cd "$(dirname "$0")"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-audit --no-fund @microsoft/recognizers-text-suite@1.3.1
