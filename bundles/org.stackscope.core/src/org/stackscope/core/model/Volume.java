package org.stackscope.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * A 3-D grey-value or label image (axes X, Y, Z) with its physical voxel size and the axis along which the stack
 * pressure was applied. The pixels live in an ImgLib2 image backed by primitive arrays (planar or cell images), never
 * one object per voxel.
 */
public final class Volume implements DataObject {

    private final RandomAccessibleInterval<? extends RealType<?>> image;
    private final String sampleType;
    private final double[] voxelSizeUm;
    private final Axis pressureAxis;
    private final Map<String, String> metadata;

    public Volume(RandomAccessibleInterval<? extends RealType<?>> image, String sampleType, double[] voxelSizeUm,
            Axis pressureAxis, Map<String, String> metadata) {
        if (image.numDimensions() != 3) {
            throw new IllegalArgumentException("a volume has 3 dimensions, not " + image.numDimensions());
        }
        if (voxelSizeUm.length != 3 || Arrays.stream(voxelSizeUm).anyMatch(v -> !(v > 0) || Double.isInfinite(v))) {
            throw new IllegalArgumentException("voxel size must be 3 positive numbers: " + Arrays.toString(voxelSizeUm));
        }
        this.image = image;
        this.sampleType = sampleType;
        this.voxelSizeUm = voxelSizeUm.clone();
        this.pressureAxis = pressureAxis;
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata)); // keeps source order
    }

    public RandomAccessibleInterval<? extends RealType<?>> image() {
        return image;
    }

    /** {@code uint8}, {@code uint16}, {@code int16} or {@code float32}. */
    public String sampleType() {
        return sampleType;
    }

    public long[] dimensions() {
        return Intervals.dimensionsAsLongArray(image);
    }

    public long voxelCount() {
        return Intervals.numElements(image);
    }

    /** Voxel edge lengths in µm along X, Y, Z (anisotropic voxels allowed, e.g. FIB-SEM). */
    public double[] voxelSizeUm() {
        return voxelSizeUm.clone();
    }

    public Axis pressureAxis() {
        return pressureAxis;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The same pixels with another voxel size or pressure axis (no copy). */
    public Volume withGeometry(double[] newVoxelSizeUm, Axis newPressureAxis) {
        return new Volume(image, sampleType, newVoxelSizeUm, newPressureAxis, metadata);
    }

    @Override
    public DataKind kind() {
        return DataKind.VOLUME;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dimensions", Arrays.stream(dimensions()).boxed().toList());
        d.put("axes", List.of("X", "Y", "Z"));
        d.put("sampleType", sampleType);
        d.put("voxelSize_um", Arrays.stream(voxelSizeUm).boxed().toList());
        d.put("pressureAxis", pressureAxis.name());
        d.put("voxels", voxelCount());
        d.put("metadata", metadata);
        return d;
    }
}
