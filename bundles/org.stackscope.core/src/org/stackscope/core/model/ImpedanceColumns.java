package org.stackscope.core.model;

/**
 * The column vocabulary of impedance tables ({@code DataKind.IMPEDANCE}): one or several spectra in rows, SI units.
 * Z = z_real + i·z_imag with the physical sign, so a capacitive arc has {@code z_imag_ohm < 0} (plot −Z'' upwards).
 */
public final class ImpedanceColumns {

    public static final String FREQUENCY = "frequency_Hz";
    public static final String Z_REAL = "z_real_ohm";
    public static final String Z_IMAG = "z_imag_ohm";
    /** 1-based spectrum number when a file holds several (per cycle, per pressure, per temperature). */
    public static final String SPECTRUM = "spectrum_index";
    /** Optional: when the point was measured, DC potential, cycle number (same meaning as in cycler tables). */
    public static final String TIME = CyclerColumns.TIME;
    public static final String VOLTAGE = CyclerColumns.VOLTAGE;
    public static final String CYCLE = CyclerColumns.CYCLE;

    private ImpedanceColumns() {
    }
}
