#!/usr/bin/env python3
"""Regenerates the libtiff-written test vectors in src/.../tests/libtiff (needs libtiff-tools: raw2tiff, tiffcp).

Pixels follow the formulas that LibtiffVectorsTest recomputes, so the TIFFs are checked against an independent
encoder (libtiff) rather than against Stackscope's own writer.
"""
import os
import struct
import subprocess
import tempfile


def noise(x, y, z):
    h = (x * 73856093 ^ y * 19349663 ^ z * 83492791) & 0xFFFFFFFF
    h = (h * 2654435761) & 0xFFFFFFFF
    return h ^ (h >> 16)


def runs(x, y, z):
    return ((x // 7) * 31 + y * 3 + z) & 0xFF


SAMPLES = {
    # name: (raw2tiff type, struct code, value function)
    "u8": ("byte", "B", lambda x, y, z: noise(x, y, z) & 0xFF),
    "u8runs": ("byte", "B", runs),
    "u16": ("short", "H", lambda x, y, z: noise(x, y, z) & 0xFFFF),
    "i16": ("sshort", "h", lambda x, y, z: (noise(x, y, z) & 0xFFFF) - 65536 * ((noise(x, y, z) & 0xFFFF) >= 32768)),
    "f32": ("float", "f", lambda x, y, z: (noise(x, y, z) & 0xFFFFF) / 1024.0 - 512),
}

# raw2tiff writes FillOrder 2 (bits of every stored byte reversed) unless given -M; libtiff keeps that order when
# compressing, so the "fillorder2" files check that readers reverse the bits before decoding.
VECTORS = [
    # file, sample kind, width, height, pages, raw2tiff bit order, tiffcp options
    ("lzw_u8_80x60x2.tif", "u8", 80, 60, 2, "-M", ["-c", "lzw", "-r", "60"]),
    ("lzw_predictor_u16_be_fillorder2_37x23x3.tif", "u16", 37, 23, 3, "-L", ["-c", "lzw:2", "-r", "8", "-B"]),
    ("packbits_u8_37x23x3.tif", "u8runs", 37, 23, 3, "-M", ["-c", "packbits", "-r", "5"]),
    ("packbits_u8_fillorder2_37x23x3.tif", "u8runs", 37, 23, 3, "-L", ["-c", "packbits", "-r", "5"]),
    ("deflate_tiles_predictor_u16_37x23x3.tif", "u16", 37, 23, 3, "-M",
     ["-c", "zip:2", "-t", "-w", "16", "-l", "16"]),
    ("deflate_tiles_f32_be_fillorder2_37x23x2.tif", "f32", 37, 23, 2, "-L",
     ["-c", "zip", "-t", "-w", "16", "-l", "16", "-B"]),
    ("bigtiff_lzw_u16_37x23x3.tif", "u16", 37, 23, 3, "-M", ["-8", "-c", "lzw", "-r", "4"]),
    ("none_i16_be_37x23x3.tif", "i16", 37, 23, 3, "-M", ["-c", "none", "-r", "4", "-B"]),
    ("none_u16_fillorder2_37x23x3.tif", "u16", 37, 23, 3, "-L", ["-c", "none", "-r", "4"]),
]


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src/org/stackscope/io/volume/tests/libtiff")
    with tempfile.TemporaryDirectory() as tmp:
        for name, kind, width, height, pages, bit_order, options in VECTORS:
            raw_type, code, value = SAMPLES[kind]
            page_files = []
            for z in range(pages):
                raw = os.path.join(tmp, f"{name}.{z}.raw")
                with open(raw, "wb") as f:
                    f.write(struct.pack("<%d%s" % (width * height, code),
                                        *[value(x, y, z) for y in range(height) for x in range(width)]))
                page = os.path.join(tmp, f"{name}.{z}.tif")
                subprocess.run(["raw2tiff", bit_order, "-w", str(width), "-l", str(height), "-d", raw_type, raw,
                                page], check=True)
                page_files.append(page)
            subprocess.run(["tiffcp"] + options + page_files + [os.path.join(folder, name)], check=True)


if __name__ == "__main__":
    main()
