package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.ui.preferences.StackscopePreferencePage;
import org.stackscope.ui.preferences.StackscopePreferences;
import org.stackscope.ui.volume.Plane;
import org.stackscope.ui.volume.VolumeView;

import net.imglib2.img.array.ArrayImgs;

/** Window > Preferences > Stackscope, and the views following it. */
class PreferencesTest {

    @AfterEach
    void restoreDefaults() {
        StackscopePreferences.store().setToDefault(StackscopePreferences.PHASE_COLOUR_PREFIX + "AM");
        StackscopePreferences.store().setToDefault(StackscopePreferences.PRESSURE_UNIT);
        StackscopePreferences.store().setToDefault(StackscopePreferences.LENGTH_UNIT);
    }

    @Test
    void displayUnitsChangeHowPressureAndLengthsAreShownNotTheData() throws Exception {
        org.stackscope.study.Dataset d = TestStudies.dataset("log", java.nio.file.Path.of("x.csv"));
        org.stackscope.study.Dataset at50 = new org.stackscope.study.Dataset("ct", "", java.nio.file.Path.of("ct.tif"),
                null, 50, 0, Double.NaN, Map.of());
        assertEquals("ct (50 MPa, cycle 0)", StudyLabelProvider.text(at50));
        StackscopePreferences.store().setValue(StackscopePreferences.PRESSURE_UNIT, "PSI");
        assertEquals("ct (7252 psi, cycle 0)", StudyLabelProvider.text(at50));
        assertEquals("log", StudyLabelProvider.text(d));

        StackscopePreferences.store().setValue(StackscopePreferences.LENGTH_UNIT, "NM");
        VolumeView view = Workbench.showView(VolumeView.ID, VolumeView.class);
        view.display("ramp", new Volume(ArrayImgs.floats(new float[8 * 8 * 8], 8, 8, 8), "float32",
                new double[] { 0.5, 0.5, 2 }, Axis.Z, Map.of()));
        assertTrue(view.heading().endsWith("voxel 500 × 500 × 2000 nm"), view.heading());
        assertTrue(view.caption(Plane.XY).contains("(8000 nm)"), view.caption(Plane.XY));
    }

    @Test
    void thePreferencePageOpensWithEveryField() throws Exception {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Workbench.window().getShell(),
                "org.stackscope.ui.preferences", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Workbench.settle();
            Workbench.screenshot(dialog.getShell(), "preferences");
            assertTrue(dialog.getSelectedPage() instanceof StackscopePreferencePage, "the Stackscope page is shown");
        } finally {
            dialog.close();
        }
        assertEquals("Z", StackscopePreferences.pressureAxis());
        assertEquals(0, StackscopePreferences.threads());
    }

    @Test
    void aPhaseColourPreferenceRecoloursTheOverlay() throws Exception {
        PreferenceConverter.setValue(StackscopePreferences.store(), StackscopePreferences.PHASE_COLOUR_PREFIX + "AM",
                new RGB(0, 255, 0));
        VolumeView view = Workbench.showView(VolumeView.ID, VolumeView.class);
        byte[] labels = new byte[8 * 8 * 8];
        java.util.Arrays.fill(labels, (byte) 2);
        Volume v = new Volume(ArrayImgs.unsignedBytes(labels, 8, 8, 8), "uint8", new double[] { 1, 1, 1 }, Axis.Z,
                Map.of());
        view.display("all AM", new LabelVolume(v, Map.of(2, "AM")));
        ImageData xy = view.sliceImage(Plane.XY);
        RGB pixel = xy.palette.getRGB(xy.getPixel(4, 4));
        assertTrue(pixel.green > pixel.red + 60 && pixel.green > pixel.blue + 60, "AM drawn green: " + pixel);
    }
}
