#!/usr/bin/env python3
"""Compares the message catalogs: codes missing in a language, and placeholders that differ.
(The same rule the CatalogTests XCTest enforces; this script is for translators.)"""
import re, sys, glob
def load(lang):
    out = {}
    for f in glob.glob(f'Sources/KerwenDiagnostics/Messages+{lang}*.swift'):
        s = open(f).read()
        for m in re.finditer(r'"([A-Za-z0-9_.]+)":\s*(?:"((?:[^"\\]|\\.)*)"|"""\n(.*?)""")', s, re.S):
            out[m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
    return out
def names(t):
    return set(re.findall(r'\{(?:\d+:)?([A-Za-z_][A-Za-z0-9_]*)(?=[}|])', t))
en = {k: v for k, v in load('English').items()}
for lang in sys.argv[1:] or ['Russian', 'Turkmen', 'Uzbek']:
    tr = load(lang)
    missing = sorted(set(en) - set(tr)); extra = sorted(set(tr) - set(en))
    bad = [k for k in en if k in tr and names(en[k]) != names(tr[k])]
    print(f'{lang}: {len(tr)}/{len(en)}; missing {len(missing)}: {missing[:40]}; extra {extra}; placeholders differ: {[(k, names(en[k]), names(tr[k])) for k in bad]}')
