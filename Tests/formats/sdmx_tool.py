"""The independent side of Kerwen's SDMX tests: the sdmx1 package reads and writes the files.

  sdmx_tool.py read-ml FILE.xml DSD.xml OUT.csv    observations of an SDMX-ML file (or of every .xml in a folder), as sdmx1 reads them
  sdmx_tool.py read-csv FILE.csv DSD.xml OUT.csv   observations of an SDMX-CSV 2.0 file, as sdmx1 reads them
  sdmx_tool.py write-csv FILE.xml DSD.xml OUT.csv  the observations of an SDMX-ML file written as SDMX-CSV by sdmx1

OUT.csv of read-*: one row per observation, the dimensions, TIME_PERIOD, OBS_VALUE and the attributes.
"""
import csv
import os
import sys

import sdmx


def structure(path):
    msg = sdmx.read_sdmx(path)
    dsd = list(msg.structure.values())[0]
    flow = list(msg.dataflow.values())[0] if msg.dataflow else None
    return dsd, flow


def rows(dataset, dsd):
    dims = [d.id for d in dsd.dimensions.components]
    attrs = [a.id for a in dsd.attributes.components]
    out = []
    for obs in dataset.obs:
        key = {kv.id: str(kv.value) for kv in obs.key.values.values()} if obs.key else {}
        if obs.series_key is not None:
            for kv in obs.series_key.values.values():
                key.setdefault(kv.id, str(kv.value))
        for kv in obs.dimension.values.values():
            key[kv.id] = str(kv.value)
        row = {d: key.get(d, "") for d in dims}
        value = None if obs.value is None else float(obs.value)
        row["OBS_VALUE"] = "" if value is None or value != value else repr(value)
        attributes = dict(obs.attached_attribute)
        if obs.series_key is not None:
            for k, v in obs.series_key.attrib.items():
                attributes.setdefault(k, v)
        for a in attrs:
            v = attributes.get(a)
            row[a] = "" if v is None or v.value is None else str(v.value)
        out.append(row)
    return dims + ["OBS_VALUE"] + attrs, out


def write(path, header, data):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(data)


def main():
    command, source, dsd_path, target = sys.argv[1:5]
    dsd, flow = structure(dsd_path)
    if command in ("read-ml", "read-csv"):
        # read-ml also takes a folder: every .xml in it, each row with its SOURCE_FILE.
        sources = sorted(p for p in os.listdir(source) if p.endswith(".xml")) if os.path.isdir(source) else [None]
        header, data = [], []
        for name in sources:
            path = os.path.join(source, name) if name else source
            if command == "read-ml":
                msg = sdmx.read_sdmx(path, structure=dsd)
            else:
                msg = sdmx.read_sdmx(path, structure=flow, format="csv")
            for ds in msg.data:
                header, part = rows(ds, dsd)
                for row in part:
                    row["SOURCE_FILE"] = name or ""
                data += part
        write(target, header + ["SOURCE_FILE"], data)
    elif command == "write-csv":
        msg = sdmx.read_sdmx(source, structure=dsd)
        ds = msg.data[0]
        ds.described_by = flow
        sdmx.to_csv(ds, path=target)
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
