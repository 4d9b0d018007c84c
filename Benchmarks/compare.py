#!/usr/bin/env python3
"""Checks that two engines' I1–I5 files agree: same keys, values within 1e-9 relative.
Usage: compare.py DIR_A DIR_B   (exit 1 and a report on disagreement)"""
import csv
import sys


def load(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0], {tuple(r[:-1]): float(r[-1]) if r[-1] not in ("", "na") else None for r in rows[1:]}


def main(a, b):
    bad = 0
    for k in range(1, 6):
        ha, ra = load(f"{a}/I{k}.csv")
        hb, rb = load(f"{b}/I{k}.csv")
        if ha != hb or set(ra) != set(rb):
            print(f"I{k}: different headers or keys ({len(ra)} vs {len(rb)} rows)")
            bad += 1
            continue
        for key, va in ra.items():
            vb = rb[key]
            if va is None or vb is None:
                if va != vb:
                    print(f"I{k} {key}: {va} vs {vb}"); bad += 1
            elif abs(va - vb) > 1e-9 * max(1.0, abs(vb)):
                print(f"I{k} {key}: {va!r} vs {vb!r}"); bad += 1
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1], sys.argv[2]) else 0)
