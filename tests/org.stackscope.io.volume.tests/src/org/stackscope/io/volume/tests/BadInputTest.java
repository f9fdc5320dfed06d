package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffWriter;

/** Every kind of bad input ends in an ImportException whose message names the file, the place and the reason. */
class BadInputTest {

    @TempDir
    Path dir;

    private ImportException readFails(Path file, String... reasonParts) {
        return readFails(file, ImportSettings.DEFAULTS, reasonParts);
    }

    private ImportException readFails(Path file, ImportSettings settings, String... reasonParts) {
        ImportException e = assertThrows(ImportException.class,
                () -> new TiffImporter().read(file, settings, Monitor.NONE));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        for (String part : reasonParts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
        return e;
    }

    private static HandBuiltTiff.Page grey8x8(HandBuiltTiff tiff) {
        return tiff.page().grey8(8, 8, 1, 8).strip(new byte[64]);
    }

    @Test
    void textFileRenamedToTif() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.tif"), "Hello, this is text\n");

        ImportException e = readFails(file, "not a TIFF file: starts with bytes 48 65 6c 6c, expected 'II*\\0', "
                + "'MM\\0*' or BigTIFF");
        assertEquals("header", e.position());
    }

    @Test
    void fileShorterThanAHeader() throws Exception {
        readFails(Files.write(dir.resolve("tiny.tif"), new byte[] {'I', 'I', 42}), "not a TIFF file");
    }

    @Test
    void missingFile() {
        readFails(dir.resolve("absent.tif"), "no such file");
    }

    @Test
    void folderInsteadOfFile() throws Exception {
        readFails(Files.createDirectory(dir.resolve("slices.tif")), "is a folder, not a file", "'tiff-sequence'");
    }

    @Test
    void stripBeyondTheEndOfTheFile() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(64, 64, 1, 64).tag(273, HandBuiltTiff.LONG, 123456).tag(279, HandBuiltTiff.LONG, 4096);
        Path file = tiff.write(dir.resolve("cut.tif"));

