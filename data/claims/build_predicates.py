#!/usr/bin/env python3
"""Builds data/claims/predicates.tsv: word form (lower case) -> predicate class,
for the claims stage's triggers ("sent", "deployment", "were evacuated").

Facts used: WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet):
  - verb.exc / noun.exc for irregular inflections ("sent", "fled", "struck");
  - derivational pointers ('+') from a seed verb's three most frequent senses
    to nouns that begin with the verb's stem ("deploy" -> "deployment",
    "evacuate" -> "evacuation"; not "attend" -> "attention").
WordNet synonyms are not used: tried, they brought in mostly other senses
("busy" for "occupy", "croak" for "die", "coal" for "burn"). The classes and
their seed words below are the project's own choice of what news figures and
events are about; regular inflections are generated.

Usage: data/claims/build_predicates.py [/usr/share/wordnet] > data/claims/predicates.tsv
"""
import os
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"

# (class, seed verbs, extra forms taken as they are: nouns, adjectives,
# participles used as adjectives, two-word phrases). Earlier classes win a
# form both claim.
CLASSES = [
    # The dead and the injured are two figures ("killing 48 and injuring more
    # than 300"); "casualties" and "losses" count both, as does "killed or
    # wounded" (a figure takes its first verb).
    ("casualty", ["kill", "die", "perish"],
     ["dead", "death", "deaths", "casualty", "casualties", "fatality", "fatalities", "losses",
      "toll"]),
    # Those treated or taken to hospital are counted as the injured ("64
    # people were treated", "more than 60 were taken to hospital").
    ("injure", ["wound", "injure", "hurt", "treat", "hospitalize", "hospitalise"],
     ["injury", "injuries", "to hospital", "patients", "admitted"]),
    # Those who fell ill are not the injured: "112 people had fallen ill",
    # "41 children were admitted".
    ("sicken", ["sicken", "poison"], ["fell ill", "fallen ill", "taken ill", "falls ill", "fall ill"]),
    ("derail", ["derail"], []),
    ("overturn", ["overturn", "flip"], []),
    ("missing", [], ["missing", "unaccounted"]),
    ("evacuate", ["evacuate", "displace", "flee", "relocate"],
     ["evacuee", "evacuees", "homeless", "shelters"]),
    ("rescue", ["rescue", "survive"], ["rescuers"]),
    ("arrest", ["arrest", "detain", "jail", "imprison"], ["detention", "detentions"]),
    ("capacity", [], ["capacity", "capacities", "licensed", "licenced", "designed", "maximum",
                      "permitted"]),
    ("carry", ["carry", "board"], ["aboard", "onboard", "on board"]),
    ("send", ["send", "dispatch", "deploy", "redeploy", "transfer", "supply", "provide", "deliver",
              "ship", "station", "airlift"], []),
    ("recruit", ["recruit", "mobilize", "mobilise", "conscript", "enlist"], []),
    ("control", ["capture", "seize", "occupy", "control", "recapture", "retake", "liberate", "hold"], []),
    ("attack", ["attack", "bomb", "shell", "invade", "raid"],
     ["airstrike", "airstrikes", "offensive", "counteroffensive", "invasion", "bombings",
      "killings"]),
    ("strike", [], ["strike", "strikes", "striking", "striker", "strikers", "walkout", "walkouts",
                    "stoppage", "stopped work", "stop work", "walked out", "downed tools"]),
    ("destroy", ["destroy", "damage", "flatten", "raze", "demolish"], ["destruction"]),
    ("burn", ["burn", "scorch", "char"], []),
    ("leak", ["leak", "spill", "escape", "discharge", "seep"], ["spillage"]),
    ("pollute", ["pollute", "foul", "contaminate", "blacken"], ["polluted", "oiled"]),
    ("withdraw", ["withdraw", "retreat"], ["pullout"]),
    ("visit", ["visit", "travel", "tour"], ["trip"]),
    ("inspect", ["inspect", "oversee", "observe"], []),
    ("meet", ["meet", "greet", "host"], ["summit", "talks"]),
    ("sign", ["sign", "ratify"], []),
    ("launch", ["launch"], ["fired", "firing"]),
    ("test", ["test"], []),
    ("announce", ["announce"], []),
    ("agree", ["agree"], []),
    ("vote", ["vote", "elect"], ["ballot", "ballots", "votes", "voters"]),
    ("attend", ["attend", "march", "gather", "rally", "protest"],
     ["crowd", "marchers", "protesters", "demonstrators", "participants"]),
    ("case", ["infect"], ["case", "cases", "infection", "infections"]),
    ("pay", ["pay", "fund", "pledge", "allocate", "spend", "donate", "invest"], ["aid"]),
    ("cost", ["cost"], ["damages"]),
    ("demand", ["demand", "seek"], []),
    ("offer", ["offer", "propose"], []),
    ("cut", ["cut", "slash", "eliminate", "axe", "shed", "lay"], ["layoffs", "redundancies"]),
    ("hire", ["hire", "employ"], []),
    ("sell", ["sell", "export"], ["sales"]),
    ("buy", ["buy", "purchase", "acquire", "import"], []),
    ("produce", ["produce", "manufacture", "build"], ["output", "production"]),
    ("win", ["win"], ["seats"]),
    ("rise", ["rise", "increase", "grow", "fall", "drop", "decline", "climb", "jump", "double"], []),
]

