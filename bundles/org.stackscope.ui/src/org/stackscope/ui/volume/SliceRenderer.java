package org.stackscope.ui.volume;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
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
     * RGB pixels: grey = (sample − low) / (high − low) clipped to 0..255; where {@code labels} is given and a label
     * has a colour in {@code colours} (index = label, negative = none), the colour is blended with {@code opacity}.
     */
    public static int[] render(float[] grey, double low, double high, float[] labels, int[] colours,
            double opacity) {
        int[] rgb = new int[grey.length];
        double scale = high > low ? 255.0 / (high - low) : 0;
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 256);
        for (int i = 0; i < grey.length; i++) {
            double g = (grey[i] - low) * scale + 0.5;
            int v = g <= 0 || Double.isNaN(g) ? 0 : g >= 255 ? 255 : (int) g;
            int pixel = v << 16 | v << 8 | v;
            if (labels != null && alpha > 0) {
                int label = (int) labels[i];
                int colour = label >= 0 && label < colours.length ? colours[label] : -1;
                if (colour >= 0) {
                    pixel = blend(pixel, colour, alpha);
                }
            }
            rgb[i] = pixel;
        }
        return rgb;
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
