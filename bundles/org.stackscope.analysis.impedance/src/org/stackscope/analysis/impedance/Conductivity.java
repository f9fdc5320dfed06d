package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.settings.SettingsSupport;

/**
 * {@code conductivity}: ionic conductivity σ = L/(R·A) of a pellet or composite layer between blocking electrodes,
 * R from the bulk intercept or from fitted resistors; with one temperature per spectrum, the Arrhenius fit
 * ln(σT) = ln A − Ea/(k T) (Ea in eV, with its standard error); with the conducting phase fraction ε and the bulk
 * conductivity of the pure conductor, the tortuosity factor τ = ε·σ_bulk/σ_eff (TauFactor's definition).
 */
public final class Conductivity implements Analysis<ConductivitySettings> {

    /** Boltzmann constant in eV/K. */
    static final double BOLTZMANN_EV = 8.617333262e-5;

    @Override
    public OutputSpec configure(InputSpec inputs, ConductivitySettings settings) throws InvalidSettingsException {
        SettingsSupport.validate(settings);
        EisFit.requireImpedance(inputs, "conductivity");
        if (!(settings.thickness > 0) || !(settings.area > 0 || settings.diameter > 0)) {
            throw new InvalidSettingsException("conductivity needs thickness (mm) and area (cm²) or diameter (mm)");
        }
        if (settings.source == ConductivitySettings.Source.FIT) {
            Circuit c = EisFit.circuit(settings.circuit);
            resistorIndices(c, settings.resistors);
        }
        temperatures(settings.temperatures);
        return new OutputSpec(List.of("conductivity.sigma", "conductivity.R", "conductivity.Ea",
                "conductivity.prefactor", "tortuosity.factor"), List.of("conductivity"), List.of("arrhenius"));
    }

