package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.Contact;
import org.stackscope.analysis.microstructure.ContactAnisotropy;
import org.stackscope.analysis.microstructure.ContactAnisotropySettings;
import org.stackscope.analysis.microstructure.ContactSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

/**
 * Contact and contact anisotropy against the belt phantom: AM spheres (r = 12 voxels) in SE with a void belt of
 * half angle β at each equator, normal to the pressure axis Z, so that the AM surface touches void exactly where
 * its polar angle exceeds 90° - β. Truth: AM-void contact fraction sin β overall and
 * (cos max(θ1, 90°-β) - cos θ2) / (cos θ1 - cos θ2) in the bin [θ1, θ2].
 */
class ContactAnisotropyTest {

    private static final double R = 12;

    private static Volume belt(double beta) {
        return Phantoms.composite(3, 36, R, 4, Phantoms.Loss.BELT, beta);
    }

    @Test
    void overallContactFractionsMatchTheBeltTruth() throws AnalysisException {
        for (double beta : new double[] { 20, 30 }) {
            Result r = new Contact().run(Phantoms.inputs(Phantoms.labels(belt(beta))), new ContactSettings(),
                    Monitor.NONE);
            double truth = Math.sin(Math.toRadians(beta));
            System.out.printf("belt %.0f°: AM_VOID %.4f (truth %.4f), AM_SE %.4f (truth %.4f)%n", beta,
                    r.metrics().get("contact.AM_VOID.fraction").value(), truth,
                    r.metrics().get("contact.AM_SE.fraction").value(), 1 - truth);
            assertEquals(truth, r.metrics().get("contact.AM_VOID.fraction").value(), 0.02, "β " + beta);
            assertEquals(1 - truth, r.metrics().get("contact.AM_SE.fraction").value(), 0.02, "β " + beta);
            // 27 spheres: area 27 · 4πr² within the estimator's bias
            assertEquals(1.0, r.metrics().get("surface.AM.area").value() / (27 * 4 * Math.PI * R * R), 0.025);
            assertTrue(r.metrics().get("contact.AM_SE.fraction").uncertainty() < 0.01, "identical cells");
        }
    }

    @Test
    void contactFractionPerPolarBinMatchesTheAnalyticTruth() throws AnalysisException {
        for (double beta : new double[] { 25, 30 }) {
            Result r = new ContactAnisotropy().run(Phantoms.inputs(Phantoms.labels(belt(beta))),
                    new ContactAnisotropySettings(), Monitor.NONE);
            Table polar = r.tables().get("polar");
            assertEquals(9, polar.rowCount());
            StringBuilder report = new StringBuilder(String.format("belt β = %.0f°: bin, truth void, measured void, "
                    + "measured SE%n", beta));
            for (int bin = 0; bin < 9; bin++) {
                double t1 = polar.column("theta_min").get(bin);
                double t2 = polar.column("theta_max").get(bin);
                double truth = Phantoms.beltFraction(t1, t2, beta);
                double voidFraction = polar.column("fraction.VOID").get(bin);
                double seFraction = polar.column("fraction.SE").get(bin);
                report.append(String.format("  %2.0f-%2.0f  %.3f  %.3f  %.3f%n", t1, t2, truth, voidFraction,
                        seFraction));
                // bins touching the belt edge see it blurred by a few degrees (digitised edge, 3x3x3 normals)
                boolean atEdge = t1 <= 90 - beta && t2 >= 90 - beta;
                assertEquals(truth, voidFraction, atEdge ? 0.25 : 0.04, "β " + beta + " bin " + t1);
                assertEquals(1 - truth, seFraction, atEdge ? 0.25 : 0.04, "β " + beta + " bin " + t1);
            }
            System.out.print(report);
            assertEquals(0, r.metrics().get("anisotropy.AM_VOID.fraction_axial").value(), 0.01);
            double lateralTruth = Math.sin(Math.toRadians(beta)) / Math.cos(Math.toRadians(45));
            assertEquals(lateralTruth, r.metrics().get("anisotropy.AM_VOID.fraction_lateral").value(), 0.03);
            assertEquals(1, r.metrics().get("anisotropy.AM_SE.fraction_axial").value(), 0.01);
            assertEquals(1, r.figures().size());
            assertEquals(2, r.figures().get(0).series().size());
        }
    }

