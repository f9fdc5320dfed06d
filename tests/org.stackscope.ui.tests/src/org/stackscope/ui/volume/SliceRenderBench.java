package org.stackscope.ui.volume;

import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * How long one 2048 × 2048 slice takes from a 16-bit volume to RGB pixels (what scrolling costs per step, before
 * SWT copies the pixels), for the XY plane (contiguous) and the XZ plane (strided), with a label overlay.
 * Run: java -cp ... org.stackscope.ui.volume.SliceRenderBench
 */
public final class SliceRenderBench {

    public static void main(String[] args) {
        int n = 2048;
        int depth = 64;
        PlanarImg<UnsignedShortType, ShortArray> grey = PlanarImgs.unsignedShorts(n, n, depth);
        PlanarImg<UnsignedShortType, ShortArray> labels = PlanarImgs.unsignedShorts(n, n, depth);
        for (int z = 0; z < depth; z++) {
            short[] g = grey.getPlane(z).getCurrentStorageArray();
            short[] l = labels.getPlane(z).getCurrentStorageArray();
            for (int i = 0; i < g.length; i++) {
                g[i] = (short) ((i * 31 + z * 7) & 0xFFFF);
                l[i] = (short) (i % 4);
            }
        }
        int[] colours = PhaseColours.table(java.util.Map.of(0, "VOID", 1, "SE", 2, "AM", 3, "CARBON"), 3,
                PhaseColours::defaultOf);
        for (Plane plane : new Plane[] { Plane.XY, Plane.XZ }) {
            int slices = plane == Plane.XY ? depth : n;
            long best = Long.MAX_VALUE;
            long total = 0;
            int runs = 20;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                float[] g = SliceRenderer.samples(grey, plane, r % slices);
                float[] l = SliceRenderer.samples(labels, plane, r % slices);
                int[] rgb = SliceRenderer.render(g, 0, 65535, l, colours, 0.45);
                long dt = System.nanoTime() - t0;
                if (rgb.length != g.length) {
                    throw new IllegalStateException();
                }
                best = Math.min(best, dt);
                total += dt;
            }
            System.out.printf("slice render %s %d x %d with overlay: best %.1f ms, mean %.1f ms over %d slices%n",
                    plane, plane == Plane.XY ? n : n, plane == Plane.XY ? n : depth, best / 1e6,
                    total / 1e6 / runs, runs);
        }
    }
}
