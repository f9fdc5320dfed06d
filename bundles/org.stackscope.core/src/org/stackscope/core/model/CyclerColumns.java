package org.stackscope.core.model;

import java.util.Map;

/**
 * The one column vocabulary of cycler tables ({@code DataKind.CYCLER}): every cycler importer writes these names in SI
 * units (temperature in °C, as the Battery Data Format does), and electrochemistry analyses read them. Only
 * {@link #TIME}, {@link #VOLTAGE} and {@link #CURRENT} are mandatory; {@link Steps} derives step, cycle and step type
 * when a vendor gives none. Vendor columns without a standard name are kept under their own sanitised names.
 */
public final class CyclerColumns {

    /** Seconds since the start of the test. */
    public static final String TIME = "time_s";
    /** Seconds since 1970-01-01T00:00Z, when the file has an absolute clock (aligns load-cell logs). */
    public static final String TIMESTAMP = "timestamp_s";
    public static final String VOLTAGE = "voltage_V";
    /** Positive while charging (current into the positive terminal), negative while discharging. */
    public static final String CURRENT = "current_A";
    /**
     * Charge passed while charging, as the vendor counts it: since the start of the step or of the half cycle (EC-Lab,
     * Novonix). Analyses that need per-step capacities integrate {@link #CURRENT} ({@link Steps#summarize}).
     */
    public static final String CHARGE_CAPACITY = "charge_capacity_Ah";
    /** Charge passed while discharging, positive, counted as {@link #CHARGE_CAPACITY} is. */
    public static final String DISCHARGE_CAPACITY = "discharge_capacity_Ah";
    public static final String CHARGE_ENERGY = "charge_energy_Wh";
    public static final String DISCHARGE_ENERGY = "discharge_energy_Wh";
    /** 1-based cycle number. */
    public static final String CYCLE = "cycle_index";
    /** 1-based running step number: increments at every step change, never repeats within a file. */
    public static final String STEP = "step_index";
    /** One of the {@link StepType} codes. */
    public static final String STEP_TYPE = "step_type";
    public static final String TEMPERATURE = "temperature_degC";
    /** Stack pressure, when a cycler logs it or a load-cell log has been aligned onto the records. */
    public static final String PRESSURE = "pressure_MPa";

    /** Our name -> Battery Data Format column name, for CSV export. */
    public static final Map<String, String> BATTERY_DATA_FORMAT = Map.ofEntries(
            Map.entry(TIME, "Test Time / s"),
            Map.entry(TIMESTAMP, "Unix Time / s"),
            Map.entry(VOLTAGE, "Voltage / V"),
            Map.entry(CURRENT, "Current / A"),
            Map.entry(CHARGE_CAPACITY, "Charging Capacity / Ah"),
            Map.entry(DISCHARGE_CAPACITY, "Discharging Capacity / Ah"),
            Map.entry(CHARGE_ENERGY, "Charging Energy / Wh"),
            Map.entry(DISCHARGE_ENERGY, "Discharging Energy / Wh"),
            Map.entry(CYCLE, "Cycle Count / 1"),
            Map.entry(STEP, "Step Count / 1"),
            Map.entry(TEMPERATURE, "Temperature T1 / degC"));

    /** What a step does; stored as its {@link #code()} in the {@link #STEP_TYPE} column. */
    public enum StepType {
        REST(0), CHARGE(1), DISCHARGE(2), IMPEDANCE(3), OTHER(4);

        private final int code;

        StepType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static StepType of(double code) {
            for (StepType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return OTHER;
        }
    }

    private CyclerColumns() {
    }
}
