package org.stackscope.io.cycler.arbin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Table;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;

/**
 * Arbin MITS Pro result files (.res), which are MS Access (Jet) databases, read read-only with Jackcess:
 * Channel_Normal_Table holds the records (Test_Time, Voltage, Current, Charge_/Discharge_Capacity, Cycle_Index,
 * Step_Index, DateTime as an OLE date, ...), Global_Table the test (name, channel, start, software version,
 * schedule, mass). When a file holds several tests, the setting {@code testId} picks one (default: the first).
 * DateTime is a wall clock, read in the zone of the setting {@code timeZone} (default UTC).
 */
public final class ArbinResImporter implements Importer<Table> {

    private static final String[] SIGNATURES = { "Standard Jet DB", "Standard ACE DB" };

    @Override
    public Match matches(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return isAccess(in.readNBytes(19)) ? Match.YES : Match.NO;
        } catch (IOException e) {
            return Match.NO;
        }
    }

    private static boolean isAccess(byte[] head) {
        if (head.length < 19) {
            return false;
        }
        String signature = new String(head, 4, 15, StandardCharsets.ISO_8859_1);
        return Arrays.asList(SIGNATURES).contains(signature);
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = ArbinCsvImporter.zone(file, settings);
        try (InputStream in = Files.newInputStream(file)) {
            if (!isAccess(in.readNBytes(19))) {
                throw new ImportException(file, "byte 4", "not an MS Access database (no 'Standard Jet DB' or "
                        + "'Standard ACE DB' signature), so not an Arbin .res file");
            }
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + SafeZip.oneLine(e.getMessage()), e);
        }
        monitor.begin("Reading " + file.getFileName(), -1);
        String where = "table Global_Table";
        try (Database db = new DatabaseBuilder(file.toFile()).setReadOnly(true).setAutoSync(false).open()) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "Arbin res");
            Integer testId = null;
            if (settings.has("testId")) {
                try {
                    testId = Integer.valueOf(settings.get("testId", "").trim());
                } catch (NumberFormatException e) {
                    throw new ImportException(file, "setting testId", "'" + settings.get("testId", "")
                            + "' is not a test number");
                }
            }
            var global = db.getTable("Global_Table");
            if (global != null) {
                for (Row row : global) {
                    // the chosen test's description, or the first test's when none was chosen
                    if (row.get("Test_ID") instanceof Number id && (testId == null || id.intValue() == testId)
                            && !metadata.containsKey("test_id")) {
                        testId = id.intValue();
                        metadata.put("test_id", Integer.toString(testId));
                        putGlobal(row, metadata, zone);
                    }
                }
            }
            var version = db.getTable("Version_Table");
            if (version != null) {
                for (Row row : version) {
                    metadata.put("results_file_version", String.valueOf(row.get("Version_Schema_Field")));
                }
            }
            where = "table Channel_Normal_Table";
            var normal = db.getTable("Channel_Normal_Table");
            if (normal == null) {
                throw new ImportException(file, "", "no Channel_Normal_Table: not an Arbin result database");
            }
            List<String> headers = new ArrayList<>();
            for (Column c : normal.getColumns()) {
                headers.add(c.getName());
            }
            int n = headers.size();
            // a damaged table definition or page chain must neither allocate nor read without bound: a row takes
            // at least 4 bytes of the file
            long fileBound = Files.size(file) / 4;
            int expected = (int) Math.max(0, Math.min(normal.getRowCount(), fileBound));
            long cap = expected + 1L;
            double[][] values = new double[n][Math.max(16, expected)];
            int rows = 0;
            int testColumn = headers.indexOf("Test_ID");
            long seen = 0;
            for (Row row : normal) {
                if (++seen > cap) {
                    throw new ImportException(file, where, "more rows than the table declares (" + expected
                            + "): corrupted database");
                }
                if ((seen & 0x3fff) == 0) {
                    monitor.checkCanceled();
                }
                if (testId != null && testColumn >= 0 && row.get("Test_ID") instanceof Number id
                        && id.intValue() != testId) {
                    continue;
                }
                if (rows == values[0].length) {
                    for (int c = 0; c < n; c++) {
                        values[c] = Arrays.copyOf(values[c], rows * 2);
                    }
                }
                for (int c = 0; c < n; c++) {
                    values[c][rows] = number(row.get(headers.get(c)));
                }
                rows++;
            }
            if (rows == 0) {
                throw new ImportException(file, where, "no records" + (testId != null ? " for test " + testId : ""));
            }
            List<double[]> columns = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                double[] v = Arrays.copyOf(values[c], rows);
                if (ArbinTable.DATE_NAMES.contains(ArbinTable.key(headers.get(c)))) {
                    for (int i = 0; i < rows; i++) {
                        v[i] = ArbinTable.oleDateToUnix(v[i], zone);
                    }
                }
                columns.add(v);
            }
            sortByDataPoint(headers, columns);
            metadata.put("timestamp_zone", zone.getId() + " (wall-clock DateTime; setting timeZone)");
            monitor.done();
            return ArbinTable.build(headers, columns, metadata);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, where, "corrupted Access database: " + SafeZip.oneLine(e), e);
        }
    }

    private static void putGlobal(Row row, Map<String, String> metadata, ZoneId zone) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Test_Name", "test_name");
        names.put("Channel_Index", "channel");
        names.put("Channel_Number", "channel_number");
        names.put("Software_Version", "software_version");
        names.put("Schedule_File_Name", "schedule");
        names.put("Schedule_Version", "schedule_version");
        names.put("Creator", "creator");
        names.put("Serial_Number", "serial_number");
        names.put("Item_ID", "item_id");
        names.put("MASS", "mass_g");
        names.put("Comments", "comments");
        names.forEach((column, key) -> {
            Object v = row.get(column);
            if (v != null && !String.valueOf(v).isBlank()) {
                metadata.put(key, String.valueOf(v));
            }
        });
        if (row.get("Start_DateTime") instanceof Number start) {
            double unix = ArbinTable.oleDateToUnix(start.doubleValue(), zone);
            metadata.put("start_time", ArbinTable.instant(unix));
        }
    }

    /** Jackcess may return pages out of record order; Data_Point orders them. */
    private static void sortByDataPoint(List<String> headers, List<double[]> columns) {
        int c = headers.indexOf("Data_Point");
        if (c < 0) {
            return;
        }
        double[] key = columns.get(c);
        boolean sorted = true;
        for (int i = 1; i < key.length && sorted; i++) {
            sorted = key[i] >= key[i - 1];
        }
        if (sorted) {
            return;
        }
        long[] packed = new long[key.length];
        for (int i = 0; i < key.length; i++) {
            packed[i] = ((long) key[i] << 31) | i;
        }
        Arrays.sort(packed);
        for (int k = 0; k < columns.size(); k++) {
            double[] v = columns.get(k);
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[(int) (packed[i] & Integer.MAX_VALUE)];
            }
            columns.set(k, out);
        }
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
