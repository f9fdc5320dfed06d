package org.stackscope.io.volume.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.PlaneSource;
import org.stackscope.io.volume.store.VolumeStorage;
import org.stackscope.io.volume.tiff.SampleType;

/**
 * Headerless voxel files ({@code .raw}, {@code .bin}, {@code .vol}) described by a sidecar header and/or import
 * settings; X fastest, then Y, then Z. The header is found next to the data file by name ({@code scan.mhd},
 * {@code scan.hdr}, {@code scan.txt}, {@code scan.json}, or {@code scan.raw.hdr} ...), or the header itself is
 * imported ({@code .mhd}, {@code .mha}). See {@link RawHeader} for the syntaxes. Settings, which win over the header:
 * {@code dims} ("X Y Z"), {@code type}, {@code endianness} (little | big; default little), {@code voxelSize} (µm, one
 * or three numbers), {@code voxelSizeX/Y/Z}, {@code headerBytes}, {@code pressureAxis}, and {@code storage} (see
 * {@link VolumeStorage}). The file size must equal headerBytes + X·Y·Z·bytes per sample.
 */
public final class RawImporter implements Importer<Volume> {

    static final List<String> DATA_EXTENSIONS = List.of("raw", "bin", "vol");
    private static final List<String> HEADER_EXTENSIONS = List.of("mhd", "hdr", "txt", "json");
    private static final String[] VOXEL_SIZE_PER_AXIS = {"voxelSizeX", "voxelSizeY", "voxelSizeZ"};

    @Override
    public Match matches(Path file) {
        if (!Files.isRegularFile(file)) {
            return Match.NO;
        }
        String ext = extension(file);
        if (ext.equals("mhd") || ext.equals("mha")) {
            return startsLikeMetaImage(file) ? Match.YES : Match.MAYBE;
        }
        if (DATA_EXTENSIONS.contains(ext)) {
            return findHeader(file) != null ? Match.YES : Match.MAYBE;
        }
        return Match.NO;
    }

