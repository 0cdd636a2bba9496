#!/bin/sh
# Builds data/entity/clusters.tsv: Brown word clusters the entity tagger reads
# as features, learned from the words (never the tags) of unlabeled and
# training text under ../shared. CoNLL-2003 eng.testa, the tuning set, is not
# among them. Takes a few minutes on one core.
#
#   cmake --build build/release --target crosscheck-word-clusters
#   data/entity/build_clusters.sh [SHARED_DIR]
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-$root/../shared}"
tool="$root/build/release/bench/entity/crosscheck-word-clusters"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# GMB: a cp1252 CSV "Sentence #,Word,POS,Tag"; a new sentence number starts a
# sentence.
python3 - "$shared/data/ner/gmb/ner_dataset.csv.zip" "$tmp/gmb.tokens" <<'EOF'
import csv, io, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "w", encoding="utf-8") as out:
    name = [n for n in z.namelist() if n.endswith(".csv")][0]
    rows = csv.reader(io.TextIOWrapper(z.open(name), encoding="cp1252"))
    next(rows)
    for row in rows:
        if row[0].strip():
            out.write("\n")
        out.write(row[1] + "\n")
EOF
# PolNeAR train: US political news of 2015-2016, one paragraph a line.
for f in "$shared"/data/attribution/polnear/train/text/*.txt; do
  cat "$f"
  echo
done >"$tmp/polnear.txt"

"$tool" --clusters 500 --min-count 3 --out "$root/data/entity/clusters.tsv" \
  --note "sources: CoNLL-2003 eng.train (word column), WikiANN English train (word column)," \
  --note "GMB 2.2 ner_dataset.csv (Word column, Voice of America news), PolNeAR train texts;" \
  --note "built by data/entity/build_clusters.sh" \
  --tokens "$shared/data/ner/conll2003/eng.train" \
  --tokens "$shared/data/ner/wikiann-en/train" \
  --tokens "$tmp/gmb.tokens" \
  --text "$tmp/polnear.txt"
