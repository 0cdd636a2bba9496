"""Peer: readability-lxml (Debian python3-readability), timed per page
(parse + summary), writing {id: text} for bench_web to score.
usage: /usr/bin/python3 readability_lxml.py DIR OUT.json"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

directory, out = sys.argv[1], sys.argv[2]
names = sorted(f for f in os.listdir(os.path.join(directory, "html")) if f.endswith(".html.gz"))
pages = [(f[:-8], gzip.open(os.path.join(directory, "html", f)).read().decode("utf-8", "replace")) for f in names]
result = {}
total = sum(len(h.encode("utf-8")) for _, h in pages)
t0 = time.perf_counter()
for page_id, html in pages:
    try:
        summary = Document(html).summary(html_partial=True)
        result[page_id] = lxml.html.fromstring(summary).text_content()
    except Exception:
        result[page_id] = ""
seconds = time.perf_counter() - t0
with open(out, "w") as f:
    json.dump(result, f)
print("readability-lxml pages %d  %.0f pages/s  %.1f MB/s" % (len(pages), len(pages) / seconds, total / 1e6 / seconds))
