#!/usr/bin/env python3
"""Scores spec-case outputs (JSON lines from bench_quantity and peer.js)
against the recognizers-text specs: a case passes when the multiset of numbers
found equals the multiset of numbers in the expected resolutions (units are
not compared: the two systems name them differently). Cases marked
NotSupported for dotnet are skipped. Prints pass rate per file for both and
the speed ratio."""
import json
import re
import sys

NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?", re.I)


def load(path):
    cases, timing = {}, None
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if "timing" in r:
                timing = r
            else:
                cases[(r["file"], r["case"])] = r["values"]
    return cases, timing


def norm(values):
    return sorted(round(float(v), 6) for v in values)


def expected(case):
    out = []
    for r in case.get("Results", []):
        v = r.get("Resolution", {}).get("value")
        if v is not None:
            out += [float(x) for x in NUM.findall(str(v))]
    return norm(out)


def main(ours_path, peer_path, files):
    ours, ours_t = load(ours_path)
    peer, peer_t = load(peer_path)
    print(f"{'file':48} {'cases':>5} {'crosscheck':>10} {'peer':>10}")
    for f in files:
        spec = json.load(open(f))
        n = passed_o = passed_p = 0
        peer_has = any((f, i) in peer for i in range(len(spec)))
        for i, c in enumerate(spec):
            if "dotnet" in (c.get("NotSupported", "") + c.get("NotSupportedByDesign", "")).lower():
                continue
            n += 1
            want = expected(c)
            passed_o += norm(ours.get((f, i), [])) == want
            passed_p += norm(peer.get((f, i), [])) == want
        name = "/".join(f.split("/")[-2:])
        peer_col = f"{100 * passed_p / n:9.1f}%" if peer_has else "       n/a"
        print(f"{name:48} {n:5} {100 * passed_o / n:9.1f}% {peer_col}")
    ro = ours_t["bytes"] / ours_t["seconds"]
    rp = peer_t["bytes"] / peer_t["seconds"]
    print(f"speed: crosscheck {ro / 1e6:.2f} MB/s ({ours_t['inputs'] / ours_t['seconds']:.0f} inputs/s), "
          f"peer {rp / 1e6:.3f} MB/s ({peer_t['inputs'] / peer_t['seconds']:.0f} inputs/s), "
          f"ratio {ro / rp:.1f}x")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
