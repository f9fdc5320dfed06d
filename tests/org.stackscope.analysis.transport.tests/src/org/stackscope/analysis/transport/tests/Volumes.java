package org.stackscope.analysis.transport.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffImporter;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Test volumes: labels from a function of (x, y, z), and the shared peer volumes. */
final class Volumes {

    interface LabelFunction {
        int label(int x, int y, int z);
    }

    private Volumes() {
    }

    static Volume of(int nx, int ny, int nz, double[] voxelSize, LabelFunction f) {
        ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(nx, ny, nz);
        var ra = img.randomAccess();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    ra.setPositionAndGet(x, y, z).set(f.label(x, y, z));
                }
            }
        }
        return new Volume(img, "uint8", voxelSize, Axis.Z, Map.of());
    }

    static Volume of(int nx, int ny, int nz, LabelFunction f) {
        return of(nx, ny, nz, new double[] { 1, 1, 1 }, f);
    }

    static Inputs inputs(DataObject data) {
        return new Inputs(List.of(new Inputs.Input(Path.of("test.tif"), "0", "tiff", data)));
    }

    /** A volume of shared/testdata/volumes (folder from the system property stackscope.shared); skips if absent. */
    static Volume shared(String name) throws Exception {
        String shared = System.getProperty("stackscope.shared");
        Path file = shared == null ? null : Path.of(shared, "testdata", "volumes", name);
        assumeTrue(file != null && Files.isRegularFile(file), "shared test data not available: " + name);
        return new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
    }
}
