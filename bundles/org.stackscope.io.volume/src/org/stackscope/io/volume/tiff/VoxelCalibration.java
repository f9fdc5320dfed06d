package org.stackscope.io.volume.tiff;

import java.util.Optional;
import java.util.OptionalDouble;

import org.stackscope.core.api.ImportSettings;

/**
 * Voxel size in µm along X, Y, Z, taken per axis from (first wins): the import settings {@code voxelSizeX/Y/Z} or
 * {@code voxelSize}; the file (X/YResolution in ImageJ's unit or in the TIFF ResolutionUnit inch/cm, Z from ImageJ's
 * {@code spacing}); for Z, the file's X size (cubic voxels) when the file gives X but no spacing; else 1 µm.
 */
record VoxelCalibration(double[] sizeUm, String source) {

    static final String VOXEL_SIZE = "voxelSize";
    static final String[] VOXEL_SIZE_PER_AXIS = {"voxelSizeX", "voxelSizeY", "voxelSizeZ"};

    /** 72 pixels per inch is the placeholder many writers put in; ImageJ treats it as "not calibrated" too. */
    private static final double PLACEHOLDER_DPI = 72;

    private enum Source {
        SETTINGS("settings"), FILE("file"), SAME_AS_X("same as X"), DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /**
     * @throws IllegalArgumentException when a voxel-size setting is not a positive number
     */
    static VoxelCalibration resolve(TiffPage first, Optional<ImageJDescription> imageJ, ImportSettings settings) {
        double[] size = new double[3];
        Source[] source = new Source[3];
        double[] fromFile = fromFile(first, imageJ);
        double isotropic = settings.getPositive(VOXEL_SIZE, Double.NaN);
        for (int axis = 0; axis < 3; axis++) {
            double configured = settings.getPositive(VOXEL_SIZE_PER_AXIS[axis], isotropic);
            if (!Double.isNaN(configured)) {
                size[axis] = configured;
                source[axis] = Source.SETTINGS;
            } else if (!Double.isNaN(fromFile[axis])) {
                size[axis] = fromFile[axis];
                source[axis] = Source.FILE;
            } else if (axis == 2 && source[0] == Source.FILE) {
                size[axis] = size[0];
                source[axis] = Source.SAME_AS_X;
            } else {
                size[axis] = 1;
                source[axis] = Source.DEFAULT;
            }
        }
        return new VoxelCalibration(size, describe(source));
    }

    /** X, Y, Z in µm as the file states them, NaN where it states nothing physical. */
    private static double[] fromFile(TiffPage page, Optional<ImageJDescription> imageJ) {
        double[] size = {Double.NaN, Double.NaN, Double.NaN};
        OptionalDouble unitUm = imageJ.map(ImageJDescription::unitUm).orElse(OptionalDouble.empty());
        boolean imageJUnit = unitUm.isPresent();
        if (!imageJUnit) {
            unitUm = resolutionUnitUm(page);
        }
        if (unitUm.isPresent()) {
            double unit = unitUm.getAsDouble();
            double x = pixelSize(page.xResolution(), unit, imageJUnit);
            size[0] = x;
            size[1] = Double.isNaN(page.yResolution()) ? x : pixelSize(page.yResolution(), unit, imageJUnit);
        }
        imageJ.ifPresent(ij -> ij.spacingUm().ifPresent(z -> size[2] = z));
        return size;
    }

    private static OptionalDouble resolutionUnitUm(TiffPage page) {
        if (page.resolutionUnit() == TiffTags.RESOLUTION_UNIT_INCH && page.xResolution() != PLACEHOLDER_DPI) {
            return ImageJDescription.micrometresPer("inch");
        }
        if (page.resolutionUnit() == TiffTags.RESOLUTION_UNIT_CENTIMETER) {
            return ImageJDescription.micrometresPer("cm");
        }
        return OptionalDouble.empty();
    }

    /** µm per pixel; a missing resolution means 1 unit per pixel in ImageJ's calibration, nothing otherwise. */
    private static double pixelSize(double pixelsPerUnit, double unitUm, boolean imageJUnit) {
        if (pixelsPerUnit > 0 && Double.isFinite(pixelsPerUnit)) {
            return unitUm / pixelsPerUnit;
        }
        return imageJUnit ? unitUm : Double.NaN;
    }

    private static String describe(Source[] source) {
        if (source[0] == source[1] && source[1] == source[2]) {
            return source[0].label;
        }
        return "X=" + source[0].label + ", Y=" + source[1].label + ", Z=" + source[2].label;
    }
}
