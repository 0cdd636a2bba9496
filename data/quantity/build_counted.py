#!/usr/bin/env python3
"""Builds data/quantity/counted.tsv: counted noun (as written, singular or
plural) -> lemma -> class, from WordNet 3.0 (Debian package wordnet-base,
/usr/share/wordnet). A noun gets the class of the first root below that one
of its two most frequent senses reaches through hypernym links, so "troops",
"soldiers", "servicemen" and "sappers" all land in "personnel".

Usage: data/quantity/build_counted.py [/usr/share/wordnet] > data/quantity/counted.tsv
"""
import os
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"

# (class, [(lemma, sense number)]): in priority order, first match wins.
ROOTS = [
    ("casualties", [("casualty", 2), ("casualty", 1), ("fatality", 2), ("victim", 1)]),
    ("personnel", [("military_personnel", 1), ("serviceman", 1), ("soldier", 1), ("troops", 1),
                   ("military_unit", 1), ("mercenary", 1), ("guerrilla", 1), ("personnel", 1), ("engineer", 2), ("combatant", 1), ("sapper", 1), ("sapper", 2)]),
    ("refugees", [("refugee", 1), ("emigrant", 1), ("immigrant", 1)]),
    ("prisoners", [("prisoner", 1), ("hostage", 1), ("detainee", 1)]),
    ("workers", [("worker", 1), ("employee", 1)]),
    ("children", [("child", 1), ("child", 2), ("juvenile", 1)]),
    ("civilians", [("civilian", 1), ("resident", 1), ("citizen", 1)]),
    ("people", [("person", 1), ("people", 1)]),
    ("munitions", [("ammunition", 1), ("projectile", 1), ("shell", 8), ("missile", 1),
                   ("rocket", 1), ("bomb", 1), ("explosive_device", 1), ("mine", 2)]),
    ("weapons", [("weapon", 1), ("weaponry", 1), ("artillery", 1), ("launcher", 1),
                 ("gun", 1), ("weapon_system", 1)]),
    ("vehicles", [("vehicle", 1), ("aircraft", 1), ("craft", 2), ("tank", 1)]),
    ("buildings", [("building", 1), ("dwelling", 1), ("housing", 1)]),
    ("settlements", [("settlement", 6), ("village", 1), ("town", 1), ("city", 1)]),
    ]
# Senses WordNet ranks below ones news rarely means, and participles used as
# nouns ("1,200 killed"): form -> (lemma, class). Checked by hand.
OVERRIDES = {
    "drone": ("drone", "vehicles"), "drones": ("drone", "vehicles"),
    "death": ("death", "casualties"), "deaths": ("death", "casualties"),
    "dead": ("dead", "casualties"), "killed": ("killed", "casualties"),
    "wounded": ("wounded", "casualties"), "injured": ("injured", "casualties"),
    "toll": ("toll", "casualties"), "losses": ("loss", "casualties"),
}
MAX_SENSES = 2


def read_index():
    index = {}
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[6 + p_cnt:6 + p_cnt + synset_cnt]
            index[lemma] = offsets
    return index


def read_hypernyms():
    hyper = {}
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            offset, w_cnt = parts[0], int(parts[3], 16)
            i = 4 + 2 * w_cnt
            p_cnt = int(parts[i])
            ups = []
            for k in range(p_cnt):
                sym, target, pos = parts[i + 1 + 4 * k:i + 4 + 4 * k]
                if sym in ("@", "@i") and pos == "n":
                    ups.append(target)
            hyper[offset] = ups
    return hyper


def plural(lemma):
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith("man"):
        return lemma[:-3] + "men"
    return lemma + "s"


def main():
    index = read_index()
    hyper = read_hypernyms()
    root_class = {}
    for cls, roots in ROOTS:
        for lemma, sense in roots:
            offsets = index.get(lemma, [])
            if len(offsets) >= sense:
                root_class.setdefault(offsets[sense - 1], cls)
    priority = {cls: i for i, (cls, _) in enumerate(ROOTS)}

    def class_of(offset):
        seen, frontier, best = set(), [offset], None
        for _ in range(20):  # WordNet's noun hierarchy is under 20 deep
            nxt = []
            for o in frontier:
                if o in seen:
                    continue
                seen.add(o)
                c = root_class.get(o)
                if c and (best is None or priority[c] < priority[best]):
                    best = c
                nxt.extend(hyper.get(o, []))
            frontier = nxt
        return best

    irregular = {}
    with open(os.path.join(WN, "noun.exc"), encoding="latin-1") as f:
        for line in f:
            form, base = line.split()[:2]
            irregular.setdefault(base, []).append(form)

    rows = {}
    for lemma, offsets in index.items():
        if "_" in lemma or not lemma.isalpha():
            continue
        classes = [c for c in (class_of(o) for o in offsets[:MAX_SENSES]) if c]
        if not classes:
            continue
        cls = min(classes, key=lambda c: priority[c])
        rows.setdefault(lemma, (lemma, cls))
        for form in irregular.get(lemma, [plural(lemma)]):
            rows.setdefault(form, (lemma, cls))
    rows.update(OVERRIDES)
    print("# form\tlemma\tclass  (generated by data/quantity/build_counted.py from WordNet 3.0)")
    for form in sorted(rows):
        lemma, cls = rows[form]
        print(f"{form}\t{lemma}\t{cls}")


if __name__ == "__main__":
    main()
