package org.stackscope.analysis.microstructure.tests;

import java.nio.file.Path;
import java.util.List;

import org.stackscope.analysis.microstructure.Denoise;
import org.stackscope.analysis.microstructure.DenoiseFilter;
import org.stackscope.analysis.microstructure.DenoiseSettings;
import org.stackscope.analysis.microstructure.Segment;
import org.stackscope.analysis.microstructure.SegmentMethod;
import org.stackscope.analysis.microstructure.SegmentSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;

/**
 * Benchmark (not a unit test): a 16-bit phantom composite (default 512 x 512 x 256; arguments {@code nx ny nz}) with
 * the density of {@link SegmentTest}'s phantom; times each denoising filter, then segment (partial-volume fit, with
 * fractions, profile, layers and representative-volume table) and segment (Gaussian + multi-Otsu), and prints the
 * fractions against the truth and the peak heap (sum of the heap pools' peaks: an upper bound). Run with -Xmx1g
 * (512^2 x 256) or -Xmx4g (1024^2 x 256); a 4th argument {@code segment} skips the denoising filters.
 */
public final class SegmentBench {

    public static void main(String[] args) throws Exception {
        CompositePhantom.Spec spec = new CompositePhantom.Spec();
        if (args.length >= 3) {
            spec.nx = Integer.parseInt(args[0]);
            spec.ny = Integer.parseInt(args[1]);
            spec.nz = Integer.parseInt(args[2]);
        } else {
            spec.nx = 512;
            spec.ny = 512;
            spec.nz = 256;
        }
        spec.particles = (int) Math.round(280.0 * spec.nx * spec.ny * spec.nz / (96.0 * 96 * 64));
        long t0 = System.nanoTime();
        CompositePhantom phantom = CompositePhantom.generate(spec);
        double[] truth = SegmentTest.fractions(phantom.truth);
        Volume volume = phantom.volume();
        phantom = null; // only the grey volume stays for the timed part
        System.gc();
        System.out.printf("phantom %dx%dx%d generated in %.1f s; truth void %.4f SE %.4f AM %.4f; %d processors%n",
                spec.nx, spec.ny, spec.nz, (System.nanoTime() - t0) / 1e9, truth[0], truth[1], truth[2],
                Runtime.getRuntime().availableProcessors());
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        boolean filters = args.length < 4 || !args[3].equals("segment");
        for (DenoiseFilter filter : filters ? DenoiseFilter.values() : new DenoiseFilter[0]) {
            if (filter == DenoiseFilter.NONE) {
                continue;
            }
            DenoiseSettings d = new DenoiseSettings();
            d.filter = filter;
            HeapPeaks.reset();
            long start = System.nanoTime();
            Denoise.denoise(volume, d, Monitor.NONE);
            System.out.printf("denoise %-9s %.2f s, peak heap %.0f MB%n", filter, (System.nanoTime() - start) / 1e9,
                    HeapPeaks.bytes() / 1e6);
        }
        SegmentSettings pv = new SegmentSettings();
        pv.greyMeans = "8000,auto,auto";
        SegmentSettings otsu = new SegmentSettings();
        otsu.method = SegmentMethod.OTSU;
        otsu.denoise = DenoiseFilter.GAUSSIAN;
        for (SegmentSettings s : new SegmentSettings[] { pv, otsu }) {
            System.gc();
            HeapPeaks.reset();
            long start = System.nanoTime();
            Result r = new Segment().run(inputs, s, Monitor.NONE);
            System.out.printf("segment %s (denoise %s) + fractions: %.2f s, peak heap %.0f MB; void %.4f SE %.4f "
                    + "AM %.4f%s%n", s.method, s.denoise, (System.nanoTime() - start) / 1e9, HeapPeaks.bytes() / 1e6,
                    r.metrics().get("fraction.VOID").value(), r.metrics().get("fraction.SE").value(),
                    r.metrics().get("fraction.AM").value(), r.metrics().containsKey("psf.sigma")
                            ? String.format("; psf sigma %.3f, sweeps %.0f", r.metrics().get("psf.sigma").value(),
                                    r.metrics().get("sweeps").value())
                            : "");
        }
    }
}
