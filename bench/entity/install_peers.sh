#!/bin/sh
# Installs the speed peer (compromise, a JavaScript NLP library that finds
# people, places and organizations) into bench/entity/node_modules.
set -e
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-save --prefix . compromise@14.17.0 >/dev/null
