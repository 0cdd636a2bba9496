#!/usr/bin/env python3
"""Builds data/entity/names.tsv: names of people, organizations, places and
other named things as annotated in two corpora under ../shared, for the entity
tagger's name-list features (which type, if any, a capitalized phrase was
annotated as elsewhere). CoNLL-2003 is not among the sources, so the tagger
meets these lists on its training text as it will on new text.

Sources (word and tag columns only, never sentences):
  - WikiANN English train (Wikipedia, silver-standard PER/ORG/LOC);
  - GMB 2.2 ner_dataset.csv (Voice of America news): per -> PER, org -> ORG,
    geo -> LOC, gpe/eve/art -> MISC (gpe there is mostly nationality words).

A phrase keeps each type it was annotated as in at least a quarter of its
annotated occurrences. A one-word phrase is kept only when at least half of
its occurrences in the sources are annotated, so capitalized common words
("The", "President") stay out.

Usage: python3 data/entity/build_names.py [--shared ../shared]
"""
import argparse
import collections
import csv
import io
import os
import zipfile

GMB_TYPES = {"per": "PER", "org": "ORG", "geo": "LOC", "gpe": "MISC", "eve": "MISC",
             "art": "MISC"}
WIKIANN_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
MAX_TOKENS = 6  # Gazetteer::kMaxPhraseTokens


def sentences_wikiann(path):
    words, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            word, tag = line.split("\t")[0], line.split("\t")[-1]
            if word.startswith("en:"):
                word = word[3:]
            words.append(word)
            tags.append(tag)
    if words:
        yield words, tags


def sentences_gmb(path):
    with zipfile.ZipFile(path) as z:
        name = [n for n in z.namelist() if n.endswith(".csv")][0]
        rows = csv.reader(io.TextIOWrapper(z.open(name), encoding="cp1252"))
        next(rows)
        words, tags = [], []
        for row in rows:
            if row[0].strip() and words:
                yield words, tags
                words, tags = [], []
            words.append(row[1])
            tags.append(row[3])
        if words:
            yield words, tags


def mentions(words, tags, types):
    """(first, end, type) of each IOB2 mention whose type maps to ours."""
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O" or "-" not in tag:
            i += 1
            continue
        kind = tag.split("-", 1)[1]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + kind:
            j += 1
        if kind in types:
            yield i, j, types[kind]
        i = j


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    parser.add_argument("--out", default=os.path.join(here, "names.tsv"))
    args = parser.parse_args()
    ner = os.path.join(args.shared, "data", "ner")
    sources = [
        (sentences_wikiann(os.path.join(ner, "wikiann-en", "train")), WIKIANN_TYPES),
        (sentences_gmb(os.path.join(ner, "gmb", "ner_dataset.csv.zip")), GMB_TYPES),
    ]
    typed = collections.defaultdict(collections.Counter)  # phrase -> type -> count
    word_count = collections.Counter()  # every word as written
    for sentences, types in sources:
        for words, tags in sentences:
            word_count.update(words)
            for first, end, kind in mentions(words, tags, types):
                if end - first > MAX_TOKENS:
                    continue
                phrase = " ".join(words[first:end])
                if not phrase[:1].isupper():
                    continue
                typed[phrase][kind] += 1

    rows = []
    for phrase, counts in typed.items():
        total = sum(counts.values())
        if " " not in phrase and total * 2 < word_count[phrase]:
            continue
        if "\t" in phrase:
            continue
        for kind, n in sorted(counts.items()):
            if n * 4 >= total:
                rows.append((phrase, kind))
    rows.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# crosscheck entity name lists, built by data/entity/build_names.py; do not edit.\n")
        out.write("# phrase<TAB>type<TAB>canonical<TAB>metonym_of (the last two empty)\n")
        out.write("# sources: WikiANN English train (silver PER/ORG/LOC), GMB 2.2 ner_dataset.csv\n")
        out.write("#   (per/org/geo as PER/ORG/LOC, gpe/eve/art as MISC); annotations only.\n")
        for phrase, kind in rows:
            out.write(f"{phrase}\t{kind}\t\t\n")
    print(f"wrote {args.out}: {len(rows)} rows, {len(set(p for p, _ in rows))} phrases")


if __name__ == "__main__":
    main()
