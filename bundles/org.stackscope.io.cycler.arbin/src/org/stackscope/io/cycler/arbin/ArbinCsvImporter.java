package org.stackscope.io.cycler.arbin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.ColumnBuffer;
import org.stackscope.core.io.DelimitedText;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Table;

/**
 * Arbin CSV exports: MITS Pro / Data Watcher ("Data_Point, Test_Time(s), Date_Time, Step_Index, Cycle_Index,
 * Current(A), Voltage(V), Charge_Capacity(Ah), ...") and the unit-less form written by BEEP and Arbin's database
 * tools ("Test_Time, DateTime, ..."). Dates may be Unix seconds, OLE/Excel day numbers or text such as
 * "10/20/2019 11:33:06.567" (wall clocks, read in the zone of the setting {@code timeZone}, default UTC). A
 * companion "NAME_Metadata.csv" next to the file (BEEP) adds its first row to the table metadata.
 */
public final class ArbinCsvImporter implements Importer<Table> {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss[.SSSSSS][.SSS][.SS][.S]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm:ss[.SSSSSS][.SSS][.SS][.S]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm:ss[.SSS]"));

    /** More columns than any cycler writes: a binary or unrelated file (bounds the per-column buffers). */
    static final int MAX_COLUMNS = 4096;

    @Override
    public Match matches(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Match.NO;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            String first = head.lines().findFirst().orElse("");
            List<String> keys = DelimitedText.split(first, DelimitedText.delimiter(first)).stream()
                    .map(ArbinTable::key).toList();
            return keys.contains("test_time") && keys.contains("voltage") && keys.contains("current") ? Match.YES
                    : Match.NO;
        } catch (IOException e) {
            return Match.NO;
        }
    }

    static ZoneId zone(Path file, ImportSettings settings) throws ImportException {
        String id = settings.get("timeZone", "UTC");
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new ImportException(file, "setting timeZone", "'" + id + "' is not a time zone such as UTC or "
                    + "Europe/Berlin");
        }
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = zone(file, settings);
        try (BufferedReader reader = DelimitedText.open(file)) {
            monitor.begin("Reading " + file.getFileName(), Files.size(file));
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new ImportException(file, "line 1", "no header line");
            }
            char delimiter = DelimitedText.delimiter(header);
            List<String> headers = DelimitedText.split(header.replace("\uFEFF", ""), delimiter);
            List<String> keys = headers.stream().map(ArbinTable::key).toList();
            if (!keys.contains("voltage") || !keys.contains("current")
                    || !keys.contains("test_time") && !keys.contains("date_time") && !keys.contains("datetime")) {
                throw new ImportException(file, "line 1", "the header " + headers
                        + " lacks Voltage, Current or Test_Time: not an Arbin export");
            }
            int n = headers.size();
            if (n > MAX_COLUMNS) {
                throw new ImportException(file, "line 1", n + " columns: not a cycler export");
            }
            ColumnBuffer[] values = new ColumnBuffer[n];
            for (int c = 0; c < n; c++) {
                values[c] = new ColumnBuffer(256);
            }
            int lineNo = DelimitedText.forEachRow(reader, delimiter, n, 1, file, monitor, (row, cells) -> {
                for (int c = 0; c < n; c++) {
                    String cell = cells.get(c).trim();
                    double v = ArbinTable.DATE_NAMES.contains(keys.get(c)) ? date(cell, zone) : number(cell);
                    if (Double.isNaN(v) && !cell.isEmpty() && !keys.get(c).isEmpty()
                            && (keys.get(c).equals("voltage") || keys.get(c).equals("current")
                                    || keys.get(c).equals("test_time"))) {
                        throw new ImportException(file, "line " + row + ", column '" + headers.get(c) + "'",
                                "'" + cell + "' is not a number");
                    }
                    values[c].add(v);
                }
            });
            if (values[0].size() == 0) {
                throw new ImportException(file, "line " + lineNo, "no data rows after the header");
            }
            List<double[]> columns = new ArrayList<>();
            for (ColumnBuffer column : values) {
                columns.add(column.toArray());
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "Arbin CSV");
            metadata.put("timestamp_zone", zone.getId() + " (text or day-number dates are wall clocks; setting "
                    + "timeZone)");
            companionMetadata(file, metadata);
            monitor.done();
            return ArbinTable.build(headers, columns, metadata);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + SafeZip.oneLine(e.getMessage()), e);
        }
    }

    /** BEEP writes the test's Global_Table row as NAME_Metadata.csv next to NAME.csv. */
    private static void companionMetadata(Path file, Map<String, String> metadata) {
        String name = String.valueOf(file.getFileName());
        Path companion = file.resolveSibling(name.replaceFirst("(?i)\\.csv$", "") + "_Metadata.csv");
        if (!Files.isRegularFile(companion)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(companion, StandardCharsets.ISO_8859_1)) {
            String header = r.readLine();
            String values = r.readLine();
            if (header == null || values == null) {
                return;
            }
            List<String> keys = DelimitedText.split(header, ',');
            List<String> cells = DelimitedText.split(values, ',');
            for (int c = 0; c < Math.min(keys.size(), cells.size()); c++) {
                String key = keys.get(c).trim().toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && !cells.get(c).isBlank()) {
                    metadata.put(key.equals("iv_ch_id") ? "channel" : "arbin_" + key, cells.get(c).trim());
                }
                if (key.equals("first_start_datetime") && number(cells.get(c).trim()) > 0) {
                    metadata.put("start_time", ArbinTable.instant(number(cells.get(c).trim())));
                }
            }
        } catch (IOException e) {
            metadata.put("warning", companion.getFileName() + " unreadable: " + SafeZip.oneLine(e.getMessage()));
        }
    }

    /** Unix seconds (values above 1e8), OLE day numbers, or text dates; NaN when empty or unreadable. */
    private static double date(String cell, ZoneId zone) {
        double v = number(cell);
        if (!Double.isNaN(v)) {
            return v > 1e8 ? v : ArbinTable.oleDateToUnix(v, zone);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDateTime t = LocalDateTime.parse(cell, f);
                return t.atZone(zone).toEpochSecond() + t.getNano() / 1e9;
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Double.NaN;
    }

    static double number(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
