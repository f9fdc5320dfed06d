package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffReader;

/** Hand-built files with a known byte layout: each checks one decoding rule of TIFF 6.0, BigTIFF or ImageJ. */
class TiffLayoutTest {

    @TempDir
    Path dir;

    private Volume read(HandBuiltTiff tiff) throws Exception {
        return new TiffImporter().read(tiff.write(dir.resolve("t.tif")), ImportSettings.DEFAULTS, Monitor.NONE);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** The PackBits example of the TIFF 6.0 specification (section 9). */
    @Test
    void packBitsSpecificationExample() throws Exception {
        byte[] packed = bytes(0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7,
                0xAA);
        int[] unpacked = {0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22, 0xAA,
            0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA};
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(24, 1, 32773, 1).strip(packed);

        Volume v = read(tiff);
        TestVolumes.assertPattern(v, 24, 1, 1, (x, y, z) -> unpacked[x]);
    }

    /**
     * "ABABABA" coded by hand: clear, 65 (A), 66 (B), 258 (AB), 260 (ABA, the code being defined by this very
     * step), end of information; 9-bit codes, most significant bit first.
     */
    @Test
    void lzwCodedByHand() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(7, 1, 5, 1).strip(bytes(0x80, 0x10, 0x48, 0x50, 0x28, 0x24, 0x04));

        Volume v = read(tiff);
        TestVolumes.assertPattern(v, 7, 1, 1, (x, y, z) -> "ABABABA".charAt(x));
    }

    @Test
    void bigTiffBigEndianHeader() throws Exception {
        HandBuiltTiff tiff = new HandBuiltTiff(ByteOrder.BIG_ENDIAN, true);
        for (int z = 0; z < 2; z++) {
            ByteBuffer plane = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < 6; i++) {
                plane.putShort((short) (60000 + 100 * z + i));
            }
            tiff.page().grey8(3, 2, 1, 2).tag(258, HandBuiltTiff.SHORT, 16).strip(plane.array());
        }
        Path file = tiff.write(dir.resolve("big.btf"));

