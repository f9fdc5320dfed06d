package org.stackscope.io.volume.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.PlaneSource;
import org.stackscope.io.volume.store.Planes;
import org.stackscope.io.volume.store.VolumeStorage;
import org.stackscope.io.volume.tiff.SampleType;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * A 3-D (or 2-D) numeric dataset of an HDF5 or NeXus file, read with jHDF slab by slab (never the whole dataset as
 * one Java array). HDF5 dimensions (d0, d1, d2), last fastest, become Z, Y, X. Settings: {@code dataset} (path, e.g.
 * {@code /entry/data/data}; default: the NeXus default NXdata's signal, else the first 3-D numeric dataset, depth
 * first in name order), {@code voxelSize}, {@code voxelSizeX/Y/Z} (µm), {@code pressureAxis}, {@code storage}.
 * Voxel size otherwise comes from the NXdata axes (spacing of the axis values, in their {@code units}), else an
 * {@code element_size_um} attribute (z, y, x; ilastik / Fiji convention), else 1 µm. Types: 8- and 16-bit integers
 * as they are (int8 as int16), 32/64-bit integers and floats as float32.
 */
public final class Hdf5Importer implements Importer<Volume> {

    public static final String DATASET = "dataset";
    static final List<String> EXTENSIONS = List.of("h5", "hdf5", "hdf", "he5", "nxs", "nx5");
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Bytes of decoded samples per jHDF slab read; jHDF builds nested arrays, so slabs stay modest. */
    private static final long SLAB_BYTES = 32L << 20;

    @Override
    public Match matches(Path file) {
        if (!Files.isRegularFile(file)) {
            return Match.NO;
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
                return Match.YES;
            }
        } catch (IOException e) {
            return Match.NO;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(e -> name.endsWith("." + e)) ? Match.MAYBE : Match.NO;
    }