# Forms that look like a class's word but mostly mean something else in news:
# "fire" and "fires" (the noun), "station" (a building), "shells" (munitions,
# not shelling), "treat" (a pleasure), "lay" and "laid" (not "laid off"),
# "spill" and "leak" (the noun: "the spill has fouled 12 km"), "building"
# (the noun: "500 people were in the building").
# The month "March" is no trigger because capitalized words inside running
# text never are (claims/extract.cc).
EXCLUDE = {"fire", "fires", "lay", "lays", "laid", "laying", "dear", "posts", "station", "stations",
           "host", "hosts", "tour", "tours", "rally", "ship", "ships", "shipping",
           "supply", "control", "treat", "treats", "shell", "shells", "test", "tests", "case",
           "fall", "drop", "output", "aid", "spill", "spills", "escape", "leak", "leaks",
           "building", "buildings"}
# "case", "test", "aid" and "output" are nouns of the classes but also common
# in other senses; keep the plural or inflected forms only where listed above.
KEEP = {"case", "test", "aid", "output"}


# Nominalizations WordNet links that name something else in news.
RARE_NOUNS = {"observance", "declination", "investiture", "winnings", "electorate", "product",
              "protestation", "proposition", "importation", "exportation", "transferral"}


def read_exceptions(path):
    """base -> irregular forms, from WordNet's *.exc files (form base...)."""
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                for base in parts[1:]:
                    out.setdefault(base, set()).add(parts[0])
    return out


def read_index(path):
    """lemma -> synset offsets in frequency order."""
    out = {}
    with open(path) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, n_synsets, n_ptrs = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[4 + n_ptrs + 2:]
            out[lemma] = offsets[:n_synsets]
    return out


def read_data(path):
    """offset -> (lemmas, [(pointer, target offset, pos, source/target)])."""
    out = {}
    with open(path) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            offset, n_words = parts[0], int(parts[3], 16)
            lemmas = [parts[4 + 2 * i].lower() for i in range(n_words)]
            k = 4 + 2 * n_words
            n_ptrs = int(parts[k])
            ptrs = []
            for i in range(n_ptrs):
                sym, target, pos, st = parts[k + 1 + 4 * i: k + 5 + 4 * i]
                ptrs.append((sym, target, pos, st))
            out[offset] = (lemmas, ptrs)
    return out


VOWELS = set("aeiou")


def verb_forms(verb, exceptions):
    forms = {verb}
    forms |= exceptions.get(verb, set())
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        # A final consonant after one vowel doubles in short verbs ("ship" ->
        # "shipped"); both spellings are listed, the wrong one never occurs.
        if (len(verb) <= 4 and verb[-1] not in VOWELS | {"w", "x", "y"}
                and verb[-2] in VOWELS and verb[-3:-2] not in VOWELS):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


def noun_forms(noun, exceptions):
    forms = {noun} | exceptions.get(noun, set())
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(noun + "es")
    elif noun.endswith("y") and noun[-2:-1] not in VOWELS:
        forms.add(noun[:-1] + "ies")
    else:
        forms.add(noun + "s")
    return forms


def main():
    verb_exc = read_exceptions(os.path.join(WN, "verb.exc"))
    noun_exc = read_exceptions(os.path.join(WN, "noun.exc"))
    verb_index = read_index(os.path.join(WN, "index.verb"))
    verb_data = read_data(os.path.join(WN, "data.verb"))
    noun_data = read_data(os.path.join(WN, "data.noun"))

    table = {}
    origin = {}

    def add(form, cls, why):
        if form in EXCLUDE and form not in KEEP:
            return
        if form not in table:
            table[form] = cls
            origin[form] = why

    for cls, seeds, extra in CLASSES:
        for form in extra:
            add(form, cls, "listed")
        verbs = list(seeds)
        for verb in verbs:
            for form in verb_forms(verb, verb_exc):
                add(form, cls, "seed")
            for offset in verb_index.get(verb, [])[:3]:
                lemmas, ptrs = verb_data[offset]
                for sym, target, pos, st in ptrs:
                    if sym != "+" or pos != "n":
                        continue
                    src, dst = int(st[:2], 16), int(st[2:], 16)
                    if src == 0 or lemmas[src - 1] != verb:
                        continue
                    noun = noun_data[target][0][dst - 1]
                    # Nominalizations share the verb's stem: "deployment", not "soldier".
                    stem = verb[:-1] if verb.endswith("e") else verb
                    if "_" in noun or not noun.startswith(stem):
                        continue
                    # Agents ("supplier") count people; "-ing" nouns ("building")
                    # mostly name a thing, and the verb forms have "-ing" already.
                    if noun.endswith(("er", "or", "ist", "ee", "ant", "ing")) or noun in RARE_NOUNS:
                        continue
                    for form in noun_forms(noun, noun_exc):
                        add(form, cls, "wordnet derivation")

    print("# form\tclass\thow  (generated by data/claims/build_predicates.py from WordNet 3.0,")
    print("# Debian wordnet-base; 'listed' and 'seed' are the script's own word lists)")
    for form in sorted(table):
        print(f"{form}\t{table[form]}\t{origin[form]}")


if __name__ == "__main__":
    main()
