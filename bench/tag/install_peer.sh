#!/bin/sh
# Installs the peer (wink-pos-tagger, a JavaScript Penn Treebank POS tagger)
# into bench/tag/node_modules (git-ignored).
set -e
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-save --prefix . wink-pos-tagger@2.2.2 >/dev/null
