package org.stackscope.io.cycler.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.BioLogicMprImporter;
import org.stackscope.io.cycler.BioLogicMptImporter;
import org.stackscope.io.cycler.CyclerCsvImporter;
import org.stackscope.io.cycler.GamryDtaImporter;
import org.stackscope.io.cycler.MaccorTextImporter;
import org.stackscope.io.cycler.NovonixCsvImporter;

/**
 * Every vendor test file, mutated 20 times with a fixed seed (10 truncations, 10 runs of 1-16 byte flips), read by
 * the importer that recognised the original: the only allowed outcomes are a table or an ImportException, within
 * 20 s per file.
 */
class FuzzTest {

    private static final int MUTATIONS = 20;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesGiveATableOrAnImportException() throws Exception {
        List<Importer<Table>> importers = List.of(new BioLogicMprImporter(), new BioLogicMptImporter(),
                new GamryDtaImporter(), new MaccorTextImporter(), new NovonixCsvImporter(), new CyclerCsvImporter());
        List<Path> files = new ArrayList<>();
        for (String folder : new String[] { "biologic", "gamry", "maccor", "other_cyclers" }) {
            try (var s = Files.list(TestData.root().resolve(folder))) {
                s.sorted().forEach(files::add);
            }
        }
        SplittableRandom random = new SplittableRandom(20261122);
        int reads = 0;
        int rejected = 0;
        for (Path original : files) {
            Importer<Table> importer = importers.stream().filter(i -> i.matches(original) == Match.YES).findFirst()
                    .orElse(null);
            if (importer == null) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(original);
            Path mutated = dir.resolve("mutated-" + original.getFileName());
            for (int k = 0; k < MUTATIONS; k++) {
                byte[] m;
                if (k < MUTATIONS / 2) {
                    m = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                } else {
                    m = bytes.clone();
                    for (int flips = 1 + random.nextInt(16); flips > 0; flips--) {
                        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                    }
                }
                Files.write(mutated, m);
                String what = original.getFileName() + " mutation " + k;
                boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    try {
                        importer.read(mutated, ImportSettings.DEFAULTS, Monitor.NONE);
                        return true;
                    } catch (ImportException e) {
                        assertTrue(e.getMessage().contains(mutated.toString()), what + ": " + e.getMessage());
                        return false;
                    } catch (RuntimeException | Error e) {
                        fail(what + ": " + e, e);
                        return false;
                    }
                }, what);
                reads++;
                rejected += ok ? 0 : 1;
            }
        }
        assertTrue(reads >= 40 * MUTATIONS, reads + " mutated reads");
        assertTrue(rejected > 0, "some mutations must be rejected");
        System.out.println("fuzz: " + reads + " mutated reads, " + rejected + " ImportExceptions");
    }
}
