package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;
import org.stackscope.core.settings.SettingsSupport;

/**
 * {@code gitt}: galvanostatic intermittent titration of a cycler record (time_s, voltage_V, current_A). Each pulse
 * (|I| above a threshold) and the rest after it give: the OCV before (V0) and after relaxation, ΔEs, the IR drop at
 * the first pulse sample, ΔEt (the change during the pulse without the IR drop), the total resistance at the pulse
 * end against the OCV, which moves linearly from V0 to V0 + ΔEs while the charge passes:
 * R_total = (V_end − V0 − ΔEs)/I. With time constants from EIS (tau2 for charge transfer, tau3 for diffusion) the
 * pulse overpotential η(t)/I is split by linear least squares into R1 (instantaneous: contact and electrolyte),
 * R2·(1 − e^(−t/τ2)) (charge transfer) and R3·(1 − e^(−t/τ3)) or R3·√(t/t_pulse) (diffusion). The Weppner-Huggins
 * coefficient D = 4L²(ΔEs/ΔEt)²/(π t_pulse) is reported with its validity check: the linearity of V against √t
 * during the pulse (R²) and t_pulse·D/L² ≪ 1.
 */
public final class Gitt implements Analysis<GittSettings> {

    /** One pulse and its relaxation. */
    public record Pulse(double soc, double current, double duration, double v0, double vRelaxed, double irDrop,
            double deltaEs, double deltaEt, double rIr, double rTotal, double r1, double r2, double r3,
            double diffusion, double sqrtLinearity) {
    }

    @Override
    public OutputSpec configure(InputSpec inputs, GittSettings settings) throws InvalidSettingsException {
        SettingsSupport.validate(settings);
        if (inputs.kinds().size() != 1 || inputs.kinds().get(0) != DataKind.CYCLER) {
            throw new InvalidSettingsException("gitt needs exactly one cycler record");
        }
        if (settings.tau2 > 0 && settings.diffusionShape == GittSettings.DiffusionShape.RC && !(settings.tau3 > 0)) {
            throw new InvalidSettingsException("gitt: diffusionShape RC needs tau3 (s) along with tau2");
        }
        return new OutputSpec(List.of("gitt.pulses", "gitt.R_total.mean", "gitt.R1.mean", "gitt.R2.mean",
                "gitt.R3.mean", "gitt.D.mean"), List.of("pulses"), List.of("resistance-vs-soc", "ocv"));
    }

