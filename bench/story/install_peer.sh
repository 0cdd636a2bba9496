#!/bin/sh
# Installs the speed peer, the npm package `minhash` (MinHash + LSH index in
# JavaScript), into bench/story/node_modules (git-ignored). PyPI's datasketch,
# the usual Python peer, is not reachable here and not packaged in Debian.
set -e
cd "$(dirname "$0")"
[ -d node_modules/minhash ] || npm install --no-save --no-audit --no-fund minhash@0.0.9
