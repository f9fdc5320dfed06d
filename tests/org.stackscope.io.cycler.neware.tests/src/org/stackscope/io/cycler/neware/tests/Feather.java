package org.stackscope.io.cycler.neware.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only reader of Feather v2 (Arrow IPC file) tables as NewareNDA writes its expected outputs: flat columns
 * of integers, floats, timestamps and dictionary-encoded strings, uncompressed or LZ4-frame compressed. Flatbuffer
 * tables are walked by hand (vtable offsets per the Arrow schema: Footer, Schema, Field, Message, RecordBatch).
 * Numbers come back as doubles (timestamps as seconds since the epoch), dictionary strings as String[].
 */
final class Feather {

    private static final int TYPE_INT = 2;
    private static final int TYPE_FLOAT = 3;
    private static final int TYPE_UTF8 = 5;
    private static final int TYPE_TIMESTAMP = 10;
    private static final int TYPE_LARGE_UTF8 = 20;

    private record Field(String name, int type, int bitWidth, boolean signed, int precision, int timeUnit,
            long dictionaryId) {
    }

    private final ByteBuffer file;
    final Map<String, double[]> numbers = new LinkedHashMap<>();
    final Map<String, String[]> strings = new LinkedHashMap<>();
    int rows;

    private Feather(ByteBuffer file) {
        this.file = file.order(ByteOrder.LITTLE_ENDIAN);
    }

    static Feather read(Path path) throws IOException {
        Feather f = new Feather(ByteBuffer.wrap(Files.readAllBytes(path)));
        f.parse();
        return f;
    }

