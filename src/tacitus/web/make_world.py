"""Build `static/world.json`, the offline world outline behind the map (run once; the output is committed).

Source: the Natural Earth 1:110m countries (public domain) as bundled in the geopandas 0.14.4 wheel (BSD),
`geopandas/datasets/naturalearth_lowres`. To rebuild:

    pip download geopandas==0.14.4 --no-deps -d /tmp/geo
    python -m tacitus.web.make_world /tmp/geo/geopandas-0.14.4-py3-none-any.whl

The shapefile and dBase readers below cover only what that file uses (polygon records, character fields),
and coordinates are rounded to 0.1 degree, which keeps the file small and is finer than the map can show.
The output maps ISO 3166-1 alpha-3 codes to SVG path data in an equirectangular 360 x 180 box
(x = lon + 180, y = 90 - lat).
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).parent / "static" / "world.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings as lists of (lon, lat)."""
    records, offset = [], 100
    while offset < len(shp):
        _number, length = struct.unpack(">2i", shp[offset : offset + 8])
        body = shp[offset + 8 : offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type != 5:
            records.append([])
            continue
        num_parts, num_points = struct.unpack("<2i", body[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", body[44 : 44 + 4 * num_parts]))
        start = 44 + 4 * num_parts
        points = [struct.unpack("<2d", body[start + 16 * i : start + 16 * i + 16]) for i in range(num_points)]
        bounds = [*parts, num_points]
        records.append([points[bounds[i] : bounds[i + 1]] for i in range(num_parts)])
    return records


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    count, header_length, record_length = struct.unpack("<xxxxIHH", dbf[:12])
    fields, position = [], 32
    while dbf[position] != 0x0D:
        name = dbf[position : position + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[position + 16]))
        position += 32
    rows = []
    for index in range(count):
        record = dbf[header_length + index * record_length : header_length + (index + 1) * record_length]
        cursor, row = 1, {}
        for name, width in fields:
            row[name] = record[cursor : cursor + width].decode("utf-8", "replace").strip()
            cursor += width
        rows.append(row)
    return rows


def ring_path(ring: list[tuple[float, float]]) -> str:
    points, last = [], None
    for lon, lat in ring:
        point = (round(lon + 180, 1), round(90 - lat, 1))
        if point != last:
            points.append(point)
            last = point
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


def build(wheel: Path) -> dict[str, dict[str, str]]:
    with zipfile.ZipFile(wheel) as archive:
        shapes = read_polygons(archive.read(MEMBER + ".shp"))
        rows = read_dbf(archive.read(MEMBER + ".dbf"))
    world = {}
    for row, rings in zip(rows, shapes, strict=True):
        code = row.get("iso_a3", "")
        key = code if code and code != "-99" else row.get("name", "?")
        path = "".join(ring_path(ring) for ring in rings)
        if path:
            world[key] = {"name": row.get("name", key), "d": world.get(key, {}).get("d", "") + path}
    return world


if __name__ == "__main__":
    data = build(Path(sys.argv[1]))
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({len(data)} countries, {OUT.stat().st_size} bytes)")
