#!/usr/bin/env python3
"""Writes the synthetic near-duplicate set for `story_bench neardup`.

Vocabulary: the lemmas of WordNet (Debian package wordnet-base,
/usr/share/wordnet/index.{noun,verb,adj}), so no text is copied from anywhere.
Each original is a news-like report built from sentence templates with
random names, figures and words; each gets edited copies:
  edit2, edit10, edit13, edit30  2%, 10%, 13%, 30% of words replaced by other words
                         (13% puts the exact 3-shingle Jaccard near 0.5)
  reorder                sentences shuffled
  boilerplate            a newsletter/copyright footer and a credit line added
Output: one line per document, "group<TAB>level<TAB>text" with newlines as \\n.
Usage: make_neardup.py OUT.tsv [ORIGINALS] [SEED]
"""
import random
import sys

WORDNET = "/usr/share/wordnet/index."


def lemmas(pos):
    words = []
    with open(WORDNET + pos, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if w.isalpha() and 3 <= len(w) <= 12:
                words.append(w)
    return words


def main():
    out = sys.argv[1]
    originals = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    nouns, verbs, adjs = lemmas("noun"), lemmas("verb"), lemmas("adj")
    names = [w.capitalize() for w in rng.sample(nouns, 2000)]
    days = ["on Monday", "on Tuesday", "late on Wednesday", "last week", "earlier this month",
            "on Friday", "overnight", "two days ago"]
    hedges = ["reportedly", "possibly", "according to officials,", "it is believed", "allegedly"]
    templates = [
        "{N1} {N2} said {day} that about {num} {n1} had been {v}ed in {P}.",
        "Officials in {P} {h} put the number of {n1} at {num}, while {N1} said it was closer to {num2}.",
        "The {a} {n1} {v}ed the {n2} {day}, {N1} told reporters.",
        "{N1}, a spokesperson for the {a} {n2}, declined to comment on the {n1}.",
        "Some {num} {n1} are expected to {v} the {n2} by {month}, a plan {N2} described as {a}.",
        "Residents of {P} said the {n1} had {v}ed for {num} days before anyone noticed.",
        "An inquiry into the {a} {n2} will {v} whether {N1} knew about the {n1}.",
    ]
    months = ["January", "March", "May", "July", "September", "November"]

    def sentence():
        t = rng.choice(templates)
        return t.format(N1=rng.choice(names), N2=rng.choice(names), P=rng.choice(names),
                        day=rng.choice(days), h=rng.choice(hedges), month=rng.choice(months),
                        num=f"{rng.randint(2, 9000):,}", num2=f"{rng.randint(2, 9000):,}",
                        n1=rng.choice(nouns), n2=rng.choice(nouns), v=rng.choice(verbs),
                        a=rng.choice(adjs))

    def replace_words(text, share):
        words = text.split(" ")
        for i in rng.sample(range(len(words)), int(round(share * len(words)))):
            words[i] = rng.choice(nouns + verbs + adjs)
        return " ".join(words)

    with open(out, "w", encoding="utf-8") as f:
        def emit(group, level, sentences):
            paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
            f.write(f"{group}\t{level}\t" + "\\n".join(paragraphs) + "\n")

        for g in range(originals):
            sents = [sentence() for _ in range(rng.randint(18, 30))]
            emit(g, "orig", sents)
            text = " ".join(sents)
            for share, level in ((0.02, "edit2"), (0.10, "edit10"), (0.13, "edit13"), (0.30, "edit30")):
                emit(g, level, [replace_words(text, share)])
            shuffled = sents[:]
            rng.shuffle(shuffled)
            emit(g, "reorder", shuffled)
            site = rng.choice(names).lower() + "-news.example"
            emit(g, "boilerplate", sents + ["Sign up for our morning newsletter.",
                                            "Copyright 2026. All rights reserved.",
                                            f"Read More @ {site}"])


if __name__ == "__main__":
    main()
