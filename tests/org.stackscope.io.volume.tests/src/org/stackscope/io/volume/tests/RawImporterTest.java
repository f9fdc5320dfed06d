package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.raw.RawImporter;
import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.img.cell.AbstractCellImg;
import net.imglib2.img.cell.CellImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Raw voxel files described by each header syntax or by settings, in memory and on demand, and their bad cases. */
class RawImporterTest {

    @TempDir
    Path dir;

    private final RawImporter importer = new RawImporter();

    /** Writes the {@link TestVolumes#expected} pattern as raw samples of {@code bytes} each after {@code header}. */
    private Path writePattern(String name, SampleType type, int w, int h, int d, ByteOrder order, int header)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(header + w * h * d * type.bytesPerSample()).order(order);
        b.position(header);
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = TestVolumes.expected(type, x, y, z);
                    switch (type) {
                        case UINT8 -> b.put((byte) v);
                        case UINT16, INT16 -> b.putShort((short) v);
                        case FLOAT32 -> b.putFloat((float) v);
                    }
                }
            }
        }
        return Files.write(dir.resolve(name), b.array());
    }

    private Volume read(Path file, Map<String, String> settings) throws ImportException {
        return importer.read(file, new ImportSettings(settings), Monitor.NONE);
    }

    @Test
    void keyValueHeaderBigEndianWithSkippedHeaderBytes() throws Exception {
        Path data = writePattern("scan.raw", SampleType.UINT16, 13, 11, 5, ByteOrder.BIG_ENDIAN, 64);
        Files.writeString(dir.resolve("scan.hdr"), """
                # Stackscope raw header
                dims = 13 x 11 x 5
                type = uint16
                endianness = big
                voxelSize = 0.5 0.5 1.25   # um
                headerBytes: 64
                """);
        assertEquals(Match.YES, importer.matches(data));

        Volume v = read(data, Map.of());

        TestVolumes.assertPattern(SampleType.UINT16, v, 13, 11, 5);
        assertEquals("uint16", v.sampleType());
        assertArrayEquals(new double[] {0.5, 0.5, 1.25}, v.voxelSizeUm());
        assertEquals("memory", v.metadata().get("storage"));
        assertEquals("big-endian", v.metadata().get("byteOrder"));
        assertTrue(v.image() instanceof CellImg<?, ?>, v.image().getClass().getName());
    }

    @Test
    void metaImageHeaderWithSpacingInMillimetres() throws Exception {
        writePattern("ct.raw", SampleType.INT16, 9, 7, 4, ByteOrder.LITTLE_ENDIAN, 0);
        Path mhd = Files.writeString(dir.resolve("ct.mhd"), """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = False
                CompressedData = False
                ElementSpacing = 0.0008 0.0008 0.0016
                DimSize = 9 7 4
                ElementType = MET_SHORT
                ElementDataFile = ct.raw
                """);
        assertEquals(Match.YES, importer.matches(mhd));

        Volume v = read(mhd, Map.of());

        TestVolumes.assertPattern(SampleType.INT16, v, 9, 7, 4);
        assertArrayEquals(new double[] {0.8, 0.8, 1.6}, v.voxelSizeUm(), 1e-12);
        assertEquals("header", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void metaImageWithLocalDataAndBigEndianFloats() throws Exception {
        byte[] header = """
                NDims = 3
                DimSize = 6 5 3
                ElementType = MET_FLOAT
                BinaryDataByteOrderMSB = True
                ElementDataFile = LOCAL
                """.getBytes();
        Path voxels = writePattern("tmp.bin", SampleType.FLOAT32, 6, 5, 3, ByteOrder.BIG_ENDIAN, header.length);
        byte[] all = Files.readAllBytes(voxels);
        System.arraycopy(header, 0, all, 0, header.length);
        Path mha = Files.write(dir.resolve("one.mha"), all);

        Volume v = read(mha, Map.of());

        TestVolumes.assertPattern(SampleType.FLOAT32, v, 6, 5, 3);
        assertEquals(Integer.toString(header.length), v.metadata().get("headerBytes"));
    }

    @Test
    void jsonHeaderWithFloat64StoredAsFloat32() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * 3 * 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 24; i++) {
            b.putDouble(i * 0.25 - 3);
        }
        Path data = Files.write(dir.resolve("field.vol"), b.array());
        Files.writeString(dir.resolve("field.json"), """
                {"dims": [4, 3, 2], "type": "float64", "endianness": "little", "voxelSize": 2.5}
                """);

        Volume v = read(data, Map.of());

        assertEquals("float32", v.sampleType());
        TestVolumes.assertPattern(v, 4, 3, 2, (x, y, z) -> (x + 4 * y + 12 * z) * 0.25 - 3);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, v.voxelSizeUm());
        assertEquals("float64", v.metadata().get("fileType"));
    }

    @Test
    void settingsAloneDescribeAHeaderlessFile() throws Exception {
        Path data = writePattern("bare.bin", SampleType.UINT8, 8, 6, 3, ByteOrder.LITTLE_ENDIAN, 10);
        assertEquals(Match.MAYBE, importer.matches(data));

        Volume v = read(data, Map.of("dims", "8,6,3", "type", "uint8", "headerBytes", "10", "voxelSizeZ", "3"));

        TestVolumes.assertPattern(SampleType.UINT8, v, 8, 6, 3);
        assertArrayEquals(new double[] {1, 1, 3}, v.voxelSizeUm());
        assertEquals("X=default, Y=default, Z=settings", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void settingsWinOverTheHeader() throws Exception {
        Path data = writePattern("s.raw", SampleType.UINT16, 5, 4, 3, ByteOrder.LITTLE_ENDIAN, 0);
        Files.writeString(dir.resolve("s.hdr"), "dims = 5 4 3\ntype = uint16\nendianness = big\n");

        Volume v = read(data, Map.of("endianness", "little"));

        TestVolumes.assertPattern(SampleType.UINT16, v, 5, 4, 3);
    }

    /** 512 x 512 x 80 uint16 (40 MiB) in cells of 64 planes: two cells, each read when first touched. */
    @Test
    void onDemandStorageReadsTheSameVoxelsAsMemory() throws Exception {
        int w = 512;
        int h = 512;
        int d = 80;
        Path data = writePattern("big.raw", SampleType.UINT16, w, h, d, ByteOrder.LITTLE_ENDIAN, 0);
        Files.writeString(dir.resolve("big.hdr"), "dims = 512 512 80\ntype = uint16\n");

        Volume lazy = read(data, Map.of("storage", "on-demand"));

        assertTrue(lazy.image() instanceof AbstractCellImg<?, ?, ?, ?>, lazy.image().getClass().getName());
        assertEquals("on-demand", lazy.metadata().get("storage"));
        assertEquals("64", lazy.metadata().get("storage.cellPlanes"));
        TestVolumes.assertPattern(SampleType.UINT16, lazy, w, h, d);
        long sum = 0;
        for (RealType<?> t : Views.flatIterable(lazy.image())) {
            sum += (long) t.getRealDouble();
        }
        long expected = 0;
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    expected += (long) TestVolumes.expected(SampleType.UINT16, x, y, z);
                }
            }
        }
        assertEquals(expected, sum);
    }

    private ImportException readFails(Path blamed, Path input, Map<String, String> settings, String... parts) {
        ImportException e = assertThrows(ImportException.class, () -> read(input, settings));
        assertEquals(blamed, e.file());
        assertTrue(e.getMessage().startsWith(blamed + ": "), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void wrongDimensionsInTheHeaderNameBothSizes() throws Exception {
        Path data = writePattern("wrong.raw", SampleType.UINT16, 10, 10, 4, ByteOrder.LITTLE_ENDIAN, 0);
        Files.writeString(dir.resolve("wrong.mhd"), "NDims = 3\nDimSize = 10 10 3\nElementType = MET_USHORT\n"
                + "ElementDataFile = wrong.raw\n");

        ImportException e = readFails(data, dir.resolve("wrong.mhd"), Map.of(), "holds 800 bytes",
                "10 x 10 x 3 uint16 (2 bytes each) = 600 bytes", "200 bytes too many", "MetaImage header wrong.mhd");
        assertEquals("end of file at byte 800", e.position());
    }

    @Test
    void truncatedDataSaysHowManyPlanesAreComplete() throws Exception {
        Path data = writePattern("cut.raw", SampleType.UINT8, 10, 10, 5, ByteOrder.LITTLE_ENDIAN, 0);
        Files.write(data, java.util.Arrays.copyOf(Files.readAllBytes(data), 345));
        Files.writeString(dir.resolve("cut.txt"), "dims = 10 10 5\ntype = uint8\n");

        readFails(data, data, Map.of(), "end of file at byte 345", "the file is truncated: it holds 345 bytes",
                "= 500 bytes", "only 3 of 5 planes are complete");
    }

    @Test
    void badHeaderLinesAreNamed() throws Exception {
        Path data = writePattern("b.raw", SampleType.UINT8, 4, 4, 1, ByteOrder.LITTLE_ENDIAN, 0);
        Path hdr = Files.writeString(dir.resolve("b.hdr"), "dims = 4 4 1\ntype = uint12\n");
        ImportException e = readFails(hdr, data, Map.of(), "sample type 'uint12' is not one of");
        assertEquals("line 2", e.position());

        Files.writeString(hdr, "dims = 4 -4 1\ntype = uint8\n");
        readFails(hdr, data, Map.of(), "line 1", "'-4' in '4 -4 1' is not a positive whole number");

        Files.writeString(hdr, "just some words\n");
        readFails(hdr, data, Map.of(), "line 1", "is not a 'key = value' line");
    }

    @Test
    void missingDescriptionIsExplained() throws Exception {
        Path data = writePattern("none.raw", SampleType.UINT8, 4, 4, 1, ByteOrder.LITTLE_ENDIAN, 0);
        readFails(data, data, Map.of(), "no dimensions: give 'dims = X Y Z'");
        readFails(data, data, Map.of("dims", "4 4 1"), "gives no sample type");
    }
}
