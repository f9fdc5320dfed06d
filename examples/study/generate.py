#!/usr/bin/env python3
"""Generates the bundled example study (run once; the outputs are committed).

composite.tif: 64 x 64 x 48 uint8 labels, ImageJ-calibrated 0.5 um voxels, Z = stack-pressure axis.
  Slices 0-11 are a solid-electrolyte separator (SE = 1, with a few voids), slices 12-47 a composite cathode:
  active-material spheres (AM = 2) in SE with carbon (3) specks and voids (0). The exact voxel counts are printed
  and written to expected.json, so tests compare the product's phase fractions with the truth.
pressure_log.csv: a load-cell log of a 10 mm cell: time_s, force_N (stack pressure ~ 50 MPa with breathing).
"""
import json
import math
import random
import struct

NX, NY, NZ = 64, 64, 48
SEPARATOR = 12
VOXEL_UM = 0.5
VOID, SE, AM, CARBON = 0, 1, 2, 3

rng = random.Random(20261122)
vol = bytearray([SE]) * (NX * NY * NZ)


def idx(x, y, z):
    return x + NX * (y + NY * z)


spheres = []
while len(spheres) < 110:
    r = rng.uniform(4.0, 7.5)
    c = (rng.uniform(0, NX), rng.uniform(0, NY), rng.uniform(SEPARATOR + r, NZ - 1))
    spheres.append((c, r))
for (cx, cy, cz), r in spheres:
    for z in range(max(SEPARATOR, int(cz - r) - 1), min(NZ, int(cz + r) + 2)):
        for y in range(int(cy - r) - 1, int(cy + r) + 2):
            for x in range(int(cx - r) - 1, int(cx + r) + 2):
                if 0 <= x < NX and 0 <= y < NY and (x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= r * r:
                    vol[idx(x, y, z)] = AM
# voids and carbon as small blobs in what is still SE
for label, count, zmin in ((VOID, 260, 0), (CARBON, 220, SEPARATOR)):
    placed = 0
    while placed < count:
        x, y, z = rng.randrange(NX), rng.randrange(NY), rng.randrange(zmin, NZ)
        for dz in (0, 1):
            for dy in (0, 1):
                for dx in (0, 1):
                    xx, yy, zz = x + dx, y + dy, z + dz
                    if xx < NX and yy < NY and zz < NZ and vol[idx(xx, yy, zz)] == SE:
                        vol[idx(xx, yy, zz)] = label
        placed += 1


def write_imagej_tiff(path, data):
    """Uncompressed little-endian multi-page TIFF with an ImageJ description (spacing and unit)."""
    desc = f"ImageJ=1.54f\nimages={NZ}\nslices={NZ}\nunit=micron\nspacing={VOXEL_UM}\nloop=false\n\0".encode()
    plane = NX * NY
    entries = 12
    ifd_size = 2 + entries * 12 + 4
    header = 8
    desc_off = header
    res_off = desc_off + len(desc)
    first_ifd = res_off + 8
    data_off = first_ifd + NZ * ifd_size
    out = bytearray(b"II*\0" + struct.pack("<I", first_ifd))
    out += desc
    px_per_um = 1 / VOXEL_UM
    out += struct.pack("<II", int(px_per_um * 1000000), 1000000)
    for z in range(NZ):
        nxt = first_ifd + (z + 1) * ifd_size if z + 1 < NZ else 0
        tags = [
            (254, 4, 1, 0), (256, 4, 1, NX), (257, 4, 1, NY), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
            (270, 2, len(desc), desc_off), (273, 4, 1, data_off + z * plane), (277, 3, 1, 1),
            (278, 4, 1, NY), (279, 4, 1, plane), (282, 5, 1, res_off),
        ]
        out += struct.pack("<H", entries)
        for tag, typ, count, value in tags:
            packed = struct.pack("<HI", value, 0)[:4] if typ == 3 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, typ, count) + packed
        out += struct.pack("<I", nxt)
    out += data
    with open(path, "wb") as f:
        f.write(out)


write_imagej_tiff("composite.tif", vol)
counts = {name: vol.count(label) for name, label in (("VOID", VOID), ("SE", SE), ("AM", AM), ("CARBON", CARBON))}
total = NX * NY * NZ
expected = {"voxels": total, "counts": counts, "fractions": {k: v / total for k, v in counts.items()}}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")

area_m2 = math.pi * 0.005 ** 2
with open("pressure_log.csv", "w") as f:
    f.write("time_s,force_N\n")
    for i in range(0, 721):
        t = i * 10.0
        mpa = 50 + 1.5 * math.sin(2 * math.pi * t / 3600) - 0.0004 * t
        f.write(f"{t:.0f},{mpa * 1e6 * area_m2:.2f}\n")
print(json.dumps(expected, indent=2))