    static int[] resistorIndices(Circuit c, String text) throws InvalidSettingsException {
        String[] names = text.split("[+,]");
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            idx[i] = c.indexOf(name);
            if (idx[i] < 0 || c.elements().stream().noneMatch(e -> e.type == Circuit.Type.R && e.name.equals(name))) {
                throw new InvalidSettingsException("resistors: '" + name + "' is not a resistor of " + c.text());
            }
        }
        return idx;
    }

    static double[] temperatures(String text) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.split("[,;]");
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                t[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("temperatures: '" + parts[i].strip() + "' is not a number");
            }
            if (!(t[i] > -273.15)) {
                throw new InvalidSettingsException("temperatures: " + t[i] + " °C is below absolute zero");
            }
        }
        return t;
    }

    @Override
    public Result run(Inputs inputs, ConductivitySettings settings, Monitor monitor) throws AnalysisException {
        List<Spectrum> spectra = Spectrum.all(inputs);
        double[] tC;
        int[] resistors = null;
        try {
            tC = temperatures(settings.temperatures);
            if (settings.source == ConductivitySettings.Source.FIT) {
                resistors = resistorIndices(EisFit.circuit(settings.circuit), settings.resistors);
            }
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        if (tC.length > 0 && tC.length != spectra.size()) {
            throw new AnalysisException(tC.length + " temperatures given for " + spectra.size() + " spectra");
        }
        double lengthCm = settings.thickness / 10;
        double areaCm2 = settings.area > 0 ? settings.area : Math.PI * Math.pow(settings.diameter / 20, 2);
        int n = spectra.size();
        double[] r = new double[n], rErr = new double[n], sigma = new double[n];
        if (settings.source == ConductivitySettings.Source.FIT) {
            EisFitSettings fs = new EisFitSettings();
            fs.circuit = settings.circuit;
            fs.initial = settings.initial;
            EisFit.SeriesFit fits = EisFit.fitAll(spectra, fs, monitor);
            for (int i = 0; i < n; i++) {
                CircuitFitter.Fit f = fits.fits().get(i);
                double var = 0;
                for (int a : resistors) {
                    r[i] += f.parameters()[a];
                    for (int b : resistors) {
                        var += f.correlation()[a][b] * f.standardErrors()[a] * f.standardErrors()[b];
                    }
                }
                rErr[i] = Math.sqrt(Math.max(var, 0));
            }
        } else {
            for (int i = 0; i < n; i++) {
                r[i] = intercept(spectra.get(i));
                rErr[i] = Double.NaN;
            }
        }
        Result result = new Result();
        for (int i = 0; i < n; i++) {
            if (!(r[i] > 0)) {
                throw new AnalysisException(spectra.get(i).label() + ": no positive ionic resistance (" + r[i] + " ohm)");
            }
            sigma[i] = lengthCm / (r[i] * areaCm2) * 1e3; // mS/cm
            String prefix = n == 1 ? "conductivity." : "conductivity." + (i + 1) + ".";
            result.metric(prefix + "R", new Metric(r[i], "ohm", rErr[i]));
            result.metric(prefix + "sigma", new Metric(sigma[i], "mS/cm", sigma[i] * rErr[i] / r[i]));
            if (settings.phaseFraction > 0 && settings.bulkConductivity > 0) {
                String tp = n == 1 ? "tortuosity." : "tortuosity." + (i + 1) + ".";
                result.metric(tp + "factor", settings.phaseFraction * settings.bulkConductivity / sigma[i], "");
            }
        }
        List<Column> cols = new ArrayList<>();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i + 1;
        }
        cols.add(new Column("spectrum", "", index));
        cols.add(new Column("R_ohm", "ohm", r));
        cols.add(new Column("sigma_mS_cm", "mS/cm", sigma));
        if (tC.length >= 2) {
            double[] inv = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                double tK = tC[i] + 273.15;
                inv[i] = 1000 / tK;
                double s = sigma[i] * 1e-3; // S/cm
                y[i] = Math.log(settings.arrhenius == ConductivitySettings.ArrheniusForm.SIGMA_T ? s * tK : s);
            }
            double[] line = linearFit(inv, y);
            // slope of ln(σT) against 1000/T is −Ea/(1000 k)
            double ea = -line[0] * 1000 * BOLTZMANN_EV;
            double eaErr = line[2] * 1000 * BOLTZMANN_EV;
            result.metric("conductivity.Ea", new Metric(ea, "eV", eaErr));
            result.metric("conductivity.prefactor", Math.exp(line[1]),
                    settings.arrhenius == ConductivitySettings.ArrheniusForm.SIGMA_T ? "S K/cm" : "S/cm");
            cols.add(new Column("temperature_degC", "degC", tC));
            cols.add(new Column("inverse_temperature_1000_K", "1/K", inv));
            double[] fitY = new double[n];
            for (int i = 0; i < n; i++) {
                fitY[i] = line[0] * inv[i] + line[1];
            }
            result.figure(new FigureSpec("arrhenius", String.format(java.util.Locale.ROOT,
                    "Arrhenius plot, Ea = %.3f ± %.3f eV", ea, eaErr), FigureSpec.Type.SCATTER, "1000/T (1/K)",
                    settings.arrhenius == ConductivitySettings.ArrheniusForm.SIGMA_T ? "ln(σT / S K cm⁻¹)"
                            : "ln(σ / S cm⁻¹)",
                    List.of(new FigureSpec.Series("measured", inv, y), new FigureSpec.Series("fit", inv, fitY))));
        }
        result.table("conductivity", Table.of(cols));
        return result;
    }

    /** Least-squares line y = a x + b: {a, b, stderr(a)}. */
    static double[] linearFit(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double a = sxy / sxx, b = my - a * mx;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - a * x[i] - b;
            ss += e * e;
        }
        double se = n > 2 ? Math.sqrt(ss / (n - 2) / sxx) : Double.NaN;
        return new double[] { a, b, se };
    }

    /**
     * The ionic resistance where the bulk arc meets the electrode spike: Z' at the first local minimum of −Z'' after
     * an arc (parabolic refinement over the three points), or, when no arc is resolved, the real-axis intercept of
     * the line through the three highest-frequency points.
     */
    static double intercept(Spectrum s) {
        int n = s.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s.frequency()[b], s.frequency()[a]));
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = s.re()[order[k]];
            y[k] = -s.im()[order[k]];
        }
        boolean sawMaximum = false;
        for (int k = 1; k < n - 1; k++) {
            if (y[k] > y[k - 1] && y[k] >= y[k + 1]) {
                sawMaximum = true;
            }
            if (sawMaximum && y[k] < y[k - 1] && y[k] <= y[k + 1]) {
                // vertex of the parabola through (x, y) of the three points, parametrised by index
                double den = y[k - 1] - 2 * y[k] + y[k + 1];
                double t = den > 0 ? 0.5 * (y[k - 1] - y[k + 1]) / den : 0;
                return t < 0 ? x[k] + t * (x[k] - x[k - 1]) : x[k] + t * (x[k + 1] - x[k]);
            }
        }
        int m = Math.min(3, n);
        double[] xs = java.util.Arrays.copyOf(x, m), ys = java.util.Arrays.copyOf(y, m);
        if (m < 2) {
            return x[0];
        }
        double[] line = linearFit(ys, xs); // Z' as a function of −Z''
        return line[1];
    }
}
