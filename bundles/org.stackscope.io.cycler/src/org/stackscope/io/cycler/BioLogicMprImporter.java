package org.stackscope.io.cycler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.MprColumnIds.Flag;
import org.stackscope.io.cycler.MprColumnIds.Id;
import org.stackscope.io.cycler.MprColumnIds.Type;

/**
 * BioLogic EC-Lab binary files (.mpr): a 52-byte magic, then modules ("MODULE", header, data) named VMP Set, VMP data,
 * VMP LOG, VMP loop, VMP ExtDev. Module headers come in two layouts: 51 bytes before EC-Lab 11.50, and 59 bytes
 * (an extra maximum length, recognised by 0xFFFFFFFF, and a second version field) since. The data module holds the
 * point count, the column-ID table (one byte each, little-endian u16 in versions 2/3, big-endian u16 in the 11.50
 * layout) and packed little-endian records; several flag IDs share one byte. Unknown IDs are kept as raw columns
 * with a warning when their width can be inferred from the record size; the file never fails for them alone.
 */
public final class BioLogicMprImporter implements Importer<Table> {

    public static final String ID = "biologic-mpr";

    private static final byte[] MAGIC = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAGIC_LENGTH = 52;
    private static final byte[] MODULE = "MODULE".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_OLD = 51;
    private static final int HEADER_NEW = 59;
    private static final Map<Integer, String> TECHNIQUES = Map.ofEntries(Map.entry(0x04, "GCPL"),
            Map.entry(0x06, "CV"), Map.entry(0x0B, "OCV"), Map.entry(0x16, "MP"), Map.entry(0x18, "CA"),
            Map.entry(0x19, "CP"), Map.entry(0x1C, "WAIT"), Map.entry(0x1D, "PEIS"), Map.entry(0x1E, "GEIS"),
            Map.entry(0x30, "CV"), Map.entry(0x32, "ZIR"), Map.entry(0x33, "CVA"), Map.entry(0x6C, "LSV"),
            Map.entry(0x75, "coV"), Map.entry(0x76, "coC"), Map.entry(0x77, "GCPL"), Map.entry(0x7F, "MB"),
            Map.entry(0x88, "BCD"));

    /** One module: name, versions, where its data lies in the file. */
    private record Module(String name, int version, int newVersion, String date, int offset, int length) {
    }

    @Override
    public Match matches(Path file) {
        String head = Sniff.head(file, MAGIC.length);
        if (head.equals(new String(MAGIC, StandardCharsets.ISO_8859_1))) {
            return Match.YES;
        }
        return Sniff.extension(file).equals("mpr") && !head.isEmpty() ? Match.MAYBE : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ByteBuffer buf = Sniff.map(file, monitor);
        if (buf.capacity() < MAGIC_LENGTH || !startsWith(buf, 0, MAGIC)) {
            throw new ImportException(file, "byte 0", "not an EC-Lab .mpr file (no 'BIO-LOGIC MODULAR FILE' magic)");
        }
        List<Module> modules = modules(file, buf);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Module data = null;
        for (Module m : modules) {
            metadata.put("module." + m.name(), "version " + m.version() + (m.newVersion() != 0 ? "/" + m.newVersion()
                    : "") + ", " + m.length() + " bytes, " + m.date());
            switch (m.name()) {
                case "VMP data" -> data = data == null ? m : data;
                case "VMP Set" -> {
                    if (m.length() > 0) {
                        int technique = buf.get(m.offset()) & 0xff;
                        metadata.put("technique", TECHNIQUES.getOrDefault(technique, "id " + technique));
                    }
                }
                case "VMP LOG" -> acquisitionStart(buf, m).ifPresent(t -> metadata.put("acquisitionStart", t));
                case "VMP loop" -> loops(buf, m, metadata);
                default -> {
                    // ExtDev and future modules: only listed
                }
            }
        }
        if (data == null) {
            throw new ImportException(file, "", "has no 'VMP data' module");
        }
        LinkedHashMap<String, double[]> columns = dataModule(file, buf, data, warnings);
        addExportColumns(columns, metadata);
        monitor.done();
        return EcLabColumns.table(file, ID, columns, metadata, warnings);
    }

