#!/usr/bin/env python3
"""Deterministic generator for Kerwen's bundled example data (standard library only).

Writes, following ../shared/bench/SCHEMA.md (the labour-migrant survey schema):
  examples/data/labour_migrants.csv   N rows (default 3000) of survey microdata
  examples/data/population.csv        region,year,population for the 14 regions of Uzbekistan
  examples/data/disaster_events.csv   one row per disaster event and region (Sendai-style loss records)
  examples/data/departures_quarterly.csv  a quarterly register of departures by region (Cyrillic) and sex

Usage: python3 tools/gen_examples.py [N]
The same seed always gives the same bytes; the files are committed, so running Kerwen never needs Python.
"""
import math
import random
import sys

SEED = 20240917
REGIONS = ["Andijan", "Bukhara", "Fergana", "Jizzakh", "Kashkadarya", "Khorezm", "Namangan", "Navoi",
           "Samarkand", "Surkhandarya", "Syrdarya", "Tashkent", "Tashkent City", "Karakalpakstan"]
REGION_POP_K = [3127, 1923, 3752, 1401, 3336, 1876, 2810, 1000, 3948, 2670, 850, 2942, 2694, 1898]
DESTS = ["Russia", "Kazakhstan", "Turkey", "South Korea", "UAE", "Germany", "UK", "USA"]
DEST_P = [0.55, 0.15, 0.08, 0.07, 0.05, 0.04, 0.03, 0.03]
INC_MEDIAN = [700, 500, 600, 1800, 900, 2200, 2000, 2500]
RC_MEDIAN = [300, 200, 500, 2500, 1200, 3000, 2800, 4000]
FEE_RATE = [0.021, 0.030, 0.050, 0.040, 0.045, 0.070, 0.065, 0.085]
STATUS = ["regular", "irregular", "returnee"]
STATUS_P = [[0.55, 0.30, 0.15], [0.50, 0.35, 0.15], [0.60, 0.25, 0.15], [0.85, 0.05, 0.10],
            [0.75, 0.15, 0.10], [0.85, 0.05, 0.10], [0.80, 0.10, 0.10], [0.80, 0.10, 0.10]]
AGE_EDGES = [25, 35, 45, 55, 65]
AGE_GROUPS = ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
COLUMNS = ["person_id", "year", "sex", "age", "age_group", "origin_region", "destination", "migratory_status",
           "monthly_income_usd", "recruitment_cost_usd", "remit_amount_usd", "remit_fee_usd",
           "displaced_by_disaster", "weight"]


def pick(rng, items, probs):
    u, acc = rng.random(), 0.0
    for item, p in zip(items, probs):
        acc += p
        if u < acc:
            return item
    return items[-1]


def money(x):
    return f"{x:.2f}"