    @Override
    public Volume read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file, "", Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
        }
        DatasetInfo info;
        try (HdfFile hdf = open(file)) {
            Dataset dataset = select(file, hdf, settings.get(DATASET, null));
            info = DatasetInfo.of(file, dataset, settings);
        } catch (HdfException e) {
            throw new ImportException(file, "", "could not be read as HDF5 (" + e.getMessage() + ")", e);
        }
        try {
            Axis pressureAxis = Axis.parse(settings.get("pressureAxis", Axis.Z.name()));
            VolumeStorage.Stored stored = VolumeStorage.load(file, "dataset " + info.path(), info.type(), info.width(),
                    info.height(), info.depth(), planes(file, info), settings, monitor);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "hdf5");
            metadata.put(DATASET, info.path());
            metadata.put("datasetShape", info.shape());
            metadata.put("fileType", info.fileType());
            metadata.put("voxelSizeSource", info.voxelSizeSource());
            metadata.putAll(stored.metadata());
            return new Volume(stored.image(), info.type().id(), info.voxelSizeUm(), pressureAxis, metadata);
        } catch (CanceledException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, "import settings", e.getMessage(), e);
        }
    }

    private static HdfFile open(Path file) throws ImportException {
        try {
            return new HdfFile(file);
        } catch (HdfException e) {
            throw new ImportException(file, "superblock", "not an HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    /** The dataset named by the settings, or the NeXus signal, or the first 3-D numeric dataset. */
    static Dataset select(Path file, HdfFile hdf, String path) throws ImportException {
        if (path != null && !path.isBlank()) {
            Node node;
            try {
                node = hdf.getByPath(path.trim());
            } catch (HdfException e) {
                throw new ImportException(file, "dataset " + path.trim(), "no such path in the file; 2-D/3-D "
                        + "numeric datasets: " + describe(numericDatasets(hdf)));
            }
            if (!(node instanceof Dataset d)) {
                throw new ImportException(file, "dataset " + path.trim(), "is a group, not a dataset; 2-D/3-D "
                        + "numeric datasets: " + describe(numericDatasets(hdf)));
            }
            return d;
        }
        Dataset signal = NeXus.signal(hdf);
        if (signal != null) {
            return signal;
        }
        List<Dataset> numeric = numericDatasets(hdf);
        for (Dataset d : numeric) {
            if (d.getDimensions().length == 3) {
                return d;
            }
        }
        throw new ImportException(file, "", "holds no 3-D numeric dataset" + (numeric.isEmpty() ? ""
                : "; 2-D/3-D numeric datasets: " + describe(numeric)) + ": name one with the setting 'dataset'");
    }

    /** Numeric datasets depth first, children in name order (links are not followed). */
    static List<Dataset> numericDatasets(Group group) {
        List<Dataset> out = new ArrayList<>();
        for (Node child : new TreeMap<>(group.getChildren()).values()) {
            if (child.isLink()) {
                continue;
            }
            if (child instanceof Group g) {
                out.addAll(numericDatasets(g));
            } else if (child instanceof Dataset d && !d.isScalar() && isNumeric(d.getDataType())) {
                out.add(d);
            }
        }
        return out;
    }

    static boolean isNumeric(DataType t) {
        return t instanceof FixedPoint || t instanceof FloatingPoint;
    }

    /** The 2-D and 3-D numeric datasets (those that could be volumes) with their shapes. */
    private static String describe(List<Dataset> numeric) {
        List<Dataset> datasets = numeric.stream().filter(d -> d.getDimensions().length == 2 || d.getDimensions()
                .length == 3).toList();
        if (datasets.isEmpty()) {
            return "none";
        }
        List<String> names = datasets.stream().limit(10).map(d -> d.getPath() + " " + Arrays.toString(d
                .getDimensions())).toList();
        return String.join(", ", names) + (datasets.size() > 10 ? ", ..." : "");
    }

    /** Slabs of planes through jHDF's sliced reads, one HdfFile per session. */
    private static PlaneSource planes(Path file, DatasetInfo info) {
        long planeSamples = (long) info.width() * info.height();
        return () -> {
            HdfFile hdf = new HdfFile(file);
            return new PlaneSource.Session() {
                private final Dataset dataset = hdf.getDatasetByPath(info.path());

                @Override
                public void read(int firstZ, int depth, Object samples) throws IOException {
                    int perRead = (int) Math.max(1, Math.min(depth, SLAB_BYTES / (planeSamples * 4)));
                    try {
                        for (int z = 0; z < depth; z += perRead) {
                            int n = Math.min(perRead, depth - z);
                            int offset = (int) (z * planeSamples);
                            if (info.threeD()) {
                                Object[] slab = (Object[]) dataset.getData(new long[] {firstZ + z, 0, 0},
                                        new int[] {n, info.height(), info.width()});
                                for (Object plane : slab) {
                                    for (Object row : (Object[]) plane) {
                                        Planes.copy(row, samples, offset);
                                        offset += info.width();
                                    }
                                }
                            } else {
                                for (Object row : (Object[]) dataset.getData()) {
                                    Planes.copy(row, samples, offset);
                                    offset += info.width();
                                }
                            }
                        }
                    } catch (HdfException e) {
                        throw new IOException("jHDF: " + e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    hdf.close();
                }
            };
        };
    }

    /** The dataset's facts needed to read it, checked. */
    record DatasetInfo(String path, int width, int height, int depth, boolean threeD, SampleType type, String fileType,
            double[] voxelSizeUm, String voxelSizeSource) {

        String shape() {
            return threeD ? depth + " x " + height + " x " + width : height + " x " + width;
        }

        static DatasetInfo of(Path file, Dataset d, ImportSettings settings) throws ImportException {
            String where = "dataset " + d.getPath();
            long[] dims = d.getDimensionsAsLong();
            if (dims.length != 3 && dims.length != 2) {
                throw new ImportException(file, where, "has " + dims.length + " dimensions " + Arrays.toString(dims)
                        + "; a volume needs 3 (Z, Y, X) or 2 (Y, X)");
            }
            for (long n : dims) {
                if (n < 1 || n > Integer.MAX_VALUE - 8) {
                    throw new ImportException(file, where, "dimensions " + Arrays.toString(dims) + " are empty or "
                            + "too large");
                }
            }
            DataType t = d.getDataType();
            SampleType type;
            String fileType;
            if (t instanceof FixedPoint f) {
                fileType = (f.isSigned() ? "int" : "uint") + (f.getSize() * 8);
                type = switch (fileType) {
                    case "uint8" -> SampleType.UINT8;
                    case "uint16" -> SampleType.UINT16;
                    case "int8", "int16" -> SampleType.INT16;
                    case "int32", "uint32", "int64" -> SampleType.FLOAT32;
                    default -> null;
                };
            } else if (t instanceof FloatingPoint) {
                fileType = "float" + (t.getSize() * 8);
                type = SampleType.FLOAT32;
            } else {
                fileType = t.getClass().getSimpleName();
                type = null;
            }
            if (type == null) {
                throw new ImportException(file, where, "holds " + fileType + " values; Stackscope reads 8/16/32/"
                        + "64-bit integers (not uint64) and floats");
            }
            boolean threeD = dims.length == 3;
            int w = (int) dims[dims.length - 1];
            int h = (int) dims[dims.length - 2];
            int z = threeD ? (int) dims[0] : 1;
            NeXus.Calibration cal = NeXus.voxelSize(d, settings);
            return new DatasetInfo(d.getPath(), w, h, z, threeD, type, fileType, cal.sizeUm(), cal.source());
        }
    }
}
