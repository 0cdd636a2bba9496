#!/bin/sh
# Installs the speed peer (chrono-node, npm) into bench/time/node_modules
# (git-ignored). Run once before run.sh; needs npm and network access.
set -e
cd "$(dirname "$0")"
[ -f package.json ] || echo '{"name":"crosscheck-bench-time","private":true}' > package.json
npm install --no-audit --no-fund --silent chrono-node@2
