package org.stackscope.io.volume.hdf5;

import java.lang.reflect.Array;
import java.util.Locale;

import org.stackscope.core.api.ImportSettings;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * The NeXus conventions the importer uses: the default plottable data (root {@code default} -> NXentry
 * {@code default} -> NXdata {@code signal}, or the first NXentry/NXdata when no default is named, or an old-style
 * dataset attribute {@code signal=1}), and the voxel size from the NXdata {@code axes} datasets and their
 * {@code units}.
 */
final class NeXus {

    private static final String[] AXIS_NAMES = {"X", "Y", "Z"};
    private static final String[] VOXEL_SIZE_PER_AXIS = {"voxelSizeX", "voxelSizeY", "voxelSizeZ"};

    record Calibration(double[] sizeUm, String source) {
    }

    private NeXus() {
    }

    /** The signal dataset of the default NXdata, or null when the file does not follow NeXus. */
    static Dataset signal(Group root) {
        Group entry = child(root, text(root.getAttribute("default")), "NXentry");
        Group data = entry == null ? null : child(entry, text(entry.getAttribute("default")), "NXdata");
        if (data == null) {
            return null;
        }
        String signal = text(data.getAttribute("signal"));
        if (signal != null && data.getChildren().get(signal) instanceof Dataset d) {
            return d;
        }
        for (Node n : data) {
            if (n instanceof Dataset d && "1".equals(text(n.getAttribute("signal")))) {
                return d;
            }
        }
        return null;
    }

    /** The child group named {@code name}, else the first child group of class {@code nxClass}. */
    private static Group child(Group parent, String name, String nxClass) {
        if (name != null && parent.getChildren().get(name) instanceof Group g) {
            return g;
        }
        for (Node n : parent) {
            if (n instanceof Group g && !n.isLink() && nxClass.equals(text(n.getAttribute("NX_class")))) {
                return g;
            }
        }
        return null;
    }

    /** Per axis (X, Y, Z): settings, else NXdata axes, else element_size_um, else 1 µm. */
    static Calibration voxelSize(Dataset dataset, ImportSettings settings) {
        int rank = dataset.getDimensions().length;
        double[] fromFile = fromAxes(dataset, rank);
        String fileSource = "NeXus axes";
        if (Double.isNaN(fromFile[0]) && Double.isNaN(fromFile[1]) && Double.isNaN(fromFile[2])) {
            fromFile = fromElementSize(dataset, rank);
            fileSource = "element_size_um";
        }
        double isotropic = settings.getPositive("voxelSize", Double.NaN);
        double[] size = new double[3];
        String[] source = new String[3];
        for (int a = 0; a < 3; a++) {
            double configured = settings.getPositive(VOXEL_SIZE_PER_AXIS[a], isotropic);
            if (!Double.isNaN(configured)) {
                size[a] = configured;
                source[a] = "settings";
            } else if (!Double.isNaN(fromFile[a])) {
                size[a] = fromFile[a];
                source[a] = fileSource;
            } else {
                size[a] = 1;
                source[a] = "default";
            }
        }
        String s = source[0].equals(source[1]) && source[1].equals(source[2]) ? source[0]
                : AXIS_NAMES[0] + "=" + source[0] + ", " + AXIS_NAMES[1] + "=" + source[1] + ", " + AXIS_NAMES[2]
                        + "=" + source[2];
        return new Calibration(size, s);
    }

    /** X, Y, Z spacing in µm of the NXdata axis datasets that have units; NaN where none. */
    private static double[] fromAxes(Dataset dataset, int rank) {
        double[] size = {Double.NaN, Double.NaN, Double.NaN};
        Group parent = dataset.getParent();
        Attribute axesAttr = parent == null ? null : parent.getAttribute("axes");
        if (axesAttr == null) {
            return size;
        }
        String[] axes = strings(axesAttr.getData());
        if (axes.length != rank) {
            return size;
        }
        for (int dim = 0; dim < rank; dim++) {
            int axis = rank - 1 - dim; // HDF5 dimension 0 is the slowest: Z for 3-D data
            if (parent.getChildren().get(axes[dim]) instanceof Dataset values && values.getDimensions().length == 1
                    && values.getDimensions()[0] >= 2) {
                double unit = micrometresPer(text(values.getAttribute("units")));
                Object v = values.getData();
                int n = Array.getLength(v);
                double spacing = Math.abs(((Number) Array.get(v, n - 1)).doubleValue() - ((Number) Array.get(v, 0))
                        .doubleValue()) / (n - 1) * unit;
                if (spacing > 0 && Double.isFinite(spacing)) {
                    size[axis] = spacing;
                }
            }
        }
        return size;
    }

    /** The ilastik / Fiji HDF5 attribute {@code element_size_um}: one number per dimension, slowest first. */
    private static double[] fromElementSize(Dataset dataset, int rank) {
        double[] size = {Double.NaN, Double.NaN, Double.NaN};
        Attribute a = dataset.getAttribute("element_size_um");
        if (a == null || a.isScalar() || Array.getLength(a.getData()) != rank) {
            return size;
        }
        for (int dim = 0; dim < rank; dim++) {
            double v = ((Number) Array.get(a.getData(), dim)).doubleValue();
            if (v > 0 && Double.isFinite(v)) {
                size[rank - 1 - dim] = v;
            }
        }
        return size;
    }

    /** µm per unit for the NeXus units strings of lengths; NaN for anything else (the axis is then not used). */
    static double micrometresPer(String units) {
        if (units == null) {
            return Double.NaN;
        }
        return switch (units.trim().toLowerCase(Locale.ROOT)) {
            case "m", "metre", "meter", "metres", "meters" -> 1e6;
            case "mm", "millimetre", "millimeter" -> 1e3;
            case "um", "µm", "μm", "micron", "microns", "micrometre", "micrometer", "micrometres", "micrometers" -> 1;
            case "nm", "nanometre", "nanometer" -> 1e-3;
            case "angstrom", "å", "a" -> 1e-4;
            default -> Double.NaN;
        };
    }

    private static String text(Attribute a) {
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        String[] s = strings(v);
        return s.length == 1 ? s[0] : null;
    }

    /** A string attribute, an array of strings, or "z:y:x" / "z,y,x" in one string (older NeXus files). */
    private static String[] strings(Object v) {
        if (v instanceof String s) {
            return s.split("[:,\\s]+");
        }
        if (v instanceof String[] a) {
            return a;
        }
        return new String[0];
    }
}