    private static List<Module> modules(Path file, ByteBuffer buf) throws ImportException {
        int length = buf.capacity();
        List<Module> modules = new ArrayList<>();
        int pos = MAGIC_LENGTH;
        while (pos < length) {
            if (!startsWith(buf, pos, MODULE)) {
                throw new ImportException(file, "byte " + pos, "expected 'MODULE', found other bytes");
            }
            int h = pos + MODULE.length;
            if (h + HEADER_OLD > length) {
                throw new ImportException(file, "byte " + h, "truncated module header");
            }
            String name = ascii(buf, h, 10);
            boolean newLayout = buf.getInt(h + 35) == -1;
            if (newLayout && h + HEADER_NEW > length) {
                throw new ImportException(file, "byte " + h, "truncated module header (EC-Lab >= 11.50 layout)");
            }
            long moduleLength = Integer.toUnsignedLong(buf.getInt(h + (newLayout ? 39 : 35)));
            int version = buf.getInt(h + (newLayout ? 43 : 39));
            int newVersion = newLayout ? buf.getInt(h + 47) : 0;
            String date = ascii(buf, h + (newLayout ? 51 : 43), 8);
            int start = h + (newLayout ? HEADER_NEW : HEADER_OLD);
            if (start + moduleLength > length) {
                throw new ImportException(file, "byte " + start, "module '" + name + "' declares " + moduleLength
                        + " bytes but only " + (length - start) + " remain (truncated file)");
            }
            modules.add(new Module(name, version, newVersion, date, start, (int) moduleLength));
            pos = start + (int) moduleLength;
        }
        return modules;
    }

    /** The candidate layouts of the data module: where the ID table is, how wide an ID is, where records start. */
    private record Layout(int idBytes, boolean bigEndian, int start) {
    }