        byte[] head = Files.readAllBytes(file);
        assertArrayEquals(bytes('M', 'M', 0, 43, 0, 8, 0, 0), Arrays.copyOf(head, 8));
        Volume v = new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("true", v.metadata().get("bigTiff"));
        assertEquals("big-endian", v.metadata().get("byteOrder"));
        TestVolumes.assertPattern(v, 3, 2, 2, (x, y, z) -> 60000 + 100 * z + y * 3 + x);
    }

    /** Predictor 2 sums each row from its left edge, modulo the sample size (here 16-bit, big endian). */
    @Test
    void horizontalDifferencingWrapsAround() throws Exception {
        ByteBuffer diffs = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        for (int d : new int[] {65535, 2, 1, 10, 65535, 65535}) {
            diffs.putShort((short) d);
        }
        HandBuiltTiff tiff = new HandBuiltTiff(ByteOrder.BIG_ENDIAN, false);
        tiff.page().grey8(3, 2, 8, 2).tag(258, HandBuiltTiff.SHORT, 16).tag(317, HandBuiltTiff.SHORT, 2)
                .strip(BadInputTest.deflate(diffs.array()));

        int[] expected = {65535, 1, 2, 10, 9, 8};
        TestVolumes.assertPattern(read(tiff), 3, 2, 1, (x, y, z) -> expected[y * 3 + x]);
    }

    /** Strips of 2 rows over 5 rows, the last one short; uncompressed strips may omit StripByteCounts. */
    @Test
    void shortLastStripWithoutByteCounts() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        HandBuiltTiff.Page page = tiff.page().grey8(4, 5, 1, 2).omitByteCounts();
        page.strip(bytes(0, 1, 2, 3, 4, 5, 6, 7)).strip(bytes(8, 9, 10, 11, 12, 13, 14, 15))
                .strip(bytes(16, 17, 18, 19));

        TestVolumes.assertPattern(read(tiff), 4, 5, 1, (x, y, z) -> y * 4 + x);
    }

    /** A strip with byte count 0 is left out by its writer: its pixels are zero. */
    @Test
    void sparseStripIsZero() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(2, 3, 1, 1).strip(bytes(1, 2)).strip(bytes(9, 9)).strip(bytes(5, 6))
                .tag(279, HandBuiltTiff.LONG, 2, 0, 2);

        int[] expected = {1, 2, 0, 0, 5, 6};
        TestVolumes.assertPattern(read(tiff), 2, 3, 1, (x, y, z) -> expected[y * 2 + x]);
    }

    /** 5 x 3 pixels in 4 x 2 tiles: edge tiles are padded and clipped; uncompressed tiles take the tile path. */
    @Test
    void uncompressedTilesAreClippedAtTheEdges() throws Exception {
        byte[][] tiles = new byte[4][8];
        for (int t = 0; t < 4; t++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    int x = t % 2 * 4 + c;
                    int y = t / 2 * 2 + r;
                    tiles[t][r * 4 + c] = (byte) (x < 5 && y < 3 ? 10 * y + x : 0xEE);
                }
            }
        }
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        HandBuiltTiff.Page page = tiff.page().grey8(5, 3, 1, 3).tag(322, HandBuiltTiff.SHORT, 4)
                .tag(323, HandBuiltTiff.SHORT, 2);
        for (byte[] tile : tiles) {
            page.strip(tile);
        }
        long[] offsets = {8, 16, 24, 32};
        page.tag(324, HandBuiltTiff.LONG, offsets).tag(325, HandBuiltTiff.LONG, 8, 8, 8, 8);

        Volume v = read(tiff);
        assertEquals("tiles 4x2", v.metadata().get("layout"));
        TestVolumes.assertPattern(v, 5, 3, 1, (x, y, z) -> 10 * y + x);
    }

    /** ImageJ stacks over 4 GB: one IFD, images=N, planes back to back after the first. */
    @Test
    void imageJStackWithOneIfd() throws Exception {
        byte[] planes = new byte[4 * 12];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = (byte) i;
        }
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian().ifdsFirst();
        tiff.page().grey8(4, 3, 1, 3).ascii(270, "ImageJ=1.54f\nimages=4\nslices=4\nunit=micron\nspacing=2.5\n")
                .strip(planes).tag(279, HandBuiltTiff.LONG, 12);

        Volume v = read(tiff);
        assertEquals("true", v.metadata().get("imageJLargeStack"));
        assertEquals(2.5, v.voxelSizeUm()[2]);
        TestVolumes.assertPattern(v, 4, 3, 4, (x, y, z) -> z * 12 + y * 4 + x);
    }

    @Test
    void truncatedImageJStackWithOneIfd() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian().ifdsFirst();
        tiff.page().grey8(4, 3, 1, 3).ascii(270, "ImageJ=1.54f\nimages=5\nslices=5\n").strip(new byte[4 * 12])
                .tag(279, HandBuiltTiff.LONG, 12);
        Path file = tiff.write(dir.resolve("ij.tif"));
        long firstPlane = Files.size(file) - 4 * 12;

        ImportException e = assertThrows(ImportException.class,
                () -> new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE));
        assertEquals("page 5 of an ImageJ stack at byte " + (firstPlane + 48), e.position());
        assertTrue(e.getMessage().contains("ImageJ says images=5 planes of 12 bytes from byte " + firstPlane),
                e.getMessage());
        assertTrue(e.getMessage().contains("after 4 complete planes: the file is truncated"), e.getMessage());
    }

    /** A reduced-resolution page (thumbnail, pyramid level) is not a slice, whatever it holds. */
    @Test
    void thumbnailsAreSkipped() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(2, 2, 1, 2).strip(bytes(1, 2, 3, 4));
        tiff.page().grey8(1, 1, 1, 1).tag(254, HandBuiltTiff.LONG, 1).tag(262, HandBuiltTiff.SHORT, 2)
                .tag(277, HandBuiltTiff.SHORT, 3).strip(bytes(9, 9, 9));

        Volume v = read(tiff);
        assertEquals("1", v.metadata().get("skippedReducedResolutionPages"));
        TestVolumes.assertPattern(v, 2, 2, 1, (x, y, z) -> 1 + y * 2 + x);
    }

    /** WhiteIsZero only tells viewers to invert the display; analyses get the stored values. */
    @Test
    void whiteIsZeroValuesAreKeptAsStored() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(2, 1, 1, 1).tag(262, HandBuiltTiff.SHORT, 0).strip(bytes(0, 200));
        tiff.page().grey8(2, 1, 1, 1).strip(bytes(0, 200));

        Volume v = read(tiff);
        assertEquals("mixed: 1 WhiteIsZero and 1 BlackIsZero pages (values kept as stored)",
                v.metadata().get("photometric"));
        TestVolumes.assertPattern(v, 2, 1, 2, (x, y, z) -> x * 200);
    }

    @Test
    void readPlaneRejectsAnArrayOfTheWrongType() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(2, 1, 1, 1).strip(bytes(0, 200));
        try (TiffReader reader = TiffReader.open(tiff.write(dir.resolve("p.tif")))) {
            assertThrows(IllegalArgumentException.class, () -> reader.readPlane(0, new short[2]));
            byte[] plane = new byte[2];
            reader.readPlane(0, plane);
            assertArrayEquals(bytes(0, 200), plane);
        }
    }
}
