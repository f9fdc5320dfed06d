package org.stackscope.analysis.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * The voxels of a volume rearranged for transport solvers: one flat array with the transport (flow) axis as the
 * slowest index, so every slice perpendicular to the flow is contiguous: {@code index = u + nu * (v + nv * w)} with
 * {@code w} along the flow and {@code u}, {@code v} the other two axes in X, Y, Z order. Each voxel holds the index of
 * its phase in {@link #phases()} or -1 when it belongs to none of the selected phases.
 */
public final class PhaseMask {

    /** Label values of the selected phases, in the order given. */
    private final int[] phases;
    private final byte[] voxels;
    private final int nu;
    private final int nv;
    private final int nw;
    /** Voxel edge lengths (µm) along u, v, w. */
    private final double[] spacing;
    private final Axis flowAxis;

    private PhaseMask(int[] phases, byte[] voxels, int nu, int nv, int nw, double[] spacing, Axis flowAxis) {
        this.phases = phases;
        this.voxels = voxels;
        this.nu = nu;
        this.nv = nv;
        this.nw = nw;
        this.spacing = spacing;
        this.flowAxis = flowAxis;
    }

    /**
     * Parses a phase list such as {@code "0"}, {@code "0,170"} or {@code "SE,CARBON"}: label numbers or the names of
     * a label volume's phase table.
     *
     * @throws IllegalArgumentException naming the unknown phase and the known names
     */
    public static int[] parsePhases(String text, Map<Integer, String> names) {
        List<Integer> out = new ArrayList<>();
        for (String token : text.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Integer label = null;
            for (Map.Entry<Integer, String> e : names.entrySet()) {
                if (e.getValue().equalsIgnoreCase(token)) {
                    label = e.getKey();
                }
            }
            if (label == null) {
                try {
                    label = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("phase '" + token + "' is neither a label number nor one of "
                            + names.values());
                }
            }
            if (out.contains(label)) {
                throw new IllegalArgumentException("phase '" + token + "' is given twice");
            }
            out.add(label);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no phase given");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The phase names of a data object: a label volume's table, else none. */
    public static Map<Integer, String> phaseNames(DataObject data) {
        return data instanceof LabelVolume l ? l.phases() : new LinkedHashMap<>();
    }

    /** The volume of a label volume or plain volume. */
    public static Volume volumeOf(DataObject data) {
        return data instanceof LabelVolume l ? l.volume() : (Volume) data;
    }

    /**
     * Builds the mask of the given phases with {@code flowAxis} as the slowest index.
     *
     * @throws IllegalArgumentException when the volume has more than 2^31-1 voxels or non-integer values
     */
    public static PhaseMask of(Volume volume, int[] phases, Axis flowAxis, Monitor monitor) {
        if (phases.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " phases");
        }
        int maxLabel = 0;
        for (int p : phases) {
            maxLabel = Math.max(maxLabel, p);
        }
        byte[] lookup = new byte[maxLabel + 1];
        java.util.Arrays.fill(lookup, (byte) -1);
        for (int i = 0; i < phases.length; i++) {
            lookup[phases[i]] = (byte) i;
        }
        int largest = maxLabel;
        return build(volume, phases.clone(), flowAxis, monitor, value -> {
            int label = (int) value;
            return label == value && label >= 0 && label <= largest ? lookup[label] : -1;
        });
    }

    /**
     * Builds a one-phase mask of the voxels whose grey value lies in {@code [min, max]} (thresholding a grey-value
     * image); {@link #phases()} is then empty and every selected voxel has phase index 0.
     */
    public static PhaseMask ofGreyRange(Volume volume, double min, double max, Axis flowAxis, Monitor monitor) {
        return build(volume, new int[0], flowAxis, monitor, value -> value >= min && value <= max ? (byte) 0 : -1);
    }

    /** Maps a voxel value to a phase index, -1 for none. */
    private interface Classifier {
        byte phaseOf(double value);
    }

    private static PhaseMask build(Volume volume, int[] phases, Axis flowAxis, Monitor monitor,
            Classifier classifier) {
        RandomAccessibleInterval<? extends RealType<?>> image = volume.image();
        int w = flowAxis.index();
        int u = w == 0 ? 1 : 0;
        int v = w == 2 ? 1 : 2;
        long total = volume.voxelCount();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("volumes of more than 2^31 voxels are not supported by this analysis yet ("
                    + total + " voxels); crop or bin the volume");
        }
        int nu = (int) image.dimension(u);
        int nv = (int) image.dimension(v);
        int nw = (int) image.dimension(w);
        byte[] voxels = new byte[(int) total];
        monitor.begin("Selecting phases", nw);
        if (w == 2 && copyByteSlices(image, classifier, voxels, nu * nv, monitor)) {
            monitor.worked(nw);
        } else {
            for (int k = 0; k < nw; k++) {
                monitor.checkCanceled();
                // a slice perpendicular to the flow, iterated with its first remaining axis fastest: (u, v) order
                RandomAccessibleInterval<? extends RealType<?>> slice = Views.hyperSlice(image, w, image.min(w) + k);
                Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
                int offset = k * nu * nv;
                int i = 0;
                while (c.hasNext()) {
                    voxels[offset + i++] = classifier.phaseOf(c.next().getRealDouble());
                }
                monitor.worked(1);
            }
        }
        double[] size = volume.voxelSizeUm();
        return new PhaseMask(phases, voxels, nu, nv, nw, new double[] { size[u], size[v], size[w] }, flowAxis);
    }

    /**
     * The fast path for 8-bit images held as byte arrays (one per Z slice or one for the whole volume) with the flow
     * along Z: their slices are already in (u, v) order, so each byte maps through a 256-entry table, instead of a
     * cursor and a classification per voxel. Returns false, having done nothing, for any other image.
     */
    private static boolean copyByteSlices(RandomAccessibleInterval<? extends RealType<?>> image, Classifier classifier,
            byte[] voxels, int plane, Monitor monitor) {
        if (image.numDimensions() != 3 || !(image.getType() instanceof UnsignedByteType)) {
            return false;
        }
        byte[] lookup = new byte[256];
        for (int value = 0; value < 256; value++) {
            lookup[value] = classifier.phaseOf(value);
        }
        if (image instanceof PlanarImg<?, ?> planar && planar.numSlices() == voxels.length / plane
                && planar.getPlane(0) instanceof ByteArray) {
            for (int k = 0; k < planar.numSlices(); k++) {
                monitor.checkCanceled();
                byte[] source = ((ByteArray) planar.getPlane(k)).getCurrentStorageArray();
                for (int i = 0; i < plane; i++) {
                    voxels[k * plane + i] = lookup[source[i] & 0xff];
                }
            }
            return true;
        }
        if (image instanceof ArrayImg<?, ?> array && array.update(null) instanceof ByteArray bytes
                && bytes.getCurrentStorageArray().length == voxels.length) {
            byte[] source = bytes.getCurrentStorageArray();
            for (int i = 0; i < voxels.length; i++) {
                voxels[i] = lookup[source[i] & 0xff];
            }
            return true;
        }
        return false;
    }

    /** A mask from a flat array already in (u, v, w) order, for tests and generated structures. */
    public static PhaseMask of(byte[] voxels, int nu, int nv, int nw, double[] spacing, int[] phases, Axis flowAxis) {
        if ((long) nu * nv * nw != voxels.length) {
            throw new IllegalArgumentException("dimensions " + nu + "x" + nv + "x" + nw + " do not match "
                    + voxels.length + " voxels");
        }
        return new PhaseMask(phases.clone(), voxels, nu, nv, nw, spacing.clone(), flowAxis);
    }

    public int[] phases() {
        return phases.clone();
    }

    /** Number of distinct phase indices in {@link #voxels()} (1 for a grey-value range). */
    public int phaseCount() {
        return Math.max(1, phases.length);
    }

    /** Phase index per voxel (-1 = none), flat in (u, v, w) order; shared, not copied: do not modify. */
    public byte[] voxels() {
        return voxels;
    }

    public int nu() {
        return nu;
    }

    public int nv() {
        return nv;
    }

    /** Number of slices along the flow. */
    public int nw() {
        return nw;
    }

    /** Voxel edge lengths in µm along u, v and w (the flow). */
    public double[] spacing() {
        return spacing.clone();
    }

    public Axis flowAxis() {
        return flowAxis;
    }

    /** Fraction of all voxels that belong to the selected phases. */
    public double fraction() {
        long n = 0;
        for (byte b : voxels) {
            if (b >= 0) {
                n++;
            }
        }
        return (double) n / voxels.length;
    }
}
