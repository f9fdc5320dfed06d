package org.stackscope.analysis.microstructure.tests;

import java.nio.file.Path;
import java.util.List;

import org.stackscope.analysis.microstructure.Contact;
import org.stackscope.analysis.microstructure.ContactAnisotropy;
import org.stackscope.analysis.microstructure.ContactAnisotropySettings;
import org.stackscope.analysis.microstructure.ContactSettings;
import org.stackscope.analysis.microstructure.Denoise;
import org.stackscope.analysis.microstructure.DenoiseFilter;
import org.stackscope.analysis.microstructure.DenoiseSettings;
import org.stackscope.analysis.microstructure.PhaseFractions;
import org.stackscope.analysis.microstructure.PhaseFractionsSettings;
import org.stackscope.analysis.microstructure.Segment;
import org.stackscope.analysis.microstructure.SegmentMethod;
import org.stackscope.analysis.microstructure.SegmentSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

/**
 * Benchmark (not a unit test): a 16-bit phantom composite (default 512 x 512 x 256; arguments {@code nx ny nz}) with
 * the density of {@link SegmentTest}'s phantom. Times each denoising filter, then the whole chain the issue budgets
 * (segment, phase fractions with profile, layers and representative-volume table, contact, contact-anisotropy) for
 * the partial-volume fit and for Gaussian + multi-Otsu, and prints fractions and the AM-SE contact fraction against
 * the truth and the peak heap (sum of the heap pools' peaks: an upper bound). Run with -Xmx1g (512^2 x 256) or
 * -Xmx4g (1024^2 x 256); a 4th argument {@code segment} skips the denoising filters.
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
        double truthContact = CompositePhantom.amSeContact(phantom.truth, spec.nx, spec.ny);
        Volume volume = phantom.volume();
        phantom = null; // only the grey volume stays for the timed part
        System.gc();
        System.out.printf("phantom %dx%dx%d generated in %.1f s; truth void %.4f SE %.4f AM %.4f, AM-SE contact "
                + "%.4f (face count); %d processors%n", spec.nx, spec.ny, spec.nz, (System.nanoTime() - t0) / 1e9,
                truth[0], truth[1], truth[2], truthContact, Runtime.getRuntime().availableProcessors());
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
            Segment.Segmented segmented = Segment.segment(volume, s, Monitor.NONE);
            long segmentedAt = System.nanoTime();
            Inputs labels = labelInputs(segmented.labels());
            Result fractions = new PhaseFractions().run(labels, new PhaseFractionsSettings(), Monitor.NONE);
            long fractionsAt = System.nanoTime();
            ContactSettings cs = new ContactSettings();
            Result contact = new Contact().run(labels, cs, Monitor.NONE);
            long contactAt = System.nanoTime();
            new ContactAnisotropy().run(labels, new ContactAnisotropySettings(), Monitor.NONE);
            long end = System.nanoTime();
            System.out.printf("%s (denoise %s): segment %.2f s, fractions %.2f s, contact %.2f s, anisotropy %.2f s;"
                    + " chain %.2f s, peak heap %.0f MB%n  void %.4f SE %.4f AM %.4f, AM-SE contact %.4f%s%n",
                    s.method, s.denoise, (segmentedAt - start) / 1e9, (fractionsAt - segmentedAt) / 1e9,
                    (contactAt - fractionsAt) / 1e9, (end - contactAt) / 1e9, (end - start) / 1e9,
                    HeapPeaks.bytes() / 1e6, fractions.metrics().get("fraction.VOID").value(),
                    fractions.metrics().get("fraction.SE").value(), fractions.metrics().get("fraction.AM").value(),
                    CompositePhantom.amSeContact(SegmentTest.planes(segmented.labels()), spec.nx, spec.ny),
                    Double.isNaN(segmented.psfSigma()) ? ""
                            : String.format("; psf sigma %.3f, sweeps %d, %.1f %% of voxels reassigned",
                                    segmented.psfSigma(), segmented.sweeps(),
                                    100.0 * segmented.reassigned() / volume.voxelCount()));
        }
    }

    private static Inputs labelInputs(LabelVolume labels) {
        return new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", labels)));
    }
}