        ImportException e = readFails(file, "strip of 4096 bytes extends beyond the end of the file (",
                "the file is truncated");
        assertEquals("page 1, strip 1 at byte 123456", e.position());
    }

    @Test
    void fileCutShortAfterWriting() throws Exception {
        Path file = dir.resolve("v.tif");
        TiffWriter.write(TestVolumes.pattern(SampleType.UINT16, 64, 64, 4, 1, 1, 1), file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }

        readFails(file, "beyond the end of the file", "truncated");
    }

    @Test
    void zeroWidth() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(0, 8, 1, 8).strip(new byte[8]);

        readFails(tiff.write(dir.resolve("w0.tif")), "page 1 (IFD at byte", "the image is 0 x 8 pixels");
    }

    @Test
    void planeLargerThanAJavaArray() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(70000, 70000, 8, 70000).strip(new byte[100]);

        readFails(tiff.write(dir.resolve("huge.tif")), "70000 x 70000 = 4900000000 samples",
                "2^31-1 samples");
    }

    @Test
    void dimensionsTheCompressedBytesCannotHold() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(40000, 40000, 8, 40000).strip(deflate(new byte[1000]));

        readFails(tiff.write(dir.resolve("absurd.tif")), "page 1, strip 1 at byte 8",
                "cannot decode into the 1600000000 bytes", "maximum deflate ratio of 1032:1");
    }

    @Test
    void uncompressedStripShorterThanItsRows() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(40000, 40000, 1, 40000).strip(new byte[1000]);

        readFails(tiff.write(dir.resolve("short.tif")), "strip holds 1000 bytes but 1600000000 are needed");
    }

    /** 600 IFDs share one compressed 4096 x 4096 plane: 9.4 GiB of pixels from a file of under 100 kB. */
    private Path nineGigabytesOfPages() throws Exception {
        byte[] plane = deflate(new byte[4096 * 4096]);
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(4096, 4096, 8, 4096).strip(plane);
        for (int i = 1; i < 600; i++) {
            tiff.page().grey8(4096, 4096, 8, 4096).tag(273, HandBuiltTiff.LONG, 8)
                    .tag(279, HandBuiltTiff.LONG, plane.length);
        }
        return tiff.write(dir.resolve("many.tif"));
    }

    @Test
    void volumeLargerThanTheJavaHeapIsRefusedBeforeAllocationInMemoryMode() throws Exception {
        readFails(nineGigabytesOfPages(), new ImportSettings(Map.of("storage", "memory")),
                "4096 x 4096 x 600 uint8 samples needs 9600 MB", "Java heap", "-Xmx");
    }

    /** By default such a volume is cell-backed: planes are decoded when touched, two 16 MiB planes per cell. */
    @Test
    void volumeLargerThanTheJavaHeapIsReadOnDemand() throws Exception {
        var volume = new TiffImporter().read(nineGigabytesOfPages(), ImportSettings.DEFAULTS, Monitor.NONE);

        assertEquals("on-demand", volume.metadata().get("storage"));
        assertEquals("2", volume.metadata().get("storage.cellPlanes"));
        var ra = volume.image().randomAccess();
        ra.setPosition(new long[] {4095, 4095, 599});
        assertEquals(0, ra.get().getRealDouble());
    }

    @Test
    void corruptDeflateData() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        byte[] garbage = new byte[40];
        Arrays.fill(garbage, (byte) 0x5a);
        tiff.page().grey8(8, 8, 8, 8).strip(garbage);

        ImportException e = readFails(tiff.write(dir.resolve("bad.tif")), "corrupt Deflate data");
        assertEquals("page 1, strip 1 at byte 8", e.position());
    }

    @Test
    void truncatedDeflateStream() throws Exception {
        byte[] full = deflate(TestVolumes.noiseBytes(64 * 64));
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(64, 64, 8, 64).strip(Arrays.copyOf(full, full.length / 2));

        readFails(tiff.write(dir.resolve("cut.tif")), "Deflate data ends after", "of 4096 bytes");
    }

    @Test
    void corruptLzwData() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        // 9-bit codes 256 (clear) then 300, which cannot follow a clear: 10000000 01001011 00......
        tiff.page().grey8(8, 8, 5, 8).strip(new byte[] {(byte) 0x80, 0x4b, 0, 0, 0, 0, 0, 0});

        readFails(tiff.write(dir.resolve("lzw.tif")), "page 1, strip 1 at byte 8", "corrupt LZW data: code 300");
    }

    @Test
    void pagesOfDifferentSize() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        grey8x8(tiff);
        tiff.page().grey8(8, 9, 1, 9).strip(new byte[72]);

        readFails(tiff.write(dir.resolve("sizes.tif")), "page 2 (IFD at byte",
                "this page is 8 x 9 uint8 but page 1 is 8 x 8 uint8");
    }

    @Test
    void pagesOfDifferentBitDepth() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        grey8x8(tiff);
        tiff.page().grey8(8, 8, 1, 8).tag(258, HandBuiltTiff.SHORT, 16).strip(new byte[128]);

        readFails(tiff.write(dir.resolve("depths.tif")), "this page is 8 x 8 uint16 but page 1 is 8 x 8 uint8");
    }

    @Test
    void unsupportedCompressionIsNamed() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(8, 8, 7, 8).strip(new byte[64]);

        readFails(tiff.write(dir.resolve("jpeg.tif")), "compression 7 (JPEG) is not supported");
    }

    @Test
    void ifdLoop() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        grey8x8(tiff);
        grey8x8(tiff).nextIs(0);

        readFails(tiff.write(dir.resolve("loop.tif")), "IFD loop");
    }

    @Test
    void ifdPointingToItself() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        grey8x8(tiff).nextIs(0);

        ImportException e = readFails(tiff.write(dir.resolve("self.tif")), "IFD loop");
        assertTrue(e.position().startsWith("IFD at byte "), e.position());
    }

    @Test
    void ifdOffsetBeyondTheEnd() throws Exception {
        byte[] header = {'I', 'I', 42, 0, 0, 0, 1, 0};

        readFails(Files.write(dir.resolve("noifd.tif"), header), "the IFD lies beyond the end of the file");
    }

    @Test
    void rgbIsRejectedWithAHint() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(8, 8, 1, 8).tag(262, HandBuiltTiff.SHORT, 2).tag(277, HandBuiltTiff.SHORT, 3)
                .tag(258, HandBuiltTiff.SHORT, 8, 8, 8).strip(new byte[192]);

        readFails(tiff.write(dir.resolve("rgb.tif")), "RGB colour images (PhotometricInterpretation 2) are not "
                + "supported", "greyscale");
    }

    @Test
    void oneBitImagesAreRejected() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(8, 8, 1, 8).tag(258, HandBuiltTiff.SHORT, 1).strip(new byte[8]);

        readFails(tiff.write(dir.resolve("bits.tif")), "1-bit samples of SampleFormat 1 (unsigned integer)",
                "uint8, uint16, int16 and float32");
    }

    @Test
    void floatingPointPredictorIsRejected() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        tiff.page().grey8(8, 8, 8, 8).tag(258, HandBuiltTiff.SHORT, 32).tag(339, HandBuiltTiff.SHORT, 3)
                .tag(317, HandBuiltTiff.SHORT, 3).strip(deflate(new byte[256]));

        readFails(tiff.write(dir.resolve("fp.tif")), "Predictor 3 (floating point) is not supported");
    }

    @Test
    void multiChannelImageJHyperstackIsRejected() throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        grey8x8(tiff).ascii(270, "ImageJ=1.54f\nimages=2\nchannels=2\nhyperstack=true\n");
        grey8x8(tiff);

        readFails(tiff.write(dir.resolve("hyper.tif")), "ImageJ hyperstack with 2 channels");
    }

    @Test
    void invalidSettingsAreImportErrors() throws Exception {
        Path file = dir.resolve("ok.tif");
        TiffWriter.write(TestVolumes.pattern(SampleType.UINT8, 4, 4, 2, 1, 1, 1), file);

        readFails(file, new ImportSettings(Map.of("voxelSize", "-1")), "voxelSize=-1 is not a positive number");
        readFails(file, new ImportSettings(Map.of("pressureAxis", "Q")), "axis 'Q' is not one of X, Y, Z");
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
