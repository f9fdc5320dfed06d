package org.stackscope.io.volume.raw;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;

/** Where the voxels of a raw file are and how they are encoded, after header and settings were combined. */
record RawLayout(Path dataFile, int[] dims, RawType type, ByteOrder order, long headerBytes, double[] voxelSizeUm,
        String voxelSizeSource, String describedBy) {

    long dataBytes() {
        return (long) dims[0] * dims[1] * dims[2] * type.bytes;
    }

    static RawLayout of(Path dataFile, RawHeader header, Path headerFile, ImportSettings settings,
            String[] voxelSizePerAxis) throws ImportException {
        String describedBy = headerFile == null ? "the import settings" : "the " + header.syntax;
        Path blame = headerFile == null ? dataFile : headerFile;
        int[] dims = dims(header, blame);
        RawHeader.Value typeValue = header.values.get(RawHeader.TYPE);
        if (typeValue == null) {
            throw new ImportException(blame, "", describedBy + " gives no sample type: set 'type' (uint8, uint16, "
                    + "int16, float32, ...)");
        }
        RawType type;
        try {
            type = RawType.parse(typeValue.text());
        } catch (IllegalArgumentException e) {
            throw new ImportException(typeValue.file(), typeValue.position(), e.getMessage());
        }
        ByteOrder order = order(header.values.get(RawHeader.ENDIANNESS));
        long headerBytes = headerBytes(header.values.get(RawHeader.HEADER_BYTES));
        double[] voxel = {1, 1, 1};
        String[] source = {"default", "default", "default"};
        RawHeader.Value size = header.values.get(RawHeader.VOXEL_SIZE);
        if (size != null) {
            double[] v = numbers(size, 1, 3, false);
            for (int a = 0; a < 3; a++) {
                voxel[a] = v.length == 1 ? v[0] : v[a];
                source[a] = size.position().equals("import settings") ? "settings" : "header";
            }
        }
        for (int a = 0; a < 3; a++) {
            double configured = settings.getPositive(voxelSizePerAxis[a], Double.NaN);
            if (!Double.isNaN(configured)) {
                voxel[a] = configured;
                source[a] = "settings";
            }
        }
        String voxelSource = source[0].equals(source[1]) && source[1].equals(source[2]) ? source[0]
                : "X=" + source[0] + ", Y=" + source[1] + ", Z=" + source[2];
        return new RawLayout(dataFile, dims, type, order, headerBytes, voxel, voxelSource, describedBy);
    }

    private static int[] dims(RawHeader header, Path blame) throws ImportException {
        RawHeader.Value dims = header.values.get(RawHeader.DIMS);
        if (dims != null) {
            double[] d = numbers(dims, 2, 3, true);
            return new int[] {(int) d[0], (int) d[1], d.length > 2 ? (int) d[2] : 1};
        }
        RawHeader.Value w = header.values.get("width");
        RawHeader.Value h = header.values.get("height");
        if (w == null || h == null) {
            throw new ImportException(blame, "", "no dimensions: give 'dims = X Y Z' (or width, height, depth) in "
                    + "the header or the import settings");
        }
        RawHeader.Value d = header.values.get("depth");
        return new int[] {(int) numbers(w, 1, 1, true)[0], (int) numbers(h, 1, 1, true)[0],
                d == null ? 1 : (int) numbers(d, 1, 1, true)[0]};
    }

    /** min..max positive numbers separated by blanks, commas or 'x'; whole numbers below 2^31 when {@code counts}. */
    private static double[] numbers(RawHeader.Value value, int min, int max, boolean counts) throws ImportException {
        String[] parts = value.text().trim().split("[\\s,x×\\[\\]]+");
        int n = 0;
        double[] out = new double[parts.length];
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            boolean ok = v > 0 && Double.isFinite(v) && (!counts || v == Math.rint(v) && v < Integer.MAX_VALUE);
            if (!ok) {
                throw new ImportException(value.file(), value.position(), "'" + p + "' in '" + value.text()
                        + "' is not a positive " + (counts ? "whole number" : "number"));
            }
            out[n++] = v;
        }
        if (n < min || n > max) {
            throw new ImportException(value.file(), value.position(), "'" + value.text() + "' has " + n
                    + " numbers, expected " + (min == max ? Integer.toString(min) : min + " to " + max));
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static ByteOrder order(RawHeader.Value value) throws ImportException {
        if (value == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        return switch (value.text().trim().toLowerCase(Locale.ROOT)) {
            case "little", "little-endian", "le", "intel", "ii" -> ByteOrder.LITTLE_ENDIAN;
            case "big", "big-endian", "be", "motorola", "mm" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ImportException(value.file(), value.position(), "endianness '" + value.text()
                    + "' is not 'little' or 'big'");
        };
    }

    private static long headerBytes(RawHeader.Value value) throws ImportException {
        if (value == null) {
            return 0;
        }
        try {
            long v = Long.parseLong(value.text().trim());
            if (v >= 0 || v == RawHeader.AT_END) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImportException(value.file(), value.position(), "headerBytes '" + value.text() + "' is not a "
                + "byte count (0 or more; -1 for data at the end of the file)");
    }
}