    private static LinkedHashMap<String, double[]> dataModule(Path file, ByteBuffer buf, Module m,
            List<String> warnings) throws ImportException {
        int o = m.offset();
        if (m.length() < 5) {
            throw new ImportException(file, "byte " + o, "data module of " + m.length() + " bytes has no header");
        }
        long points = Integer.toUnsignedLong(buf.getInt(o));
        int n = buf.get(o + 4) & 0xff;
        List<Layout> layouts = switch (m.version()) {
            case 2 -> List.of(new Layout(2, false, 405));
            case 3 -> List.of(new Layout(2, false, 406));
            default -> m.newVersion() >= 10 || (m.length() > 5 && buf.get(o + 5) == 0)
                    ? List.of(new Layout(2, true, 1007), new Layout(1, false, 100))
                    : List.of(new Layout(1, false, 100), new Layout(2, true, 1007));
        };
        if (m.version() != 0 && m.version() != 2 && m.version() != 3) {
            warnings.add("data module version " + m.version() + " is unknown; read as version 0");
        }
        ImportException first = null;
        for (Layout layout : layouts) {
            try {
                return records(file, buf, m, points, n, layout, warnings);
            } catch (ImportException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static LinkedHashMap<String, double[]> records(Path file, ByteBuffer buf, Module m, long points, int n,
            Layout layout, List<String> warnings) throws ImportException {
        int o = m.offset();
        if (5 + n * layout.idBytes() > layout.start() || layout.start() > m.length()) {
            throw new ImportException(file, "byte " + o, "data module of " + m.length() + " bytes is too short for "
                    + n + " column IDs and records from byte " + layout.start());
        }
        int[] ids = new int[n];
        boolean hasEwe = false;
        for (int c = 0; c < n; c++) {
            int p = o + 5 + c * layout.idBytes();
            ids[c] = layout.idBytes() == 1 ? buf.get(p) & 0xff
                    : layout.bigEndian() ? ((buf.get(p) & 0xff) << 8) | (buf.get(p + 1) & 0xff)
                            : buf.getShort(p) & 0xffff;
            hasEwe |= ids[c] == 6 || ids[c] == 77;
        }
        // the record layout: offset and type of each value, flags sharing the first flag's byte
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        int flagOffset = -1;
        int size = 0;
        int unknown = -1;
        int unknownCount = 0;
        for (int c = 0; c < n; c++) {
            Flag flag = MprColumnIds.FLAGS.get(ids[c]);
            if (flag != null) {
                if (flagOffset < 0) {
                    flagOffset = size;
                    size += 1;
                }
                names.add(flag.name());
                types.add(Type.FLAGS);
                offsets.add(flagOffset);
                masks.add(flag.mask());
                continue;
            }
            Id id = MprColumnIds.lookup(ids[c], hasEwe);
            if (id == null) {
                unknownCount++;
                unknown = unknown < 0 ? names.size() : unknown;
                names.add("unknown column ID " + ids[c]);
                types.add(null);
                offsets.add(size);
                masks.add(0);
                continue;
            }
            names.add(id.name());
            types.add(id.type());
            offsets.add(size);
            masks.add(0);
            size += id.type().bytes;
        }
        long available = m.length() - layout.start();
        if (unknownCount > 0) {
            // the width of an unknown ID follows from the record size when it is the only unknown
            long record = points > 0 ? available / points : 0;
            long width = record - size;
            if (unknownCount == 1 && points > 0 && available % points == 0
                    && (width == 1 || width == 2 || width == 4 || width == 8)) {
                Type t = width == 8 ? Type.F8 : width == 4 ? Type.F4 : width == 2 ? Type.U2 : Type.U1;
                types.set(unknown, t);
                for (int c = unknown + 1; c < names.size(); c++) {
                    offsets.set(c, offsets.get(c) + (int) width);
                }
                size += (int) width;
                warnings.add(names.get(unknown) + " kept as a raw " + width + "-byte column");
            } else {
                warnings.add(names.get(unknown) + " has an unknown width: it and the " + (names.size() - unknown - 1)
                        + " columns after it are not read");
                names = names.subList(0, unknown);
                if (points > 0 && available % points != 0) {
                    throw new ImportException(file, "byte " + (o + layout.start()), available
                            + " record bytes are not a multiple of " + points + " records");
                }
                size = (int) (points > 0 ? available / points : size);
            }
        }
        if (size == 0 && points > 0) {
            throw new ImportException(file, "byte " + o, "the data module has no readable columns");
        }
        if (points * size > available) {
            throw new ImportException(file, "byte " + (o + layout.start()), points + " records of " + size
                    + " bytes need " + points * size + " bytes, the data module holds " + available
                    + " (truncated file)");
        }
        int rows = (int) points;
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        int base = o + layout.start();
        for (int c = 0; c < names.size(); c++) {
            double[] v = new double[rows];
            Type t = types.get(c);
            int p = base + offsets.get(c);
            switch (t) {
                case F4 -> {
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = buf.getFloat(p);
                    }
                }
                case F8 -> {
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = buf.getDouble(p);
                    }
                }
                case U1 -> {
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = buf.get(p) & 0xff;
                    }
                }
                case U2 -> {
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = buf.getShort(p) & 0xffff;
                    }
                }
                case U4 -> {
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = Integer.toUnsignedLong(buf.getInt(p));
                    }
                }
                case FLAGS -> {
                    int mask = masks.get(c);
                    int shift = Integer.numberOfTrailingZeros(mask);
                    for (int r = 0; r < rows; r++, p += size) {
                        v[r] = (buf.get(p) & mask) >>> shift;
                    }
                }
            }
            String name = names.get(c);
            for (int k = 2; columns.containsKey(name); k++) {
                name = names.get(c) + " " + k;
            }
            columns.put(name, v);
        }
        return columns;
    }

    /**
     * Columns EC-Lab computes only when exporting to .mpt, computed the same way so that both files give the same
     * table: the mean current over each interval from the charge passed (&lt;I&gt; = dq / dt; 0 on the first row and
     * for zero intervals) and the cycle number from the half-cycle count (two half cycles per cycle).
     */
    private static void addExportColumns(LinkedHashMap<String, double[]> columns, Map<String, String> metadata) {
        double[] time = columns.get("time/s");
        double[] dq = columns.containsKey("dq/mA.h") ? columns.get("dq/mA.h") : columns.get("dQ/mA.h");
        List<String> derived = new ArrayList<>();
        if (!columns.containsKey("I/mA") && !columns.containsKey("<I>/mA") && time != null && dq != null) {
            double[] current = new double[time.length];
            for (int i = 1; i < time.length; i++) {
                double dt = time[i] - time[i - 1];
                current[i] = dt > 0 ? dq[i] * 3600 / dt : 0;
            }
            columns.put("<I>/mA", current);
            derived.add("<I>/mA = dq/dt");
        }
        double[] half = columns.get("half cycle");
        if (!columns.containsKey("cycle number") && half != null) {
            double[] cycle = new double[half.length];
            for (int i = 0; i < half.length; i++) {
                cycle[i] = Math.floor(half[i] / 2);
            }
            columns.put("cycle number", cycle);
            derived.add("cycle number = floor(half cycle / 2)");
        }
        if (!derived.isEmpty()) {
            metadata.put("derivedColumns", String.join("; ", derived));
        }
    }

    /** The acquisition start, an OLE date (days since 1899-12-30) at one of the offsets seen in LOG modules. */
    private static java.util.Optional<String> acquisitionStart(ByteBuffer buf, Module m) {
        for (int offset : new int[] { 0x249, 465, 469, 473 }) {
            if (offset + 8 <= m.length()) {
                double days = buf.getDouble(m.offset() + offset);
                if (days > 30000 && days < 80000) {
                    long millis = Math.round((days - 25569) * 86_400_000.0);
                    return java.util.Optional.of(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                            Math.floorMod(millis, 1000) * 1_000_000, java.time.ZoneOffset.UTC).toString());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void loops(ByteBuffer buf, Module m, Map<String, String> metadata) {
        if (m.length() < 4) {
            return;
        }
        long count = Integer.toUnsignedLong(buf.getInt(m.offset()));
        StringBuilder sb = new StringBuilder();
        for (long k = 0; k < count && 4 + 4 * (k + 1) <= m.length() && k < 10_000; k++) {
            sb.append(k == 0 ? "" : ",").append(Integer.toUnsignedLong(buf.getInt(m.offset() + 4 + (int) (4 * k))));
        }
        metadata.put("loopStartRows", sb.toString());
    }

    private static boolean startsWith(ByteBuffer buf, int at, byte[] prefix) {
        if (at + prefix.length > buf.capacity()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(ByteBuffer buf, int at, int length) {
        byte[] bytes = new byte[Math.min(length, buf.capacity() - at)];
        buf.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
    }
}
