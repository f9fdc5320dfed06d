package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffImporter;

/**
 * Files written by libtiff (see make_libtiff_vectors.py): an independent encoder for LZW (including table resets and
 * 10-12 bit codes), PackBits, Deflate, horizontal differencing, tiles with partial edge tiles, big-endian data,
 * BigTIFF and FillOrder 2. Pixels are recomputed from the same formulas.
 */
class LibtiffVectorsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("lzw_u8_80x60x2.tif", SampleType.UINT8, 80, 60, 2, "lzw", "strips", "little-endian",
                        "false"),
                Arguments.of("lzw_predictor_u16_be_fillorder2_37x23x3.tif", SampleType.UINT16, 37, 23, 3, "lzw",
                        "strips", "big-endian", "false"),
                Arguments.of("deflate_tiles_predictor_u16_37x23x3.tif", SampleType.UINT16, 37, 23, 3, "deflate",
                        "tiles 16x16", "little-endian", "false"),
                Arguments.of("deflate_tiles_f32_be_fillorder2_37x23x2.tif", SampleType.FLOAT32, 37, 23, 2,
                        "deflate", "tiles 16x16", "big-endian", "false"),
                Arguments.of("bigtiff_lzw_u16_37x23x3.tif", SampleType.UINT16, 37, 23, 3, "lzw", "strips",
                        "little-endian", "true"),
                Arguments.of("none_i16_be_37x23x3.tif", SampleType.INT16, 37, 23, 3, "none", "strips", "big-endian",
                        "false"),
                Arguments.of("none_u16_fillorder2_37x23x3.tif", SampleType.UINT16, 37, 23, 3, "none", "strips",
                        "little-endian", "false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readsLibtiffFile(String name, SampleType type, int width, int height, int depth, String compression,
            String layout, String byteOrder, String bigTiff) throws Exception {
        Volume v = new TiffImporter().read(copy(name), ImportSettings.DEFAULTS, Monitor.NONE);

        assertEquals(type.id(), v.sampleType());
        TestVolumes.assertPattern(type, v, width, height, depth);
        assertEquals(compression, v.metadata().get("compression"));
        assertEquals(layout, v.metadata().get("layout"));
        assertEquals(byteOrder, v.metadata().get("byteOrder"));
        assertEquals(bigTiff, v.metadata().get("bigTiff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void predictorAndFillOrderAreReportedOnlyWhereUsed(String name) throws Exception {
        Volume v = new TiffImporter().read(copy(name), ImportSettings.DEFAULTS, Monitor.NONE);

        assertEquals(name.contains("predictor") ? "horizontal differencing" : null, v.metadata().get("predictor"));
        assertEquals(name.contains("fillorder2") ? "2 (bits of stored bytes reversed)" : null,
                v.metadata().get("fillOrder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"packbits_u8_37x23x3.tif", "packbits_u8_fillorder2_37x23x3.tif"})
    void readsLibtiffPackBitsRuns(String name) throws Exception {
        Volume v = new TiffImporter().read(copy(name), ImportSettings.DEFAULTS, Monitor.NONE);

        assertEquals("packbits", v.metadata().get("compression"));
        TestVolumes.assertPattern(v, 37, 23, 3, (x, y, z) -> (x / 7 * 31 + y * 3 + z) & 0xFF);
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = LibtiffVectorsTest.class.getResourceAsStream("libtiff/" + name)) {
            assertNotNull(in, "test resource libtiff/" + name);
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
