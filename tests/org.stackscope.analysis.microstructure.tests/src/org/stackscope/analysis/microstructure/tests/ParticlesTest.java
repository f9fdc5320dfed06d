package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.Particles;
import org.stackscope.analysis.microstructure.ParticlesSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

/**
 * Particles against phantoms of known particles: AM spheres of radius 10 voxels (diameter 20) with void caps or
 * belts of known angle, isolated spheres in a void shell, and pairs of overlapping spheres for the watershed.
 */
class ParticlesTest {

    private static Result run(Volume v, ParticlesSettings s) throws AnalysisException {
        return new Particles().run(Phantoms.inputs(Phantoms.labels(v)), s, Monitor.NONE);
    }

    @Test
    void oneSidedCapsGiveTheAnalyticOneSidednessAndContact() throws AnalysisException {
        double alpha = 60;
        Result r = run(Phantoms.composite(2, 30, 10, 3, Phantoms.Loss.CAP_X, alpha), new ParticlesSettings());
        assertEquals(8, r.metrics().get("particles.count").value());
        assertEquals(0, r.metrics().get("particles.isolated").value());
        double cos = Math.cos(Math.toRadians(alpha));
        Table t = r.tables().get("particles");
        for (int p = 0; p < 8; p++) {
            // cap of half angle α: void fraction (1 - cos α) / 2, one-sidedness (1 + cos α) / 2
            assertEquals((1 - cos) / 2, t.column("fraction_VOID").get(p), 0.02, "particle " + p);
            assertEquals((1 + cos) / 2, t.column("one_sidedness").get(p), 0.03, "particle " + p);
            assertEquals(20, t.column("diameter").get(p), 0.2, "volume-equivalent diameter");
            double sphericity = t.column("sphericity").get(p);
            assertTrue(sphericity > 0.96 && sphericity <= 1.0, "sphericity " + sphericity);
        }
        System.out.printf("caps α=60°: one-sidedness %.3f (truth %.3f), SE contact %.3f (truth %.3f), D50 %.2f, "
                + "sphericity %.3f%n", r.metrics().get("one_sidedness.mean").value(), (1 + cos) / 2,
                r.metrics().get("contact.AM_SE.fraction.mean").value(), (1 + cos) / 2,
                r.metrics().get("diameter.D50").value(), r.metrics().get("sphericity.mean").value());
        assertEquals(20, r.metrics().get("diameter.D50").value(), 0.2);
        assertEquals(20, r.metrics().get("diameter.D10").value(), 0.2);
        assertEquals((1 + cos) / 2, r.metrics().get("contact.AM_SE.fraction.mean").value(), 0.02);
        assertTrue(r.metrics().get("diameter.D50").hasUncertainty());
    }

    @Test
    void equatorialBeltsLoseContactEvenlyAroundTheParticle() throws AnalysisException {
        Result r = run(Phantoms.composite(2, 30, 10, 3, Phantoms.Loss.BELT, 30), new ParticlesSettings());
        assertEquals(0, r.metrics().get("one_sidedness.mean").value(), 0.05);
        assertEquals(0.5, r.metrics().get("contact.AM_SE.fraction.mean").value(), 0.03);
    }

    @Test
    void particlesInAVoidShellAreIsolated() throws AnalysisException {
        Result r = run(Phantoms.composite(2, 30, 10, 3, Phantoms.Loss.SHELL, 0), new ParticlesSettings());
        assertEquals(8, r.metrics().get("particles.isolated").value());
        assertEquals(1, r.metrics().get("particles.isolated_fraction").value());
        assertEquals(0, r.metrics().get("contact.AM_SE.fraction.mean").value());
    }

    /** Two spheres of radius 10 with centres 17 apart: neck radius √(100 - 8.5²) = 5.27, so each peak is 4.7 deep. */
    @Test
    void touchingParticlesAreSplitWhenTheNeckIsDeeperThanTheSplitDepth() throws AnalysisException {
        Volume pair = Phantoms.volume(60, 34, 34, (x, y, z) -> {
            double dy = y - 16.6;
            double dz = z - 17.2;
            double a = Math.pow(x - 21.3, 2) + dy * dy + dz * dz;
            double b = Math.pow(x - 38.3, 2) + dy * dy + dz * dz;
            return a <= 100 || b <= 100 ? Phantoms.AM : Phantoms.SE;
        });
        ParticlesSettings s = new ParticlesSettings();
        Result split = run(pair, s);
        assertEquals(2, split.metrics().get("particles.count").value());
        Table t = split.tables().get("particles");
        // each half: a sphere minus a cap of height 1.5 (cap volume π h² (3r - h) / 3)
        double half = 4.0 / 3 * Math.PI * 1000 - Math.PI * 1.5 * 1.5 * (30 - 1.5) / 3;
        for (int p = 0; p < 2; p++) {
            assertEquals(half, t.column("voxels").get(p), 0.03 * half);
            assertTrue(t.column("fraction_particles").get(p) > 0.01, "the cut is the particles' contact");
        }
        s.splitDepthVoxels = 6;
        assertEquals(1, run(pair, s).metrics().get("particles.count").value());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws AnalysisException {
        Volume v = Phantoms.composite(2, 26, 9, 3, Phantoms.Loss.CAP_X, 50);
        ParticlesSettings one = new ParticlesSettings();
        one.threads = 1;
        ParticlesSettings three = new ParticlesSettings();
        three.threads = 3;
        assertEquals(run(v, one).metrics(), run(v, three).metrics());
    }

    @Test
    void borderParticlesAreListedButLeftOutOfTheStatistics() throws AnalysisException {
        // one whole sphere and one cut by the x = 0 border
        Volume v = Phantoms.volume(50, 30, 30, (x, y, z) -> {
            double a = Math.pow(x - 30.2, 2) + Math.pow(y - 15.1, 2) + Math.pow(z - 15.3, 2);
            double b = Math.pow(x - 2.2, 2) + Math.pow(y - 15.1, 2) + Math.pow(z - 15.3, 2);
            return a <= 64 || b <= 36 ? Phantoms.AM : Phantoms.SE;
        });
        Result r = run(v, new ParticlesSettings());
        assertEquals(1, r.metrics().get("particles.count").value());
        assertEquals(2, r.tables().get("particles").rowCount());
        assertEquals(16, r.metrics().get("diameter.D50").value(), 0.2);
        ParticlesSettings all = new ParticlesSettings();
        all.excludeBorder = false;
        assertEquals(2, run(v, all).metrics().get("particles.count").value());
        ParticlesSettings bad = new ParticlesSettings();
        bad.splitDepthVoxels = -1;
        assertThrows(AnalysisException.class, () -> run(v, bad));
    }
}
