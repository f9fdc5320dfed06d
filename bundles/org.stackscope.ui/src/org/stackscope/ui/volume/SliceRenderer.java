package org.stackscope.ui.volume;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.AbstractCellImg;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Turns one plane of a volume into RGB pixels (0xRRGGBB, row-major) with a grey window and an optional label
 * overlay. Plain Java on primitive arrays: the SWT view only copies the result into an ImageData.
 */
public final class SliceRenderer {

    private SliceRenderer() {
    }

    /** The plane's samples, row-major with the plane's horizontal axis fastest. */
    public static float[] samples(RandomAccessibleInterval<? extends RealType<?>> image, Plane plane, long index) {
        if (plane == Plane.XY) {
            float[] direct = xyFromArrays(image, index);
            if (direct != null) {
                return direct;
            }
        }
        RandomAccessibleInterval<? extends RealType<?>> slice = Views.hyperSlice(image, plane.normal,
                image.min(plane.normal) + index);
        int width = (int) image.dimension(plane.horizontal);
        int height = (int) image.dimension(plane.vertical);
        float[] out = new float[width * height];
        // hyperSlice keeps the remaining axes in order, so the horizontal axis (the lower one) iterates fastest
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(slice).cursor();
        for (int i = 0; i < out.length; i++) {
            out[i] = cursor.next().getRealFloat();
        }
        return out;
    }

    /**
     * An XY plane straight from the primitive array that holds it (planar images, array images and cell images whose
     * cells span whole planes, as the importers make), or null for other images. Scrolling a 2048² slice this way
     * costs a few milliseconds instead of a cursor pass over four million samples.
     */
    private static float[] xyFromArrays(RandomAccessibleInterval<? extends RealType<?>> image, long index) {
        int planeSamples = (int) (image.dimension(0) * image.dimension(1));
        Object array = null;
        long offset = 0;
        if (image instanceof PlanarImg<?, ?> planar && planar.numSlices() == image.dimension(2)) {
            array = planar.getPlane((int) index).getCurrentStorageArray();
        } else if (image instanceof ArrayImg<?, ?> arrayImg && arrayImg.update(null) instanceof ArrayDataAccess<?> a) {
            array = a.getCurrentStorageArray();
            offset = index * planeSamples;
        } else if (image instanceof AbstractCellImg<?, ?, ?, ?> cells
                && cells.getCellGrid().cellDimension(0) == image.dimension(0)
                && cells.getCellGrid().cellDimension(1) == image.dimension(1)) {
            RandomAccess<? extends Cell<?>> ra = cells.getCells().randomAccess();
            ra.setPosition(new long[] { 0, 0, index / cells.getCellGrid().cellDimension(2) });
            Cell<?> cell = ra.get();
            if (cell.getData() instanceof ArrayDataAccess<?> a) {
                array = a.getCurrentStorageArray();
                offset = (index - cell.min(2)) * planeSamples;
            }
        }
        if (array == null) {
            return null;
        }
        Object type = Util.getTypeFromInterval(image);
        int from = (int) offset;
        float[] out = new float[planeSamples];
        switch (array) {
            case byte[] b when type instanceof UnsignedByteType -> {
                for (int i = 0; i < planeSamples; i++) {
                    out[i] = b[from + i] & 0xFF;
                }
            }
            case byte[] b -> {
                for (int i = 0; i < planeSamples; i++) {
                    out[i] = b[from + i];
                }
            }
            case short[] sh when type instanceof UnsignedShortType -> {
                for (int i = 0; i < planeSamples; i++) {
                    out[i] = sh[from + i] & 0xFFFF;
                }
            }
            case short[] sh -> {
                for (int i = 0; i < planeSamples; i++) {
                    out[i] = sh[from + i];
                }
            }
            case float[] f -> System.arraycopy(f, from, out, 0, planeSamples);
            default -> {
                return null;
            }
        }
        return out;
    }

    /**
     * RGB pixels: grey = (sample − low) / (high − low) clipped to 0..255; where {@code labels} is given and a label
     * has a colour in {@code colours} (index = label, negative = none), the colour is blended with {@code opacity}.
     */
    public static int[] render(float[] grey, double low, double high, float[] labels, int[] colours,
            double opacity) {
        int[] rgb = new int[grey.length];
        float lowF = (float) low;
        float scale = high > low ? (float) (255.0 / (high - low)) : 0;
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 256);
        boolean overlay = labels != null && alpha > 0;
        // grey level -> pixel, per label: 256-entry tables, so the loop does one lookup per pixel
        int[][] blended = overlay ? new int[colours.length][] : null;
        for (int i = 0; i < grey.length; i++) {
            float g = (grey[i] - lowF) * scale + 0.5f;
            int v = g > 0 ? g < 255 ? (int) g : 255 : 0; // NaN compares false: black
            int pixel = GREYS[v];
            if (overlay) {
                int label = (int) labels[i];
                if (label >= 0 && label < colours.length && colours[label] >= 0) {
                    int[] table = blended[label];
                    if (table == null) {
                        table = blended[label] = blendTable(colours[label], alpha);
                    }
                    pixel = table[v];
                }
            }
            rgb[i] = pixel;
        }
        return rgb;
    }

    private static final int[] GREYS = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            GREYS[v] = v << 16 | v << 8 | v;
        }
    }

    private static int[] blendTable(int colour, int alpha) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = blend(GREYS[v], colour, alpha);
        }
        return table;
    }

    /** Low and high percentiles of a sample of every {@code stride}-th value: a robust default window. */
    public static double[] autoWindow(float[] samples, double lowPercent, double highPercent) {
        int stride = Math.max(1, samples.length / 200_000);
        float[] sample = new float[(samples.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < samples.length; i += stride) {
            if (!Float.isNaN(samples[i])) {
                sample[n++] = samples[i];
            }
        }
        if (n == 0) {
            return new double[] { 0, 1 };
        }
        Arrays.sort(sample, 0, n);
        double low = sample[(int) Math.min(n - 1, Math.floor(lowPercent / 100 * (n - 1)))];
        double high = sample[(int) Math.min(n - 1, Math.ceil(highPercent / 100 * (n - 1)))];
        return high > low ? new double[] { low, high } : new double[] { low, low + 1 };
    }

    /** A "nice" scale-bar length (1, 2 or 5 × 10^k µm) of at most {@code maxUm}. */
    public static double scaleBarLength(double maxUm) {
        if (!(maxUm > 0)) {
            return 0;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(maxUm)));
        for (double step : new double[] { 5, 2, 1 }) {
            if (step * decade <= maxUm) {
                return step * decade;
            }
        }
        return decade;
    }

    private static int blend(int grey, int colour, int alpha) {
        int r = mix(grey >> 16 & 0xFF, colour >> 16 & 0xFF, alpha);
        int g = mix(grey >> 8 & 0xFF, colour >> 8 & 0xFF, alpha);
        int b = mix(grey & 0xFF, colour & 0xFF, alpha);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int under, int over, int alpha) {
        return (under * (256 - alpha) + over * alpha) >> 8;
    }
}
