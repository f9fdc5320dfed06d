package org.stackscope.io.cycler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;
import org.stackscope.core.results.BdfCsvExporter;
import org.stackscope.io.cycler.BioLogicMptImporter;
import org.stackscope.io.cycler.CyclerCsvImporter;

/** The mapped CSV importer and the Battery Data Format exporter, including a lossless round trip. */
class CyclerCsvTest {

    @TempDir
    Path dir;

    private final CyclerCsvImporter csv = new CyclerCsvImporter();

    @Test
    void mappingWithUnitsAndDecimalCommas() throws Exception {
        Path f = Files.writeString(dir.resolve("log.csv"), """
                # exported by some potentiostat
                Zeit;Spannung;Strom (mA);Kommentar
                0,0;3,5;10;a
                1,0;3,6;10;b
                2,0;3,7;-5;c
                """);
        Table t = csv.read(f, new ImportSettings(Map.of("columns", "time_s=Zeit,voltage_V=Spannung,current_A=Strom (mA)",
                "timeUnit", "min", "decimal", ",")), Monitor.NONE);
        assertArrayEquals(new double[] { 0, 60, 120 }, t.column(CyclerColumns.TIME).values());
        assertArrayEquals(new double[] { 3.5, 3.6, 3.7 }, t.column(CyclerColumns.VOLTAGE).values());
        assertArrayEquals(new double[] { 0.01, 0.01, -0.005 }, t.column(CyclerColumns.CURRENT).values(), 1e-15);
        assertArrayEquals(new double[] { StepType.CHARGE.code(), StepType.CHARGE.code(),
                StepType.DISCHARGE.code() }, t.column(CyclerColumns.STEP_TYPE).values());
        assertEquals("Kommentar", t.metadata().get("textColumns"));
    }

    @Test
    void unmappableColumnsAreAnErrorNamingTheHeader() throws Exception {
        Path f = Files.writeString(dir.resolve("odd.csv"), "a,b,c\n1,2,3\n");
        ImportException e = assertThrows(ImportException.class,
                () -> csv.read(f, ImportSettings.DEFAULTS, Monitor.NONE));
        assertEquals("line 1", e.position());
        assertTrue(e.reason().contains("time_s"), e.reason());
        ImportException wrongName = assertThrows(ImportException.class, () -> csv.read(f,
                new ImportSettings(Map.of("columns", "time_s=a,voltage_V=x,current_A=c")), Monitor.NONE));
        assertTrue(wrongName.reason().contains("'x'"), wrongName.reason());
        ImportException wrongUnit = assertThrows(ImportException.class, () -> csv.read(Files.writeString(
                dir.resolve("unit.csv"), "t (s),U (A),I (A)\n1,2,3\n"), new ImportSettings(Map.of("columns",
                        "time_s=t (s),voltage_V=U (A),current_A=I (A)")), Monitor.NONE));
        assertTrue(wrongUnit.reason().contains("cannot be converted"), wrongUnit.reason());
    }

    @Test
    void bdfExportReadsBackUnchanged() throws Exception {
        Table original = new BioLogicMptImporter().read(TestData.file("biologic/yadg_gcpl.issue_149.mpt"),
                ImportSettings.DEFAULTS, Monitor.NONE);
        Path out = dir.resolve("sub/gcpl.csv");
        BdfCsvExporter.write(original, out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(original.rowCount() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("Test Time / s,Voltage / V,Current / A"), lines.get(0));
        assertTrue(lines.get(0).contains("Cycle Count / 1") && lines.get(0).contains("Step Count / 1"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertEquals(Match.YES, csv.matches(out));
        Table back = csv.read(out, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals(original.rowCount(), back.rowCount());
        for (Column c : original.columns()) {
            Column b = back.hasColumn(c.name()) ? back.column(c.name()) : null;
            assertTrue(b != null, c.name() + " read back, columns: " + back.columns().stream().map(Column::name)
                    .toList());
            assertArrayEquals(c.values(), b.values(), c.name());
            assertEquals(c.unit(), b.unit(), c.name());
        }
    }
}