def rows(n):
    rng = random.Random(SEED)
    total = sum(REGION_POP_K)
    region_p = [p / total for p in REGION_POP_K]
    for pid in range(1, n + 1):
        year = rng.randrange(2015, 2025)
        sex = "F" if rng.random() < 0.35 else "M"
        age = int(min(70, max(15, round(rng.gauss(33, 11)))))
        age_group = AGE_GROUPS[sum(1 for e in AGE_EDGES if age >= e)]
        region = pick(rng, REGIONS, region_p)
        d = DESTS.index(pick(rng, DESTS, DEST_P))
        status = pick(rng, STATUS, STATUS_P[d])
        inc = INC_MEDIAN[d] * math.exp(rng.gauss(0, 0.5)) * (0.85 if sex == "F" else 1.0) * 1.03 ** (year - 2015)
        inc_cell = "" if rng.random() < 0.005 else money(inc)
        rc = 0.0 if rng.random() < 0.40 else RC_MEDIAN[d] * math.exp(rng.gauss(0, 0.8))
        rc_cell = "" if rng.random() < 0.003 else money(rc)
        amt = 0.0 if rng.random() < 0.15 else round(300.0 * math.exp(rng.gauss(0, 0.7)) * INC_MEDIAN[d] / 700, 2)
        rate = min(0.09, max(0.02, FEE_RATE[d] * rng.uniform(0.8, 1.2)))
        fee = round(amt * rate, 2)
        displaced = 1 if rng.random() < 0.02 else 0
        weight = round(rng.uniform(50, 500), 2)
        yield [str(pid), str(year), sex, str(age), age_group, region, DESTS[d], status, inc_cell, rc_cell,
               money(amt), money(fee), str(displaced), money(weight)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    with open("examples/data/labour_migrants.csv", "w", newline="\n") as f:
        f.write(",".join(COLUMNS) + "\n")
        for r in rows(n):
            f.write(",".join(r) + "\n")
    with open("examples/data/population.csv", "w", newline="\n") as f:
        f.write("region,year,population\n")
        for r, p in zip(REGIONS, REGION_POP_K):
            for y in range(2015, 2025):
                f.write(f"{r},{y},{int(round(p * 1000 * 1.017 ** (y - 2020)))}\n")
    write_disaster_events()
    write_departures_quarterly()


HAZARDS = ["flood", "mudflow", "earthquake", "avalanche", "landslide", "heatwave"]
HAZARD_P = [0.30, 0.25, 0.10, 0.10, 0.15, 0.10]
EVENT_COLUMNS = ["event_id", "year", "region", "hazard", "deaths", "missing", "injured", "directly_affected",
                 "houses_damaged", "local_strategy"]


def disaster_events():
    """Sendai-style loss records: counts per event; missing is often not recorded (empty cell)."""
    rng = random.Random(SEED + 13)
    total = sum(REGION_POP_K)
    region_p = [p / total for p in REGION_POP_K]
    # Whether each region's local government has adopted a disaster risk reduction strategy (13.1.3).
    strategy = {r: ("yes" if rng.random() < 0.6 else "no") for r in REGIONS}
    eid = 0
    for year in range(2015, 2025):
        for _ in range(rng.randrange(18, 30)):
            eid += 1
            region = pick(rng, REGIONS, region_p)
            hazard = pick(rng, HAZARDS, HAZARD_P)
            severity = math.exp(rng.gauss(0, 1.2))
            deaths = int(severity * (3 if hazard == "earthquake" else 1) * rng.random() * 2)
            missing = "" if rng.random() < 0.3 else str(int(deaths * rng.random() * 0.3))
            injured = int(severity * rng.uniform(0, 10))
            affected = int(severity * rng.uniform(50, 800))
            houses = "" if rng.random() < 0.1 else str(int(affected / rng.uniform(4, 8)))
            yield [f"E{eid:04d}", str(year), region, hazard, str(deaths), missing, str(injured), str(affected),
                   houses, strategy[region]]


def write_disaster_events():
    with open("examples/data/disaster_events.csv", "w", newline="\n") as f:
        f.write(",".join(EVENT_COLUMNS) + "\n")
        for r in disaster_events():
            f.write(",".join(r) + "\n")


# Six regions as an Uzbek register writes them (Cyrillic), with their share of departures.
REGISTER_REGIONS = ["Андижон", "Фарғона", "Хоразм", "Қашқадарё", "Самарқанд", "Сурхондарё"]
REGISTER_BASE = [4200, 5100, 3900, 3300, 4600, 2800]


def write_departures_quarterly():
    """Departures registered per quarter (`2022Q1` … `2024Q4`), region and sex: a seasonal peak in
    Q2, growth over the years, `..` where a district did not report, and Khorezm's 2023Q3 missing
    altogether (no rows: a gap a quarter-on-quarter growth must not bridge)."""
    rng = random.Random(SEED + 31)
    season = [0.8, 1.3, 1.1, 0.8]
    with open("examples/data/departures_quarterly.csv", "w", newline="\n") as f:
        f.write("region,quarter,sex,departures\n")
        for region, base in zip(REGISTER_REGIONS, REGISTER_BASE):
            for year in range(2022, 2025):
                for q in range(1, 5):
                    if region == "Хоразм" and (year, q) == (2023, 3):
                        continue
                    for sex, share in (("F", 0.18), ("M", 0.82)):
                        value = base * share * season[q - 1] * 1.06 ** (year - 2022) * rng.uniform(0.9, 1.1)
                        cell = ".." if rng.random() < 0.06 else str(int(round(value)))
                        f.write(f"{region},{year}Q{q},{sex},{cell}\n")


if __name__ == "__main__":
    main()
