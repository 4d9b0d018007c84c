#!/usr/bin/env python3
"""Copies the curated subset of real published SDG data into examples/data/real/.

Run once by a developer (it reads ../shared/data/real, which Kerwen never reads at run time).
Lines are copied byte for byte: only rows are filtered (to the five Central Asian countries),
so every quirk of the published files -- quoting, duplicates, empty cells, BOMs -- stays.
"""
import pathlib, shutil, sys

SRC = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/real")
DST = pathlib.Path(__file__).resolve().parent.parent / "examples" / "data" / "real"
CENTRAL_ASIA_UN = [b'"Kazakhstan"', b'"Kyrgyzstan"', b'"Tajikistan"', b'"Turkmenistan"', b'"Uzbekistan"']
CENTRAL_ASIA_WB = [b",KAZ,", b",KGZ,", b",TJK,", b",TKM,", b",UZB,"]

GLOBAL_DB = ["10-2-1", "10-7-3", "10-7-4", "10-c-1-SI_RMT_COST", "13-1-1-VC_DSR_MORT", "13-1-1-VC_DSR_MISS", "13-1-1-VC_DSR_MMHN",
             "13-1-1-VC_DSR_MTMP", "13-1-1-VC_DSR_AFFCT", "13-1-1-VC_DSR_DAFF", "13-1-3-SG_DSR_SILN",
             "13-1-3-SG_DSR_SILS", "13-1-3-SG_GOV_LOGV", "16-2-2-VC_HTF_DETV", "17-3-2",
             "17-18-1-SG_STT_ODIN", "17-19-2-SG_REG_CENSUSN", "17-19-2-SG_REG_BRTH90N", "17-19-2-SG_REG_DETH75N"]


def filtered(src, dst, keep):
    lines = src.read_bytes().splitlines(keepends=True)
    out = [lines[0]] + [l for l in lines[1:] if keep(l)]
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(b"".join(out))


def main():
    sdg = SRC / "central-asia-sdg-platform"
    for stem in GLOBAL_DB:
        name = f"indicator_{stem}.csv"
        filtered(sdg / name, DST / "un-sdg" / name, lambda l: any(c in l for c in CENTRAL_ASIA_UN))
    # Corridor files name the receiving country in `Counterpart` (ISO alpha-2).
    for stem in ["10-c-1-SI_RMT_COST_BC", "10-c-1-SI_RMT_COST_SC"]:
        name = f"indicator_{stem}.csv"
        filtered(sdg / name, DST / "un-sdg" / name, lambda l: any(f',"{c}",'.encode() in l for c in ["KZ", "KG", "TJ", "TM", "UZ"]))
    shutil.copy(sdg / "LICENSE.txt", DST / "un-sdg" / "LICENSE.txt")

    wb = SRC / "datahub-worldbank"
    for name in ["population.csv", "gdp.csv"]:
        filtered(wb / name, DST / "worldbank" / name, lambda l: any(c in l for c in CENTRAL_ASIA_WB))
        shutil.copy(wb / name.replace(".csv", ".datapackage.json"), DST / "worldbank" / name.replace(".csv", ".datapackage.json"))

    kg = SRC / "kyrgyzstan-nsc"
    keep_kg = [b"13.1.1.xml,", b"13.1.3.xml,", b"17.3.2.xml,", b"10.7.4.xml,"]
    filtered(kg / "DERIVED_flat_all.csv", DST / "kyrgyzstan" / "sdg_flat.csv", lambda l: any(l.startswith(k) for k in keep_kg))
    shutil.copy(kg / "LICENSE.txt", DST / "kyrgyzstan" / "LICENSE.txt")

    kz = SRC / "kazstat"
    for name in ["indicator_1-5-1.csv", "indicator_10-7-4.csv", "indicator_17-3-2.csv", "indicator_10-7-1.csv", "LICENSE.txt"]:
        (DST / "kazakhstan").mkdir(parents=True, exist_ok=True)
        shutil.copy(kz / name, DST / "kazakhstan" / name)

    am = SRC / "armstat"
    for name in ["indicator_13-1-1.csv", "indicator_10-c-1.csv", "indicator_10-7-4.csv", "LICENSE.txt"]:
        (DST / "armenia").mkdir(parents=True, exist_ok=True)
        shutil.copy(am / name, DST / "armenia" / name)


if __name__ == "__main__":
    main()
