#!/bin/sh
# Installs the speed/accuracy peers for bench/web/run.sh:
#   Readability.js (npm @mozilla/readability + linkedom) into bench/web/node_modules,
#   readability-lxml (Debian python3-readability) system-wide.
# trafilatura has no Debian package (apt-cache search trafilatura is empty), so it is not run.
set -e
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-save @mozilla/readability linkedom >/dev/null
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  apt-get install -y python3-readability >/dev/null
fi
