package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffPage;
import org.stackscope.io.volume.tiff.TiffReader;
import org.stackscope.io.volume.tiff.TiffWriter;
import org.stackscope.io.volume.tiff.TiffWriter.Compression;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

class TiffRoundTripTest {

    private static final double[] VOXEL = {0.39, 0.41, 1.5};

    @TempDir
    Path dir;

    static Stream<Arguments> encodings() {
        List<Arguments> all = new ArrayList<>();
        for (SampleType type : SampleType.values()) {
            for (Compression compression : Compression.values()) {
                for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                    all.add(Arguments.of(type, compression, order));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("encodings")
    void writtenVolumeReadsBackExactly(SampleType type, Compression compression, ByteOrder order) throws Exception {
        Path file = dir.resolve("v.tif");
        TiffWriter.write(TestVolumes.pattern(type, 37, 23, 5, VOXEL), file,
                TiffWriter.Options.DEFAULT.withCompression(compression).withByteOrder(order), Monitor.NONE);

        Volume v = new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);

        assertEquals(type.id(), v.sampleType());
        TestVolumes.assertPattern(type, v, 37, 23, 5);
        assertArrayEquals(VOXEL, v.voxelSizeUm(), 1e-7);
        assertEquals("file", v.metadata().get("voxelSizeSource"));
        assertEquals(compression == Compression.NONE ? "none" : "deflate", v.metadata().get("compression"));
        assertEquals(order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian", v.metadata().get("byteOrder"));
        assertEquals("5", v.metadata().get("imagej.images"));
        assertEquals(Axis.Z, v.pressureAxis());
    }

    @Test
    void forcedBigTiffRoundTrips() throws Exception {
        Path file = dir.resolve("big.tif");
        TiffWriter.write(TestVolumes.pattern(SampleType.UINT16, 40, 30, 3, VOXEL), file,
                TiffWriter.Options.DEFAULT.withForceBigTiff(true).withCompression(Compression.DEFLATE), Monitor.NONE);

        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0}, head);
        Volume v = new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("true", v.metadata().get("bigTiff"));
        TestVolumes.assertPattern(SampleType.UINT16, v, 40, 30, 3);
    }

    /**
     * ImageJ reads an uncompressed stack with images=N from the first strip on, plane after plane, ignoring the other
     * IFDs and strips; planes of over 1 MB are written in several strips, which must therefore follow each other.
     */
    @Test
    void uncompressedPlanesFollowEachOtherAsImageJExpects() throws Exception {
        int width = 1024;
        int height = 600;
        int depth = 3;
        Path file = dir.resolve("ij.tif");
        TiffWriter.write(TestVolumes.pattern(SampleType.UINT16, width, height, depth, VOXEL), file);

        long firstStrip;
        String description;
        double xResolution;
        int resolutionUnit;
        try (TiffReader reader = TiffReader.open(file)) {
            TiffPage first = reader.pages().get(0);
            description = first.description();
            xResolution = first.xResolution();
            resolutionUnit = first.resolutionUnit();
            firstStrip = stripOffset(file, first);
        }
        assertTrue(description.startsWith("ImageJ="), description);
        assertTrue(description.contains("\nimages=3\nslices=3\nunit=micron\nspacing=1.5\n"), description);
        assertEquals(1 / 0.39, xResolution, 1e-6);
        assertEquals(1, resolutionUnit);
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < depth; z++) {
            for (int i : new int[] {0, width - 1, width * 599 + 17, width * height - 1}) {
                int x = i % width;
                int y = i / width;
                long at = firstStrip + 2L * ((long) z * width * height + i);
                int stored = Short.toUnsignedInt(all.getShort((int) at));
                assertEquals(TestVolumes.expected(SampleType.UINT16, x, y, z), stored, "plane " + z + " sample " + i);
            }
        }
    }

    /** Offset of the first strip, read from the IFD with a tiny independent parser of classic little-endian TIFF. */
    private static long stripOffset(Path file, TiffPage page) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            int ifd = (int) page.ifdOffset();
            int entries = Short.toUnsignedInt(b.getShort(ifd));
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + 12 * e;
                if (b.getShort(at) == 273) {
                    int count = b.getInt(at + 4);
                    int value = b.getInt(at + 8);
                    return count == 1 ? value : Integer.toUnsignedLong(b.getInt(value));
                }
            }
            throw new AssertionError("no StripOffsets");
        }
    }

    @Test
    void writesVolumesThatAreNotPlanarImages() throws Exception {
        var image = ArrayImgs.unsignedShorts(20, 10, 3);
        var cursor = image.localizingCursor();
        while (cursor.hasNext()) {
            UnsignedShortType t = cursor.next();
            t.set(cursor.getIntPosition(0) * 1000 + cursor.getIntPosition(1) * 10 + cursor.getIntPosition(2));
        }
        Volume source = new Volume(Views.translate(image, 5, 6, 7), "uint16", new double[] {1, 1, 1}, Axis.Z,
                Map.of());
        Path file = dir.resolve("view.tif");
        TiffWriter.write(source, file);

        Volume v = new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        TestVolumes.assertPattern(v, 20, 10, 3, (x, y, z) -> x * 1000 + y * 10 + z);
    }

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("out.tif");
        Files.writeString(file, "old content");

        TiffWriter.write(TestVolumes.pattern(SampleType.UINT8, 8, 8, 2, VOXEL), file);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(TiffReader.hasTiffSignature(file));
    }

    @Test
    void canceledWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("out.tif");
        Files.writeString(file, "old content");
        CountingMonitor cancelAfterOnePage = new CountingMonitor(1);

        assertThrows(CanceledException.class, () -> TiffWriter.write(TestVolumes.pattern(SampleType.UINT8, 8, 8, 4,
                VOXEL), file, TiffWriter.Options.DEFAULT, cancelAfterOnePage));

        assertEquals("old content", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void readingReportsOneUnitPerPageAndStopsWhenCanceled() throws Exception {
        Path file = dir.resolve("v.tif");
        TiffWriter.write(TestVolumes.pattern(SampleType.UINT8, 8, 8, 6, VOXEL), file);

        CountingMonitor counting = new CountingMonitor(Integer.MAX_VALUE);
        new TiffImporter().read(file, ImportSettings.DEFAULTS, counting);
        assertEquals(6, counting.total);
        assertEquals(6, counting.worked);

        CountingMonitor cancelAfterTwo = new CountingMonitor(2);
        assertThrows(CanceledException.class,
                () -> new TiffImporter().read(file, ImportSettings.DEFAULTS, cancelAfterTwo));
        assertEquals(2, cancelAfterTwo.worked);
    }

    /** Counts progress; reports canceled once {@code cancelAfter} units were done. */
    static final class CountingMonitor implements Monitor {
        private final long cancelAfter;
        long total;
        long worked;

        CountingMonitor(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void begin(String taskName, long totalWork) {
            total = totalWork;
        }

        @Override
        public void worked(long units) {
            worked += units;
        }

        @Override
        public boolean isCanceled() {
            return worked >= cancelAfter;
        }
    }
}
