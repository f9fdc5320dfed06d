package org.stackscope.ui.preview;

import java.nio.file.Path;
import java.util.Map;

import org.stackscope.core.api.Importer;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImgs;

/**
 * Makes up a segmented 40×40×30 composite electrode for any {@code .labels} file: the active material fraction grows
 * along Z at the expense of the solid electrolyte, with some pores.
 */
public final class SyntheticLabelsImporter implements Importer<LabelVolume> {

    static final Map<Integer, String> PHASES = Map.of(0, LabelVolume.VOID, 1, LabelVolume.SE, 2, LabelVolume.AM);

    @Override
    public Match matches(Path file) {
        return file.getFileName().toString().endsWith(".labels") ? Match.YES : Match.NO;
    }

    @Override
    public LabelVolume read(Path file, ImportSettings settings, Monitor monitor) {
        int nx = 40;
        int ny = 40;
        int nz = 30;
        byte[] labels = new byte[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = x + nx * (y + ny * z);
                    boolean pore = (x * 7 + y * 13 + z * 3) % 11 == 0;
                    boolean activeMaterial = (x + y) % nz < z;
                    labels[i] = (byte) (pore ? 0 : activeMaterial ? 2 : 1);
                }
            }
        }
        Volume volume = new Volume(ArrayImgs.unsignedBytes(labels, nx, ny, nz), "uint8",
                new double[] { 0.5, 0.5, 0.5 }, Axis.Z, Map.of());
        return new LabelVolume(volume, PHASES);
    }
}
