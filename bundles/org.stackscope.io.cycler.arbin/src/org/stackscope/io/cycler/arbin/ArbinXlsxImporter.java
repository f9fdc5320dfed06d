package org.stackscope.io.cycler.arbin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Table;

/**
 * Arbin Excel exports (.xlsx): a Global_Info sheet (channel, start time, schedule, software version) and one or more
 * Channel_N_M sheets holding the records in Arbin's column names, continued across sheets when a test exceeds a
 * sheet. A minimal reader (zip + StAX over the workbook, its relationships, shared strings and sheet XML) with the
 * zip guards of {@link SafeZip}; Date_Time cells are Excel day numbers (wall clock, setting {@code timeZone}).
 */
public final class ArbinXlsxImporter implements Importer<Table> {

    @Override
    public Match matches(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(4);
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                return Match.NO;
            }
        } catch (IOException e) {
            return Match.NO;
        }
        boolean xlsx = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xlsx");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (int k = 0; k < 32; k++) {
                ZipEntry e = zip.getNextEntry();
                if (e == null) {
                    break;
                }
                if (e.getName().equals("xl/workbook.xml")) {
                    // the sheet names tell an Arbin export from any other workbook
                    String text = new String(zip.readNBytes(1 << 16), java.nio.charset.StandardCharsets.UTF_8);
                    return text.contains("name=\"Channel_") || text.contains("name=\"Global_Info\"") ? Match.YES
                            : Match.NO;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Match.NO;
        }
        return xlsx ? Match.MAYBE : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = ArbinCsvImporter.zone(file, settings);
        monitor.begin("Reading " + file.getFileName(), -1);
        try (SafeZip zip = new SafeZip(file)) {
            Map<String, String> sheets = sheets(file, zip);
            List<String> strings = zip.has("xl/sharedStrings.xml") ? sharedStrings(file, zip) : List.of();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "Arbin xlsx");
            ChannelColumns channel = new ChannelColumns(strings);
            for (Map.Entry<String, String> sheet : sheets.entrySet()) {
                if (sheet.getKey().equals("Global_Info")) {
                    globalInfo(cells(file, zip, sheet.getValue(), strings), metadata, zone);
                } else if (sheet.getKey().startsWith("Channel_")) {
                    metadata.merge("sheets", sheet.getKey(), (a, b) -> a + ", " + b);
                    channel.sheet = sheet.getKey();
                    channel.sheetRow = 0;
                    parseAll(file, zip, sheet.getValue(), channel);
                    monitor.checkCanceled();
                }
            }
            List<String> headers = channel.headers;
            int rows = channel.rows;
            double[][] values = channel.values;
            if (headers == null || rows == 0) {
                throw new ImportException(file, "workbook", "no Channel_ sheet with records: not an Arbin export");
            }
            List<double[]> columns = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                double[] v = Arrays.copyOf(values[c], rows);
                if (ArbinTable.DATE_NAMES.contains(ArbinTable.key(headers.get(c)))) {
                    for (int i = 0; i < rows; i++) {
                        v[i] = ArbinTable.oleDateToUnix(v[i], zone);
                    }
                }
                columns.add(v);
            }
            List<String> keys = headers.stream().map(ArbinTable::key).toList();
            if (!keys.contains("voltage") || !keys.contains("current")) {
                throw new ImportException(file, "sheet row 1", "the header " + headers + " lacks Voltage or Current");
            }
            metadata.put("timestamp_zone", zone.getId() + " (wall-clock Date_Time; setting timeZone)");
            monitor.done();
            return ArbinTable.build(headers, columns, metadata);
        }
    }

    /** Sheet name -> zip entry of its XML, in workbook order. */
    private static Map<String, String> sheets(Path file, SafeZip zip) throws ImportException {
        Map<String, String> targets = new LinkedHashMap<>();
        parse(file, zip, "xl/_rels/workbook.xml.rels", (xml, element) -> {
            if (element.equals("Relationship")) {
                String target = xml.getAttributeValue(null, "Target");
                String id = xml.getAttributeValue(null, "Id");
                if (target != null && id != null) {
                    targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
                }
            }
        });
        Map<String, String> sheets = new LinkedHashMap<>();
        parse(file, zip, "xl/workbook.xml", (xml, element) -> {
            if (element.equals("sheet")) {
                String id = null;
                for (int a = 0; a < xml.getAttributeCount(); a++) {
                    if (xml.getAttributeLocalName(a).equals("id")) {
                        id = xml.getAttributeValue(a);
                    }
                }
                String target = targets.get(id);
                if (target != null && zip.has(target)) {
                    sheets.put(xml.getAttributeValue(null, "name"), target);
                }
            }
        });
        return sheets;
    }

    private static List<String> sharedStrings(Path file, SafeZip zip) throws ImportException {
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        parseAll(file, zip, "xl/sharedStrings.xml", xml -> {
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                current.setLength(0);
            } else if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t")) {
                current.append(xml.getElementText());
            } else if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("si")) {
                strings.add(current.toString());
            }
        });
        return strings;
    }

    /** Rows of a small sheet as cells: Double for numbers, String for text, null when empty. */
    private static List<Object[]> cells(Path file, SafeZip zip, String entry, List<String> strings)
            throws ImportException {
        List<Object[]> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        parseAll(file, zip, entry, new CellVisitor() {
            @Override
            void cell(int column, String text, String type) throws XMLStreamException {
                while (row.size() <= column) {
                    row.add(null);
                }
                row.set(column, value(text, type, strings));
            }

            @Override
            void endRow() {
                rows.add(row.toArray());
                row.clear();
            }
        });
        return rows;
    }

    /**
     * The records of the Channel_ sheets straight into primitive columns (no object per cell): the first row of
     * each sheet names the columns, which must agree between sheets; text or empty cells become NaN.
     */
    private static final class ChannelColumns extends CellVisitor {
        private final List<String> strings;
        private final List<String> sheetHeaders = new ArrayList<>();
        List<String> headers;
        double[][] values;
        int rows;
        String sheet;
        int sheetRow;

        ChannelColumns(List<String> strings) {
            this.strings = strings;
        }

        @Override
        void cell(int column, String text, String type) throws XMLStreamException {
            if (sheetRow == 0) {
                if (column >= ArbinCsvImporter.MAX_COLUMNS) {
                    throw new XMLStreamException("more than " + ArbinCsvImporter.MAX_COLUMNS + " columns");
                }
                while (sheetHeaders.size() <= column) {
                    sheetHeaders.add("");
                }
                sheetHeaders.set(column, String.valueOf(value(text, type, strings)));
            } else if (column < values.length) {
                values[column][rows] = value(text, type, strings) instanceof Double d ? d : Double.NaN;
            }
        }

        @Override
        void startRow() {
            if (sheetRow > 0) {
                if (rows == values[0].length) {
                    for (int c = 0; c < values.length; c++) {
                        values[c] = Arrays.copyOf(values[c], rows * 2);
                    }
                }
                for (double[] column : values) {
                    column[rows] = Double.NaN;
                }
            }
        }

        @Override
        void endRow() throws XMLStreamException {
            if (sheetRow++ > 0) {
                rows++;
                return;
            }
            if (headers == null) {
                headers = List.copyOf(sheetHeaders);
                values = new double[headers.size()][256];
            } else if (!headers.equals(sheetHeaders)) {
                throw new XMLStreamException("sheet " + sheet + " has columns " + sheetHeaders
                        + ", the first channel sheet " + headers);
            }
            sheetHeaders.clear();
        }
    }

    /** Cells of sheet XML ({@code <row><c r="B2" t="s"><v>3</v></c></row>}) with their zero-based columns. */
    private abstract static class CellVisitor implements EventVisitor {
        private String reference;
        private String type;
        private int nextColumn;

        abstract void cell(int column, String text, String type) throws XMLStreamException;

        void startRow() {
        }

        abstract void endRow() throws XMLStreamException;

        @Override
        public void event(XMLStreamReader xml) throws XMLStreamException {
            int event = xml.getEventType();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        nextColumn = 0;
                        startRow();
                    }
                    case "c" -> {
                        reference = xml.getAttributeValue(null, "r");
                        type = xml.getAttributeValue(null, "t");
                    }
                    case "v", "t" -> {
                        String text = xml.getElementText();
                        int column = reference == null ? nextColumn : column(reference);
                        nextColumn = column + 1;
                        cell(column, text, type);
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                endRow();
            }
        }
    }

    private static Object value(String text, String type, List<String> strings) throws XMLStreamException {
        if ("s".equals(type)) {
            try {
                int k = Integer.parseInt(text.trim());
                if (k >= 0 && k < strings.size()) {
                    return strings.get(k);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new XMLStreamException("shared string '" + text + "' does not exist");
        }
        if ("str".equals(type) || "inlineStr".equals(type)) {
            return text;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Zero-based column of a cell reference such as "AB12"; at most 16384 columns as in Excel. */
    static int column(String reference) throws XMLStreamException {
        int c = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            c = c * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
            if (c > 16384) {
                break;
            }
        }
        if (i == 0 || c > 16384) {
            throw new XMLStreamException("bad cell reference '" + reference + "'");
        }
        return c - 1;
    }

    /** The Global_Info sheet: a header row starting with "Channel" and the row of values beneath it. */
    private static void globalInfo(List<Object[]> rows, Map<String, String> metadata, ZoneId zone) {
        for (int r = 0; r + 1 < rows.size(); r++) {
            Object[] names = rows.get(r);
            if (names.length > 0 && "Channel".equals(names[0])) {
                Object[] values = rows.get(r + 1);
                for (int c = 0; c < Math.min(names.length, values.length); c++) {
                    if (names[c] == null || values[c] == null) {
                        continue;
                    }
                    String key = ArbinTable.key(names[c].toString());
                    Object v = values[c];
                    if (key.equals("start_datetime") && v instanceof Double d) {
                        double unix = ArbinTable.oleDateToUnix(d, zone);
                        v = ArbinTable.instant(unix);
                        key = "start_time";
                    } else if (v instanceof Double d && d == Math.rint(d)) {
                        v = Long.toString(d.longValue());
                    }
                    metadata.put(key, v.toString());
                }
                return;
            }
        }
    }

    private interface ElementVisitor {
        void start(XMLStreamReader xml, String element) throws XMLStreamException;
    }

    private interface EventVisitor {
        void event(XMLStreamReader xml) throws XMLStreamException;
    }

    private static void parse(Path file, SafeZip zip, String entry, ElementVisitor visitor) throws ImportException {
        parseAll(file, zip, entry, xml -> {
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                visitor.start(xml, xml.getLocalName());
            }
        });
    }

    private static void parseAll(Path file, SafeZip zip, String entry, EventVisitor visitor) throws ImportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(zip.read(entry)));
            while (xml.hasNext()) {
                xml.next();
                visitor.event(xml);
            }
        } catch (XMLStreamException | RuntimeException e) {
            String where = xml == null || xml.getLocation() == null ? "" : ", line "
                    + xml.getLocation().getLineNumber() + ", column " + xml.getLocation().getColumnNumber();
            throw new ImportException(file, "entry '" + entry + "'" + where,
                    "malformed XML: " + SafeZip.oneLine(e.getMessage()), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // in-memory input: nothing to release
                }
            }
        }
    }
}