    @Test
    void beltVoidsAreFlatRingsAcrossThePressureAxis() throws AnalysisException {
        Result r = new ContactAnisotropy().run(Phantoms.inputs(Phantoms.labels(belt(30))),
                new ContactAnisotropySettings(), Monitor.NONE);
        assertEquals(27, r.metrics().get("void.count").value());
        // a ring of radius ~14 and height 2·(r+t)·sin β: its shortest axis is Z
        assertEquals(1.0, r.metrics().get("void.minor_axis_alignment").value(), 0.01);
        assertTrue(r.metrics().get("void.anisotropy").value() > 0.4);
        Table voids = r.tables().get("voids");
        assertEquals(27, voids.rowCount());
        assertEquals(0, voids.column("minor_axis_polar").get(0), 1);
        // ring of mean radius ρ: variance ρ²/2 in-plane → semi-axis sqrt(5/2)·ρ, ρ ≈ r + t/2
        assertEquals(Math.sqrt(2.5) * 14, voids.column("a").get(0), 1.5);
        // caps on one side (+X): shortest axis along X, perpendicular to Z
        Result cap = new ContactAnisotropy().run(Phantoms.inputs(Phantoms.labels(Phantoms.composite(2, 36, R, 4,
                Phantoms.Loss.CAP_X, 40))), new ContactAnisotropySettings(), Monitor.NONE);
        assertEquals(0, cap.metrics().get("void.minor_axis_alignment").value(), 0.05);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws AnalysisException {
        Volume v = Phantoms.composite(2, 30, 9.5, 3, Phantoms.Loss.BELT, 35);
        ContactAnisotropySettings one = new ContactAnisotropySettings();
        one.threads = 1;
        one.phases = "0=VOID,1=SE,2=AM";
        ContactAnisotropySettings three = new ContactAnisotropySettings();
        three.threads = 3;
        three.phases = one.phases;
        assertEquals(new ContactAnisotropy().run(Phantoms.inputs(v), one, Monitor.NONE).metrics(),
                new ContactAnisotropy().run(Phantoms.inputs(v), three, Monitor.NONE).metrics());
        ContactSettings c1 = new ContactSettings();
        c1.threads = 1;
        ContactSettings c3 = new ContactSettings();
        c3.threads = 3;
        assertEquals(new Contact().run(Phantoms.inputs(Phantoms.labels(v)), c1, Monitor.NONE).metrics(),
                new Contact().run(Phantoms.inputs(Phantoms.labels(v)), c3, Monitor.NONE).metrics());
    }

    @Test
    void badInputAndSettingsAreRefused() {
        ContactAnisotropySettings s = new ContactAnisotropySettings();
        s.binDegrees = 0;
        assertThrows(InvalidSettingsException.class, () -> new ContactAnisotropy().configure(
                new InputSpec(List.of(DataKind.LABELS)), s));
        assertThrows(InvalidSettingsException.class, () -> new Contact().configure(
                new InputSpec(List.of(DataKind.CYCLER)), new ContactSettings()));
        // no label called AM
        Volume v = Phantoms.volume(8, 8, 8, (x, y, z) -> x < 4 ? 1 : 0);
        AnalysisException e = assertThrows(AnalysisException.class, () -> new ContactAnisotropy().run(
                Phantoms.inputs(v), new ContactAnisotropySettings(), Monitor.NONE));
        assertTrue(e.getMessage().contains("phantom.tif") && e.getMessage().contains("AM"), e.getMessage());
        Volume grey = Phantoms.volume(16, 16, 4, (x, y, z) -> (x + 16 * y) % 200);
        assertTrue(assertThrows(AnalysisException.class, () -> new Contact().run(Phantoms.inputs(grey),
                new ContactSettings(), Monitor.NONE)).getMessage().contains("segment it first"));
        assertThrows(CanceledException.class, () -> new Contact().run(Phantoms.inputs(v), new ContactSettings(),
                Monitor.cancelable(() -> true)));
    }
}
