package org.stackscope.io.volume.raw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.results.Json;

/**
 * The keys of a raw volume's description, each with where it was stated (for messages). Three header syntaxes are
 * read into the same keys ({@link #DIMS}, {@link #TYPE}, {@link #ENDIANNESS}, {@link #VOXEL_SIZE} in µm,
 * {@link #HEADER_BYTES}, {@link #DATA_FILE}):
 * <ul>
 * <li>Stackscope key=value text ({@code .hdr}, {@code .txt}): one {@code key = value} (or {@code key: value}) per
 * line, {@code #} starts a comment, keys case-insensitive. Example:
 * <pre>
 * dims = 1024 1024 256      # X Y Z (also: width, height, depth)
 * type = uint16             # uint8 int8 uint16 int16 uint32 int32 float32 float64
 * endianness = little       # little | big
 * voxelSize = 0.65 0.65 1.3 # µm, X Y Z or one number for cubic voxels
 * headerBytes = 0           # bytes to skip at the start of the data file
 * dataFile = scan.raw       # optional: default is the header's name with .raw/.bin/.vol
 * </pre></li>
 * <li>The same keys as a JSON object ({@code .json}): {@code {"dims":[1024,1024,256],"type":"uint16",...}}.</li>
 * <li>MetaImage ({@code .mhd}/{@code .mha}, ITK): NDims 2 or 3, DimSize, ElementType MET_UCHAR/CHAR/USHORT/SHORT/
 * UINT/INT/FLOAT/DOUBLE, ElementSpacing (mm, the ITK convention), BinaryDataByteOrderMSB or ElementByteOrderMSB,
 * HeaderSize (-1: data at the end of the file), ElementDataFile (a file name or LOCAL).</li>
 * </ul>
 */
final class RawHeader {

    static final String DIMS = "dims";
    static final String TYPE = "type";
    static final String ENDIANNESS = "endianness";
    static final String VOXEL_SIZE = "voxelSize";
    static final String HEADER_BYTES = "headerBytes";
    static final String DATA_FILE = "dataFile";
    /** headerBytes value meaning "the data are the last bytes of the file" (MetaImage HeaderSize = -1). */
    static final long AT_END = -1;

    /** A value and where it was stated, e.g. "line 3" of the header file or "import settings". */
    record Value(String text, Path file, String position) {
    }

    final Map<String, Value> values = new LinkedHashMap<>();
    final String syntax;

    private RawHeader(String syntax) {
        this.syntax = syntax;
    }

    static RawHeader empty() {
        return new RawHeader("settings");
    }

    static boolean isMetaImage(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mhd") || n.endsWith(".mha");
    }

