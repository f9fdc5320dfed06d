package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackscope.core.api.Match;
import org.stackscope.io.volume.tiff.TiffImporter;

/** The cheap test: a TIFF signature is a YES whatever the name; a TIFF name without one is a MAYBE. */
class TiffImporterMatchTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} starting with {1}")
    @CsvSource({
        "a.tif, 49492a00, YES",
        "a.TIFF, 4d4d002a, YES",
        "a.btf, 49492b00, YES",
        "a.dat, 4d4d002b, YES",
        "a.tif, 48656c6c, MAYBE",
        "a.tf8, 4d4d002c, MAYBE",
        "a.txt, 48656c6c, NO",
        "a.tif, '', MAYBE",
        "a.png, 89504e47, NO"})
    void matches(String name, String firstBytesHex, Match expected) throws Exception {
        Path file = Files.write(dir.resolve(name), HexFormat.of().parseHex(firstBytesHex));

        assertEquals(expected, new TiffImporter().matches(file));
    }

    @ParameterizedTest
    @CsvSource({"folder.tif", "absent.tif"})
    void noForWhatIsNotAFile(String name) throws Exception {
        Files.createDirectory(dir.resolve("folder.tif"));

        assertEquals(Match.NO, new TiffImporter().matches(dir.resolve(name)));
    }
}
