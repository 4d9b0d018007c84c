#!/usr/bin/env python3
"""Builds stdlib/data/countries.csv, the country and area crosswalk behind m49(), iso2(), iso3() and
country_name().

Run once by a developer when a source changes (Kerwen reads only the CSV it writes):

    python3 tools/gen_countries.py [WORLD_BANK_POPULATION_CSV]

Sources (see stdlib/SOURCES.md):
- ISO 3166-1 codes, English names and their Russian, Turkmen, Uzbek, Kazakh and Kyrgyz translations
  from the iso-codes project (Debian package `iso-codes`: /usr/share/iso-codes/json/iso_3166-1.json and
  /usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo), LGPL-2.1-or-later.
- UN M49 codes with the English and Russian names the SDG databases use, and the M49 regions, from the
  CL_AREA code list of the SDG data structure definition (stdlib/sdmx/SDG_DSD.KG_1.8.xml, MIT).
- World Bank country names ("Kyrgyz Republic") by ISO alpha-3 from the World Bank SP.POP.TOTL file
  (datahub.io core dataset `population`, ODC-PDDL-1.0); WB aggregates (no ISO code) are left out.
- Names the UN SDG Global Database uses that differ from both ("Türkiye", "Netherlands (Kingdom of
  the)"), read from the SDG database extracts' GeoAreaName column when a folder of them is given.
"""
import csv, gettext, json, pathlib, sys, xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISO_JSON = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = ["ru", "tk", "uz", "kk", "ky"]
S = "{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure}"
C = "{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# Names the UN writes since M49's updates that no other source has yet, as the SDG Global Database
# writes them in GeoAreaName (seen in the central-asia-sdg-platform extracts).
UN_RENAMES = {528: ["Netherlands (Kingdom of the)"]}


def dsd_areas():
    """M49 numeric code → {'en': name, 'ru': name} from CL_AREA."""
    root = ET.parse(ROOT / "stdlib/sdmx/SDG_DSD.KG_1.8.xml").getroot()
    for cl in root.iter(S + "Codelist"):
        if cl.get("id") != "CL_AREA":
            continue
        out = {}
        for code in cl.iter(S + "Code"):
            if code.get("id").isdigit():
                out[int(code.get("id"))] = {n.get(LANG): n.text.strip() for n in code.iter(C + "Name") if n.text}
        return out
    raise SystemExit("CL_AREA not found in the DSD")


def translations():
    out = {}
    for lang in LOCALES:
        mo = pathlib.Path(f"/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-1.mo")
        out[lang] = gettext.GNUTranslations(mo.open("rb")) if mo.exists() else gettext.NullTranslations()
    return out


def world_bank_names(path):
    names = {}
    if path and pathlib.Path(path).exists():
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                names.setdefault(row["Country Code"], row["Country Name"])
    return names


def sdg_database_names(folder):
    names = set()
    if folder and pathlib.Path(folder).is_dir():
        for p in pathlib.Path(folder).glob("*.csv"):
            with open(p, encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    if row.get("GeoAreaName"):
                        names.add(row["GeoAreaName"])
    return names


def main():
    wb_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/real/datahub-worldbank/population.csv"
    sdg_folder = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/real/central-asia-sdg-platform"
    iso = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]
    areas, tr, wb = dsd_areas(), translations(), world_bank_names(wb_path)
    rows = []
    seen = set()
    for c in iso:
        m49 = int(c["numeric"])
        seen.add(m49)
        un = areas.get(m49, {})
        others = [c["name"], c.get("official_name", ""), c.get("common_name", ""), wb.get(c["alpha_3"], "")] + UN_RENAMES.get(m49, [])
        row = {"m49": m49, "iso2": c["alpha_2"], "iso3": c["alpha_3"], "kind": "country",
               "name": un.get("en", c.get("common_name", c["name"])),
               "name_ru": un.get("ru", tr["ru"].gettext(c["name"]))}
        for lang in LOCALES:
            translated = tr[lang].gettext(c["name"])
            if lang != "ru":
                row["name_" + lang] = translated if translated != c["name"] else ""
            elif translated != row["name_ru"]:
                others.append(translated)
            official = c.get("official_name")
            if official and tr[lang].gettext(official) != official:
                others.append(tr[lang].gettext(official))
        row["world_bank"] = wb.get(c["alpha_3"], "")
        row["other_names"] = others
        rows.append(row)
    # M49 regions and areas without an ISO code (World, Central Asia (M49), …).
    for m49, names in sorted(areas.items()):
        if m49 in seen:
            continue
        rows.append({"m49": m49, "iso2": "", "iso3": "", "kind": "region", "name": names.get("en", ""),
                     "name_ru": names.get("ru", ""), "world_bank": "", "other_names": []})
    # The SDG database's own spellings: matched to a row by the rule m49() uses, else reported.
    key = lambda s: " ".join(s.casefold().replace("&", " and ").replace(",", " ").replace(".", " ").split())
    index = {}
    for r in rows:
        for n in [r["name"], r["name_ru"], r.get("world_bank", "")] + r["other_names"]:
            if n:
                index.setdefault(key(n), r)
    unmatched = sorted(n for n in sdg_database_names(sdg_folder) if key(n) not in index)
    for n in unmatched:
        print("not matched, add by hand if it is a country:", n, file=sys.stderr)
    columns = ["m49", "iso2", "iso3", "kind", "name", "name_ru", "name_tk", "name_uz", "name_kk", "name_ky", "world_bank", "other_names"]
    out = ROOT / "stdlib/data/countries.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in sorted(rows, key=lambda r: (r["kind"] != "country", r["m49"])):
            names = {r["name"], r["name_ru"], r.get("world_bank", "")} | {r.get("name_" + l, "") for l in LOCALES}
            extra = []
            for n in r["other_names"]:
                if n and n not in names and n not in extra:
                    extra.append(n)
            w.writerow([r["m49"], r["iso2"], r["iso3"], r["kind"], r["name"], r["name_ru"], r.get("name_tk", ""),
                        r.get("name_uz", ""), r.get("name_kk", ""), r.get("name_ky", ""), r.get("world_bank", ""), "|".join(extra)])
    print(f"wrote {out} ({len(rows)} rows; {len(unmatched)} SDG database names not matched)", file=sys.stderr)


if __name__ == "__main__":
    main()
