package org.stackscope.analysis.microstructure.tests;

import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.analysis.microstructure.Contact;
import org.stackscope.analysis.microstructure.ContactAnisotropy;
import org.stackscope.analysis.microstructure.ContactAnisotropySettings;
import org.stackscope.analysis.microstructure.ContactSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Benchmark (not a unit test): contact and contact-anisotropy on a four-phase composite (SE matrix, random AM
 * spheres of radius 8 at ~45 %, carbon spheres of radius 3, void spheres of radius 4), 512x512x256 by default; args
 * {@code nx ny nz} for other sizes. Prints the best of three runs with 1 and all threads and the heap in use.
 */
public final class ContactBench {

    public static void main(String[] args) throws Exception {
        int nx = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int ny = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int nz = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        var inputs = Phantoms.inputs(composite(nx, ny, nz));
        for (int threads : new int[] { 1, Runtime.getRuntime().availableProcessors() }) {
            ContactSettings cs = new ContactSettings();
            cs.threads = threads;
            ContactAnisotropySettings as = new ContactAnisotropySettings();
            as.threads = threads;
            // wall and process CPU seconds (CPU time is what a shared machine cannot inflate)
            double[] contact = { Double.MAX_VALUE, Double.MAX_VALUE };
            double[] anisotropy = { Double.MAX_VALUE, Double.MAX_VALUE };
            for (int run = 0; run < 3; run++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                new Contact().run(inputs, cs, Monitor.NONE);
                long c1 = cpu();
                long t1 = System.nanoTime();
                new ContactAnisotropy().run(inputs, as, Monitor.NONE);
                long c2 = cpu();
                long t2 = System.nanoTime();
                contact[0] = Math.min(contact[0], (t1 - t0) / 1e9);
                contact[1] = Math.min(contact[1], (c1 - c0) / 1e9);
                anisotropy[0] = Math.min(anisotropy[0], (t2 - t1) / 1e9);
                anisotropy[1] = Math.min(anisotropy[1], (c2 - c1) / 1e9);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%dx%dx%d, %d thread(s): contact %.3f s (CPU %.3f s), contact-anisotropy %.3f s "
                    + "(CPU %.3f s); heap used %d MB of max %d MB%n", nx, ny, nz, threads, contact[0], contact[1],
                    anisotropy[0], anisotropy[1], (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
        var r = new Contact().run(inputs, new ContactSettings(), Monitor.NONE);
        System.out.printf("AM surface %.4g um2, AM_SE %.4f ± %.4f, AM_VOID %.4f%n",
                r.metrics().get("surface.AM.area").value(), r.metrics().get("contact.AM_SE.fraction").value(),
                r.metrics().get("contact.AM_SE.fraction").uncertainty(),
                r.metrics().get("contact.AM_VOID.fraction").value());
    }

    /** SE matrix (1) with random AM (2, r = 8, ~45 %), carbon (3, r = 3) and void (0, r = 4) spheres; 1 µm voxels. */
    static LabelVolume composite(int nx, int ny, int nz) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
        SplittableRandom random = new SplittableRandom(3);
        for (int z = 0; z < nz; z++) {
            java.util.Arrays.fill(img.getPlane(z).getCurrentStorageArray(), (byte) 1);
        }
        double box = (double) nx * ny * nz;
        spheres(img, random, 8, 2, Math.round(0.6 * box / (4.19 * 512)));
        spheres(img, random, 3, 3, Math.round(0.05 * box / (4.19 * 27)));
        spheres(img, random, 4, 0, Math.round(0.05 * box / (4.19 * 64)));
        return new LabelVolume(new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of()),
                Map.of(0, "VOID", 1, "SE", 2, "AM", 3, "CARBON"));
    }

    /** Process CPU time (ns) through the platform MBean server (no com.sun import). */
    static long cpu() throws Exception {
        return (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                new javax.management.ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
    }

    private static void spheres(PlanarImg<UnsignedByteType, ByteArray> img, SplittableRandom random, int radius,
            int label, long count) {
        int nx = (int) img.dimension(0);
        int ny = (int) img.dimension(1);
        int nz = (int) img.dimension(2);
        for (long s = 0; s < count; s++) {
            int cx = random.nextInt(nx);
            int cy = random.nextInt(ny);
            int cz = random.nextInt(nz);
            for (int z = Math.max(0, cz - radius); z <= Math.min(nz - 1, cz + radius); z++) {
                byte[] plane = img.getPlane(z).getCurrentStorageArray();
                for (int y = Math.max(0, cy - radius); y <= Math.min(ny - 1, cy + radius); y++) {
                    for (int x = Math.max(0, cx - radius); x <= Math.min(nx - 1, cx + radius); x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz) <= radius * radius) {
                            plane[x + nx * y] = (byte) label;
                        }
                    }
                }
            }
        }
    }
}