    private void parse() {
        int n = file.limit();
        if (!new String(bytes(0, 6)).equals("ARROW1") || !new String(bytes(n - 6, 6)).equals("ARROW1")) {
            throw new IllegalArgumentException("not an Arrow IPC file");
        }
        int footerLength = file.getInt(n - 10);
        int footer = table(n - 10 - footerLength);
        int schema = tableField(footer, 1);
        List<Field> fields = new ArrayList<>();
        int fieldVector = vectorField(schema, 1);
        for (int k = 0; k < file.getInt(fieldVector); k++) {
            fields.add(field(indirect(fieldVector + 4 + 4 * k)));
        }
        Map<Long, String[]> dictionaries = new LinkedHashMap<>();
        int dictVector = vectorField(footer, 2);
        for (int k = 0; dictVector >= 0 && k < file.getInt(dictVector); k++) {
            int block = dictVector + 4 + 24 * k;
            int message = message(block);
            int dictionaryBatch = tableField(message, 2);
            long id = fieldPosition(dictionaryBatch, 0) < 0 ? 0 : file.getLong(fieldPosition(dictionaryBatch, 0));
            int data = tableField(dictionaryBatch, 1);
            ByteBuffer[] buffers = buffers(block, data);
            dictionaries.put(id, utf8(buffers, 0, (int) file.getLong(fieldPosition(data, 0))));
        }
        int batches = vectorField(footer, 3);
        List<List<double[]>> numeric = new ArrayList<>();
        List<List<String[]>> text = new ArrayList<>();
        for (Field f : fields) {
            numeric.add(new ArrayList<>());
            text.add(new ArrayList<>());
        }
        for (int b = 0; b < file.getInt(batches); b++) {
            int block = batches + 4 + 24 * b;
            int message = message(block);
            int batch = tableField(message, 2);
            ByteBuffer[] buffers = buffers(block, batch);
            int length = (int) file.getLong(fieldPosition(batch, 0));
            rows += length;
            int buffer = 0;
            for (int c = 0; c < fields.size(); c++) {
                Field f = fields.get(c);
                if (f.dictionaryId() >= 0) {
                    double[] codes = primitive(buffers[buffer + 1], length, f.bitWidth() == 0 ? 32 : f.bitWidth(),
                            TYPE_INT, 0);
                    String[] dict = dictionaries.get(f.dictionaryId());
                    String[] out = new String[length];
                    for (int i = 0; i < length; i++) {
                        out[i] = dict[(int) codes[i]];
                    }
                    text.get(c).add(out);
                    buffer += 2;
                } else if (f.type() == TYPE_UTF8 || f.type() == TYPE_LARGE_UTF8) {
                    text.get(c).add(utf8(buffers, buffer, length));
                    buffer += 3;
                } else {
                    double[] v = primitive(buffers[buffer + 1], length, f.bitWidth(), f.type(), f.precision());
                    if (f.type() == TYPE_TIMESTAMP) {
                        double scale = new double[] { 1, 1e-3, 1e-6, 1e-9 }[f.timeUnit()];
                        for (int i = 0; i < length; i++) {
                            v[i] *= scale;
                        }
                    }
                    numeric.get(c).add(v);
                    buffer += 2;
                }
            }
        }
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).name();
            if (!numeric.get(c).isEmpty()) {
                numbers.put(name, numeric.get(c).stream().flatMapToDouble(Arrays::stream).toArray());
            } else {
                strings.put(name, text.get(c).stream().flatMap(Arrays::stream).toArray(String[]::new));
            }
        }
    }

    private Field field(int table) {
        String name = string(table, 0);
        int type = fieldPosition(table, 2) < 0 ? 0 : file.get(fieldPosition(table, 2)) & 0xff;
        int typeTable = tableField(table, 3);
        int bitWidth = 0;
        boolean signed = false;
        int precision = 0;
        int unit = 0;
        if (type == TYPE_INT) {
            bitWidth = file.getInt(fieldPosition(typeTable, 0));
            signed = fieldPosition(typeTable, 1) >= 0 && file.get(fieldPosition(typeTable, 1)) != 0;
        } else if (type == TYPE_FLOAT) {
            precision = fieldPosition(typeTable, 0) < 0 ? 0 : file.getShort(fieldPosition(typeTable, 0));
        } else if (type == TYPE_TIMESTAMP) {
            bitWidth = 64;
            signed = true;
            unit = fieldPosition(typeTable, 0) < 0 ? 0 : file.getShort(fieldPosition(typeTable, 0));
        }
        long dictionaryId = -1;
        int dictionary = tableField(table, 4);
        if (dictionary >= 0) {
            dictionaryId = fieldPosition(dictionary, 0) < 0 ? 0 : file.getLong(fieldPosition(dictionary, 0));
            int indexType = tableField(dictionary, 1);
            bitWidth = indexType < 0 ? 32 : file.getInt(fieldPosition(indexType, 0));
        }
        return new Field(name, type, bitWidth, signed, precision, unit, dictionaryId);
    }

    private double[] primitive(ByteBuffer data, int length, int bitWidth, int type, int precision) {
        ByteBuffer b = data.order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            if (type == TYPE_FLOAT) {
                v[i] = precision == 1 ? b.getFloat(4 * i) : b.getDouble(8 * i);
            } else {
                v[i] = switch (bitWidth) {
                    case 8 -> b.get(i);
                    case 16 -> b.getShort(2 * i);
                    case 32 -> b.getInt(4 * i) & 0xffffffffL; // NewareNDA's integers are unsigned 32-bit
                    default -> b.getLong(8 * i);
                };
            }
        }
        return v;
    }

    private static String[] utf8(ByteBuffer[] buffers, int first, int length) {
        ByteBuffer offsets = buffers[first + 1].order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer data = buffers[first + 2];
        String[] out = new String[length];
        for (int i = 0; i < length; i++) {
            int a = offsets.getInt(4 * i);
            int b = offsets.getInt(4 * i + 4);
            byte[] s = new byte[b - a];
            data.get(a, s);
            out[i] = new String(s, java.nio.charset.StandardCharsets.UTF_8);
        }
        return out;
    }

    /** The flatbuffer Message table of a block (after the 0xFFFFFFFF continuation and its length). */
    private int message(int block) {
        int offset = (int) file.getLong(block);
        int start = file.getInt(offset) == -1 ? offset + 8 : offset + 4;
        return table(start);
    }

    /** The body buffers of a record batch, decompressed when the batch says so. */
    private ByteBuffer[] buffers(int block, int batch) {
        long offset = file.getLong(block);
        int metaLength = file.getInt(block + 8);
        int body = (int) (offset + metaLength);
        int vector = vectorField(batch, 2);
        int compression = tableField(batch, 3);
        boolean lz4 = compression >= 0;
        if (compression >= 0 && fieldPosition(compression, 0) >= 0 && file.get(fieldPosition(compression, 0)) != 0) {
            throw new IllegalArgumentException("ZSTD-compressed Feather is not supported by this test reader");
        }
        ByteBuffer[] out = new ByteBuffer[file.getInt(vector)];
        for (int k = 0; k < out.length; k++) {
            int at = vector + 4 + 16 * k;
            int start = body + (int) file.getLong(at);
            int length = (int) file.getLong(at + 8);
            byte[] raw = bytes(start, length);
            if (lz4 && length >= 8) {
                long uncompressed = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
                raw = uncompressed == -1 ? Arrays.copyOfRange(raw, 8, raw.length)
                        : Lz4Frame.decompress(raw, 8, raw.length - 8, (int) uncompressed);
            }
            out[k] = ByteBuffer.wrap(raw);
        }
        return out;
    }

    // --- flatbuffer helpers ---

    private int table(int at) {
        return at + file.getInt(at);
    }

    private int indirect(int at) {
        return at + file.getInt(at);
    }

    /** Absolute position of field {@code index} of the table at {@code table}, or -1 when absent. */
    private int fieldPosition(int table, int index) {
        int vtable = table - file.getInt(table);
        int vtableSize = file.getShort(vtable) & 0xffff;
        int slot = 4 + 2 * index;
        if (slot >= vtableSize) {
            return -1;
        }
        int offset = file.getShort(vtable + slot) & 0xffff;
        return offset == 0 ? -1 : table + offset;
    }

    private int tableField(int table, int index) {
        int at = fieldPosition(table, index);
        return at < 0 ? -1 : indirect(at);
    }

    private int vectorField(int table, int index) {
        return tableField(table, index);
    }

    private String string(int table, int index) {
        int at = tableField(table, index);
        return at < 0 ? "" : new String(bytes(at + 4, file.getInt(at)), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] bytes(int at, int length) {
        byte[] out = new byte[length];
        file.get(at, out);
        return out;
    }
}