    static RawHeader parse(Path header) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(header);
        } catch (IOException e) {
            throw new ImportException(header, "", "the header cannot be read: " + e.getMessage(), e);
        }
        if (isMetaImage(header)) {
            return parseMetaImage(header, bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            return parseJson(header, text);
        }
        return parseKeyValue(header, text);
    }

    private static RawHeader parseKeyValue(Path header, String text) throws ImportException {
        RawHeader h = new RawHeader("key=value header " + header.getFileName());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (line.isEmpty()) {
                continue;
            }
            int sep = separator(line);
            if (sep <= 0) {
                throw new ImportException(header, "line " + (i + 1), "'" + abbreviate(line) + "' is not a "
                        + "'key = value' line (keys: dims, type, endianness, voxelSize, headerBytes, dataFile)");
            }
            h.put(line.substring(0, sep).strip(), line.substring(sep + 1).strip(), header, "line " + (i + 1));
        }
        return h;
    }

    private static RawHeader parseJson(Path header, String text) throws ImportException {
        Map<String, Object> json;
        try {
            json = Json.readObject(text);
        } catch (RuntimeException e) {
            throw new ImportException(header, "", "not a JSON object: " + e.getMessage(), e);
        }
        RawHeader h = new RawHeader("JSON header " + header.getFileName());
        for (Map.Entry<String, Object> e : json.entrySet()) {
            Object v = e.getValue();
            String value = v instanceof List<?> list ? String.join(" ", list.stream().map(RawHeader::number)
                    .toList()) : number(v);
            h.put(e.getKey(), value, header, "key '" + e.getKey() + "'");
        }
        return h;
    }

    /** JSON numbers arrive as doubles; 512.0 is written back as 512. */
    private static String number(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static RawHeader parseMetaImage(Path header, byte[] bytes) throws ImportException {
        RawHeader h = new RawHeader("MetaImage header " + header.getFileName());
        int start = 0;
        int lineNo = 0;
        String nDims = null;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).strip();
            int next = Math.min(bytes.length, end + 1);
            String where = "line " + lineNo;
            int eq = line.indexOf('=');
            if (!line.isEmpty() && eq <= 0) {
                throw new ImportException(header, where, "'" + abbreviate(line) + "' is not a MetaImage "
                        + "'Key = Value' line");
            }
            if (!line.isEmpty()) {
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "ndims" -> nDims = value;
                    case "dimsize" -> h.put(DIMS, value, header, where);
                    case "elementtype" -> h.put(TYPE, value, header, where);
                    case "elementspacing", "elementsize" -> h.put(VOXEL_SIZE, millimetresToMicrometres(value),
                            header, where);
                    case "binarydatabyteordermsb", "elementbyteordermsb" -> h.put(ENDIANNESS, isTrue(value) ? "big"
                            : "little", header, where);
                    case "headersize" -> h.put(HEADER_BYTES, value, header, where);
                    case "elementnumberofchannels" -> {
                        if (!value.equals("1")) {
                            throw new ImportException(header, where, "ElementNumberOfChannels = " + value
                                    + ": Stackscope reads single-channel volumes only");
                        }
                    }
                    case "compresseddata" -> {
                        if (isTrue(value)) {
                            throw new ImportException(header, where, "CompressedData = True is not supported: "
                                    + "save the MetaImage uncompressed");
                        }
                    }
                    case "binarydata" -> {
                        if (!isTrue(value)) {
                            throw new ImportException(header, where, "BinaryData = False (ASCII voxels) is not "
                                    + "supported");
                        }
                    }
                    case "elementdatafile" -> {
                        if (value.equalsIgnoreCase("LOCAL")) {
                            // the voxels follow this line, which MetaImage requires to be the last one
                            h.put(DATA_FILE, header.getFileName().toString(), header, where);
                            h.values.put(HEADER_BYTES, new Value(Integer.toString(next), header, where));
                        } else if (value.equalsIgnoreCase("LIST") || value.contains("%")) {
                            throw new ImportException(header, where, "ElementDataFile = " + value + ": one file "
                                    + "per slice is not supported; name a single data file");
                        } else {
                            h.put(DATA_FILE, value, header, where);
                        }
                        start = bytes.length; // nothing after ElementDataFile belongs to the header
                        continue;
                    }
                    default -> {
                        // ObjectType, TransformMatrix, Offset, AnatomicalOrientation...: not needed for the voxels
                    }
                }
            }
            start = next;
        }
        if (nDims != null && !nDims.equals("3") && !nDims.equals("2")) {
            throw new ImportException(header, "NDims", "NDims = " + nDims + ": Stackscope reads 2-D or 3-D images");
        }
        if (!h.values.containsKey(DATA_FILE)) {
            throw new ImportException(header, "", "no ElementDataFile line: MetaImage names its data file last");
        }
        return h;
    }

    private void put(String key, String value, Path file, String position) throws ImportException {
        String canonical = canonicalKey(key);
        if (canonical == null) {
            throw new ImportException(file, position, "unknown key '" + key + "' (keys: dims, type, endianness, "
                    + "voxelSize, headerBytes, dataFile)");
        }
        values.put(canonical, new Value(value, file, position));
    }

    static String canonicalKey(String key) {
        return switch (key.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "dims", "dimensions", "size", "shape" -> DIMS;
            case "width" -> "width";
            case "height" -> "height";
            case "depth", "slices" -> "depth";
            case "type", "datatype", "sampletype", "elementtype" -> TYPE;
            case "endianness", "byteorder", "endian" -> ENDIANNESS;
            case "voxelsize", "spacing", "voxelsizeum" -> VOXEL_SIZE;
            case "headerbytes", "offset", "headersize" -> HEADER_BYTES;
            case "datafile", "file" -> DATA_FILE;
            default -> null;
        };
    }

    private static String millimetresToMicrometres(String value) {
        StringBuilder sb = new StringBuilder();
        for (String part : value.trim().split("\\s+")) {
            try {
                sb.append(sb.isEmpty() ? "" : " ").append(Double.parseDouble(part) * 1000);
            } catch (NumberFormatException e) {
                return value; // reported when the voxel size is parsed
            }
        }
        return sb.toString();
    }

    private static boolean isTrue(String v) {
        return v.equalsIgnoreCase("true") || v.equals("1");
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