    @Override
    public Result run(Inputs inputs, GittSettings settings, Monitor monitor) throws AnalysisException {
        if (!(inputs.get(0).data() instanceof Table t)) {
            throw new AnalysisException(inputs.get(0).path() + ": not a cycler table");
        }
        for (String c : List.of(CyclerColumns.TIME, CyclerColumns.VOLTAGE, CyclerColumns.CURRENT)) {
            if (!t.hasColumn(c)) {
                throw new AnalysisException(inputs.get(0).path() + ": no column " + c);
            }
        }
        List<Pulse> pulses = analyse(t.column(CyclerColumns.TIME).values(), t.column(CyclerColumns.VOLTAGE).values(),
                t.column(CyclerColumns.CURRENT).values(), settings, monitor);
        if (pulses.isEmpty()) {
            throw new AnalysisException(inputs.get(0).path() + ": no current pulse followed by a rest was found");
        }
        Result result = new Result();
        int n = pulses.size();
        result.metric("gitt.pulses", n, "");
        double[][] cols = new double[15][n];
        for (int i = 0; i < n; i++) {
            Pulse p = pulses.get(i);
            double[] v = { p.soc(), p.current(), p.duration(), p.v0(), p.vRelaxed(), p.irDrop(), p.deltaEs(),
                    p.deltaEt(), p.rIr(), p.rTotal(), p.r1(), p.r2(), p.r3(), p.diffusion(), p.sqrtLinearity() };
            for (int c = 0; c < v.length; c++) {
                cols[c][i] = v[c];
            }
        }
        String[] names = { "soc", "current_A", "pulse_s", "ocv_before_V", "ocv_after_V", "ir_drop_V", "delta_Es_V",
                "delta_Et_V", "R_ir_ohm", "R_total_ohm", "R1_ohm", "R2_ohm", "R3_ohm", "D_cm2_s", "sqrt_t_r2" };
        String[] units = { "", "A", "s", "V", "V", "V", "V", "V", "ohm", "ohm", "ohm", "ohm", "ohm", "cm2/s", "" };
        List<org.stackscope.core.model.Column> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(new org.stackscope.core.model.Column(names[c], units[c], cols[c]));
        }
        result.table("pulses", Table.of(columns));
        result.metric("gitt.R_total.mean", mean(cols[9]), "ohm");
        result.metric("gitt.R_ir.mean", mean(cols[8]), "ohm");
        List<FigureSpec.Series> rs = new ArrayList<>();
        rs.add(new FigureSpec.Series("R_total", cols[0], cols[9]));
        if (settings.tau2 > 0) {
            result.metric("gitt.R1.mean", mean(cols[10]), "ohm");
            result.metric("gitt.R2.mean", mean(cols[11]), "ohm");
            result.metric("gitt.R3.mean", mean(cols[12]), "ohm");
            rs.add(new FigureSpec.Series("R1 (contact)", cols[0], cols[10]));
            rs.add(new FigureSpec.Series("R2 (charge transfer)", cols[0], cols[11]));
            rs.add(new FigureSpec.Series("R3 (diffusion)", cols[0], cols[12]));
        }
        if (settings.diffusionLength > 0) {
            result.metric("gitt.D.mean", mean(cols[13]), "cm2/s");
            int poor = 0;
            for (int i = 0; i < n; i++) {
                double ratio = cols[2][i] * cols[13][i] / Math.pow(settings.diffusionLength * 1e-4, 2);
                poor += cols[14][i] < 0.99 || ratio > 0.1 ? 1 : 0;
            }
            if (poor > 0) {
                result.note(poor + " of " + n + " pulses fail the Weppner-Huggins conditions (V not linear in √t, "
                        + "R² < 0.99, or t_pulse·D/L² > 0.1): their D is not reliable");
            }
        }
        result.figure(new FigureSpec("resistance-vs-soc", "GITT resistance vs state of charge", FigureSpec.Type.LINE,
                "State of charge", "Resistance (Ω)", rs));
        result.figure(new FigureSpec("ocv", "Relaxed open-circuit voltage", FigureSpec.Type.LINE, "State of charge",
                "OCV (V)", List.of(new FigureSpec.Series("OCV", cols[0], cols[4]))));
        return result;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Finds the pulses and evaluates each. */
    public static List<Pulse> analyse(double[] time, double[] voltage, double[] current, GittSettings settings,
            Monitor monitor) throws AnalysisException {
        int n = time.length;
        double maxI = 0;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(time[k]) || !Double.isFinite(voltage[k]) || !Double.isFinite(current[k])) {
                throw new AnalysisException("row " + (k + 1) + ": time, voltage or current is not a number");
            }
            if (k > 0 && time[k] < time[k - 1]) {
                throw new AnalysisException("row " + (k + 1) + ": time goes backwards");
            }
            maxI = Math.max(maxI, Math.abs(current[k]));
        }
        double threshold = settings.currentThreshold > 0 ? settings.currentThreshold : 0.01 * maxI;
        // pulse = run of samples with |I| > threshold
        List<int[]> runs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (Math.abs(current[k]) > threshold) {
                int start = k;
                while (k + 1 < n && Math.abs(current[k + 1]) > threshold) {
                    k++;
                }
                runs.add(new int[] { start, k });
            }
        }
        double totalCharge = 0;
        for (int[] r : runs) {
            totalCharge += Math.abs(charge(time, current, r[0], r[1]));
        }
        double capacityC = settings.capacity > 0 ? settings.capacity * 3600 : totalCharge;
        double soc = settings.initialSoc;
        List<Pulse> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            monitor.checkCanceled();
            int s = runs.get(i)[0], e = runs.get(i)[1];
            int restEnd = i + 1 < runs.size() ? runs.get(i + 1)[0] - 1 : n - 1;
            double q = charge(time, current, s, e);
            soc += q / capacityC;
            if (s == 0 || restEnd <= e || e - s < 2) {
                continue; // no rest before or after, or too few samples to evaluate
            }
            double iPulse = 0;
            for (int k = s; k <= e; k++) {
                iPulse += current[k] / (e - s + 1);
            }
            double t0 = time[s - 1]; // the pulse starts right after the last rest sample
            double duration = time[e] - t0;
            double v0 = voltage[s - 1];
            double vRelaxed = voltage[restEnd];
            double irDrop = voltage[s] - v0;
            double deltaEs = vRelaxed - v0;
            double deltaEt = voltage[e] - voltage[s];
            double rTotal = (voltage[e] - v0 - deltaEs) / iPulse;
            double r1 = Double.NaN, r2 = Double.NaN, r3 = Double.NaN;
            if (settings.tau2 > 0) {
                int m = e - s + 1;
                double[][] a = new double[m][3];
                double[] b = new double[m];
                for (int k = s; k <= e; k++) {
                    double t = time[k] - t0;
                    double eta = voltage[k] - v0 - deltaEs * t / duration;
                    b[k - s] = eta / iPulse;
                    a[k - s][0] = 1;
                    a[k - s][1] = 1 - Math.exp(-t / settings.tau2);
                    a[k - s][2] = settings.diffusionShape == GittSettings.DiffusionShape.RC
                            ? 1 - Math.exp(-t / settings.tau3) : Math.sqrt(t / duration);
                }
                double[] x = Linear.leastSquares(a, b);
                if (x != null) {
                    r1 = x[0];
                    r2 = x[1];
                    r3 = x[2];
                }
            }
            double d = Double.NaN;
            double linearity = sqrtLinearity(time, voltage, s, e, t0);
            if (settings.diffusionLength > 0 && deltaEt != 0) {
                double l = settings.diffusionLength * 1e-4; // cm
                d = 4 * l * l / (Math.PI * duration) * Math.pow(deltaEs / deltaEt, 2);
            }
            out.add(new Pulse(soc, iPulse, duration, v0, vRelaxed, irDrop, deltaEs, deltaEt, irDrop / iPulse, rTotal,
                    r1, r2, r3, d, linearity));
        }
        return out;
    }

    private static double charge(double[] time, double[] current, int s, int e) {
        // each pulse sample carries its current back to the previous sample (step-wise logging)
        double q = 0;
        for (int k = s; k <= e; k++) {
            q += current[k] * (time[k] - (k > 0 ? time[k - 1] : time[k]));
        }
        return q;
    }

    /** R² of V against √t over the pulse. */
    private static double sqrtLinearity(double[] time, double[] voltage, int s, int e, double t0) {
        int m = e - s + 1;
        double[] x = new double[m], y = new double[m];
        for (int k = s; k <= e; k++) {
            x[k - s] = Math.sqrt(time[k] - t0);
            y[k - s] = voltage[k];
        }
        double[] line = Conductivity.linearFit(x, y);
        double my = 0;
        for (double v : y) {
            my += v / m;
        }
        double ssTot = 0, ssRes = 0;
        for (int k = 0; k < m; k++) {
            ssTot += (y[k] - my) * (y[k] - my);
            double r = y[k] - line[0] * x[k] - line[1];
            ssRes += r * r;
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : 1;
    }
}