    @Override
    public Volume read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file, "", Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
        }
        try {
            RawLayout layout = layout(file, settings);
            long expected = layout.dataBytes();
            long size = Files.size(layout.dataFile());
            long header = layout.headerBytes() == RawHeader.AT_END ? size - expected : layout.headerBytes();
            if (header < 0 || size != header + expected) {
                throw sizeMismatch(layout, size, header, expected);
            }
            Axis pressureAxis = Axis.parse(settings.get("pressureAxis", Axis.Z.name()));
            PlaneSource source = planes(layout, header);
            VolumeStorage.Stored stored = VolumeStorage.load(layout.dataFile(), "bytes " + header + "-" + (size - 1),
                    layout.type().stored, layout.dims()[0], layout.dims()[1], layout.dims()[2], source, settings,
                    monitor);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "raw");
            metadata.put("header", layout.describedBy());
            metadata.put("dataFile", layout.dataFile().getFileName().toString());
            metadata.put("fileType", layout.type().id);
            metadata.put("byteOrder", layout.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian");
            metadata.put("headerBytes", Long.toString(header));
            metadata.put("voxelSizeSource", layout.voxelSizeSource());
            metadata.putAll(stored.metadata());
            return new Volume(stored.image(), layout.type().stored.id(), layout.voxelSizeUm(), pressureAxis,
                    metadata);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        } catch (CanceledException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, "import settings", e.getMessage(), e);
        }
    }

    /** The file-size check names both numbers and what the header promised. */
    private static ImportException sizeMismatch(RawLayout layout, long size, long header, long expected) {
        long[] d = {layout.dims()[0], layout.dims()[1], layout.dims()[2]};
        String described = d[0] + " x " + d[1] + " x " + d[2] + " " + layout.type().id + " (" + layout.type().bytes
                + " bytes each) = " + expected + " bytes"
                + (layout.headerBytes() == RawHeader.AT_END ? "" : " after a header of " + header + " bytes");
        String verdict;
        if (size < header + expected) {
            long planeBytes = d[0] * d[1] * layout.type().bytes;
            long complete = Math.max(0, (size - Math.max(0, header)) / planeBytes);
            verdict = "the file is truncated: it holds " + size + " bytes but " + layout.describedBy() + " describes "
                    + described + ", " + (header + expected) + " in all; only " + complete + " of " + d[2]
                    + " planes are complete";
        } else {
            verdict = "the file holds " + size + " bytes but " + layout.describedBy() + " describes " + described
                    + ", " + (header + expected) + " in all: " + (size - header - expected) + " bytes too many; "
                    + "check dims, type and headerBytes";
        }
        return new ImportException(layout.dataFile(), "end of file at byte " + size, verdict);
    }

    /** The planes of a raw file: positional reads of whole planes, decoded into the sample arrays. */
    private static PlaneSource planes(RawLayout layout, long headerBytes) {
        long planeSamples = (long) layout.dims()[0] * layout.dims()[1];
        RawType type = layout.type();
        return () -> {
            FileChannel channel = FileChannel.open(layout.dataFile(), StandardOpenOption.READ);
            return new PlaneSource.Session() {
                private ByteBuffer buffer = ByteBuffer.allocate(0);

                @Override
                public void read(int firstZ, int depth, Object samples) throws IOException {
                    // whole planes per read, in chunks of at most 64 MiB of file bytes; one buffer per session
                    int planesPerRead = (int) Math.max(1, Math.min(depth, (64L << 20) / (planeSamples * type.bytes)));
                    int bytes = (int) (planesPerRead * planeSamples * type.bytes);
                    if (buffer.capacity() < bytes) {
                        buffer = ByteBuffer.allocate(bytes).order(layout.order());
                    }
                    for (int z = 0; z < depth; z += planesPerRead) {
                        int n = Math.min(planesPerRead, depth - z);
                        buffer.clear().limit((int) (n * planeSamples * type.bytes));
                        long at = headerBytes + (firstZ + z) * planeSamples * type.bytes;
                        while (buffer.hasRemaining()) {
                            if (channel.read(buffer, at + buffer.position()) < 0) {
                                throw new IOException("unexpected end of file at byte " + (at + buffer.position()));
                            }
                        }
                        buffer.flip();
                        type.decode(buffer, samples, (int) (z * planeSamples), (int) (n * planeSamples));
                    }
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        };
    }

    /** Header (if any) overlaid with the settings, checked, as one layout. */
    static RawLayout layout(Path file, ImportSettings settings) throws ImportException, IOException {
        Path headerFile = HEADER_EXTENSIONS.contains(extension(file)) || RawHeader.isMetaImage(file) ? file
                : findHeader(file);
        RawHeader header = headerFile == null ? RawHeader.empty() : RawHeader.parse(headerFile);
        for (Map.Entry<String, String> s : settings.values().entrySet()) {
            String key = RawHeader.canonicalKey(s.getKey());
            if (key != null && !key.equals(RawHeader.DATA_FILE)) {
                header.values.put(key, new RawHeader.Value(s.getValue(), file, "import settings"));
            }
        }
        Path dataFile = dataFile(file, headerFile, header);
        return RawLayout.of(dataFile, header, headerFile, settings, VOXEL_SIZE_PER_AXIS);
    }

    private static Path dataFile(Path file, Path headerFile, RawHeader header) throws ImportException {
        if (headerFile != file) {
            return file;
        }
        RawHeader.Value named = header.values.get(RawHeader.DATA_FILE);
        Path folder = file.toAbsolutePath().getParent();
        if (named != null) {
            Path data = folder.resolve(named.text());
            if (!Files.isRegularFile(data)) {
                throw new ImportException(file, named.position(), "the data file '" + named.text()
                        + "' does not exist next to the header");
            }
            return data;
        }
        for (String ext : DATA_EXTENSIONS) {
            Path data = folder.resolve(stem(file) + "." + ext);
            if (Files.isRegularFile(data)) {
                return data;
            }
        }
        throw new ImportException(file, "", "no data file: add 'dataFile = ...' to the header or put "
                + stem(file) + ".raw next to it");
    }

    /** The sidecar header of a data file, or null. */
    static Path findHeader(Path dataFile) {
        Path folder = dataFile.toAbsolutePath().getParent();
        String name = dataFile.getFileName().toString();
        for (String ext : HEADER_EXTENSIONS) {
            for (String candidate : new String[] {stem(dataFile) + "." + ext, name + "." + ext}) {
                Path h = folder.resolve(candidate);
                if (Files.isRegularFile(h)) {
                    return h;
                }
            }
        }
        return null;
    }

    private static boolean startsLikeMetaImage(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading()
                    .toLowerCase(Locale.ROOT);
            return start.startsWith("objecttype") || start.startsWith("ndims");
        } catch (IOException e) {
            return false;
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
