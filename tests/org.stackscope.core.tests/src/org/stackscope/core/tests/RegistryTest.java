package org.stackscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.Hashing;

class RegistryTest {

    @TempDir
    Path dir;

    /** Recognises files starting with "MAGIC"; guesses on the .dat extension. */
    static final class MagicImporter implements Importer<Table> {
        @Override
        public Match matches(Path file) {
            try {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).startsWith("MAGIC")) {
                    return Match.YES;
                }
            } catch (IOException e) {
                return Match.NO;
            }
            return file.toString().endsWith(".dat") ? Match.MAYBE : Match.NO;
        }

        @Override
        public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
            return new Table(DataKind.TABLE, List.of(new Column("x", "", new double[] { 1, 2 })), Map.of());
        }
    }

    /** Claims every .dat file but fails with a runtime exception. */
    static final class BrokenImporter implements Importer<Table> {
        @Override
        public Match matches(Path file) {
            return file.toString().endsWith(".dat") ? Match.MAYBE : Match.NO;
        }

        @Override
        public Table read(Path file, ImportSettings settings, Monitor monitor) {
            throw new IllegalStateException("boom");
        }
    }

    private final ImporterDescriptor magic = new ImporterDescriptor("magic", "Magic", DataKind.TABLE,
            List.of("dat"), MagicImporter::new);
    private final ImporterDescriptor broken = new ImporterDescriptor("aaa-broken", "Broken", DataKind.TABLE,
            List.of("DAT"), BrokenImporter::new);
    private final Registry registry = Registry.of(List.of(magic, broken), List.of());

    @Test
    void signatureMatchWinsOverExtensionGuess() throws Exception {
        Path f = Files.writeString(dir.resolve("a.dat"), "MAGIC 1 2 3");
        assertSame(magic, registry.detect(f));
        assertEquals(List.of("aaa-broken", "magic"), registry.importers().stream().map(ImporterDescriptor::id).toList());
        assertTrue(broken.acceptsExtension(f), "extensions compare case-insensitively");
    }

    @Test
    void firstMaybeInIdOrderIsUsedWithoutSignature() throws Exception {
        Path f = Files.writeString(dir.resolve("b.dat"), "no signature");
        assertSame(broken, registry.detect(f));
    }

    @Test
    void importerFailuresBecomeImportExceptionsNamingTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("c.dat"), "no signature");
        ImportException e = assertThrows(ImportException.class, () -> registry.read(f, null, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void missingFileAndUnknownFormatAreInputErrors() throws Exception {
        Path missing = dir.resolve("missing.dat");
        ImportException e = assertThrows(ImportException.class, () -> registry.detect(missing));
        assertEquals(missing + ": no such file or folder", e.getMessage());
        Path other = Files.writeString(dir.resolve("x.txt"), "hello");
        assertTrue(assertThrows(ImportException.class, () -> registry.detect(other)).getMessage()
                .contains("no importer recognises"));
        assertTrue(assertThrows(ImportException.class,
                () -> registry.read(other, "nope", ImportSettings.DEFAULTS, Monitor.NONE)).getMessage()
                .contains("unknown format 'nope'"));
    }

    @Test
    void readRecordsFormatAndSha256() throws Exception {
        Path f = Files.writeString(dir.resolve("d.dat"), "MAGIC");
        Inputs.Input in = registry.read(f, null, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("magic", in.formatId());
        // sha256("MAGIC") as printed by sha256sum
        assertEquals("e7b0c01604266fd889ba808bb54be0932fabdbae6c8347ed940b81c0a6a89e66", in.sha256());
    }

    @Test
    void folderHashDependsOnNamesAndContentsNotListingOrder() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("1.tif"), "one");
        Files.writeString(a.resolve("2.tif"), "two");
        Files.writeString(b.resolve("2.tif"), "two");
        Files.writeString(b.resolve("1.tif"), "one");
        assertEquals(Hashing.sha256(a), Hashing.sha256(b));
        Files.writeString(b.resolve("1.tif"), "uno");
        assertTrue(!Hashing.sha256(a).equals(Hashing.sha256(b)));
    }

    @Test
    void platformRegistryReadsTheExtensionPoints() {
        Registry platform = Registry.platform();
        assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
}
