package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.concurrent.Futures;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.settings.SettingsSupport;

/**
 * {@code eis-fit}: fits an equivalent circuit to every spectrum of the inputs (CNLS, see {@link CircuitFitter}).
 * One spectrum gives metrics {@code eis.<parameter>.value} with the standard error as uncertainty; a series (several
 * files, or several spectra in one) is fitted in order, each fit also started from the previous result, and gives a
 * table of parameters per spectrum. Tables: parameters, correlation, fit (data, model, relative residuals).
 */
public final class EisFit implements Analysis<EisFitSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, EisFitSettings settings) throws InvalidSettingsException {
        SettingsSupport.validate(settings);
        requireImpedance(inputs, "eis-fit");
        Circuit c = circuit(settings.circuit);
        InitialGuess.parse(c, settings.initial, settings.fixed, settings.bounds);
        if (!(settings.minFrequency < settings.maxFrequency)) {
            throw new InvalidSettingsException("minFrequency must be below maxFrequency");
        }
        List<String> metrics = new ArrayList<>();
        for (String p : c.parameterNames()) {
            metrics.add("eis." + p + ".value");
        }
        metrics.addAll(List.of("eis.chi_square", "eis.reduced_chi_square", "eis.points", "eis.spectra"));
        return new OutputSpec(metrics, List.of("parameters", "correlation", "fit"),
                List.of("nyquist", "bode-magnitude", "bode-phase", "residuals"));
    }

    static void requireImpedance(InputSpec inputs, String id) throws InvalidSettingsException {
        if (inputs.kinds().isEmpty()) {
            throw new InvalidSettingsException(id + " needs at least one impedance spectrum");
        }
        for (DataKind k : inputs.kinds()) {
            if (k != DataKind.IMPEDANCE) {
                throw new InvalidSettingsException(id + " needs impedance spectra, not " + k.id());
            }
        }
    }

    static Circuit circuit(String text) throws InvalidSettingsException {
        try {
            return Circuit.parse(text);
        } catch (Circuit.CircuitSyntaxException e) {
            throw new InvalidSettingsException("setting circuit: " + e.getMessage());
        }
    }

    /** The fits of a series of spectra, in order. */
    public record SeriesFit(Circuit circuit, List<Spectrum> spectra, List<CircuitFitter.Fit> fits) {
    }

    /** Fits every spectrum; the engine of the analysis, also used by conductivity and the benchmark. */
    public static SeriesFit fitAll(List<Spectrum> raw, EisFitSettings settings, Monitor monitor)
            throws AnalysisException {
        Circuit c;
        InitialGuess.Spec spec;
        try {
            c = circuit(settings.circuit);
            spec = InitialGuess.parse(c, settings.initial, settings.fixed, settings.bounds);
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        List<Spectrum> spectra = new ArrayList<>();
        for (Spectrum s : raw) {
            Spectrum f = s.filtered(settings.minFrequency, settings.maxFrequency, settings.onlyCapacitive);
            int free = 0;
            for (boolean x : spec.fixed()) {
                free += x ? 0 : 1;
            }
            if (free > 2 * f.size() || f.size() == 0) {
                throw new AnalysisException(s.label() + ": " + free + " free parameters but only " + f.size()
                        + " points (" + 2 * f.size() + " values) to fit");
            }
            spectra.add(f);
        }
        int threads = settings.threads > 0 ? settings.threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        monitor.begin("Fitting " + c.text(), spectra.size());
        try {
            List<CircuitFitter.Fit> fits = new ArrayList<>();
            if (settings.chain || pool == null) {
                CircuitFitter.Fit previous = null;
                for (Spectrum s : spectra) {
                    monitor.checkCanceled();
                    CircuitFitter.Fit fit = fitOne(c, spec, s, settings, previous, pool);
                    fits.add(fit);
                    previous = fit;
                    monitor.worked(1);
                }
            } else {
                List<Future<CircuitFitter.Fit>> futures = new ArrayList<>();
                for (Spectrum s : spectra) {
                    futures.add(pool.submit(() -> {
                        monitor.checkCanceled();
                        return fitOne(c, spec, s, settings, null, null);
                    }));
                }
                fits.addAll(Futures.awaitAll(futures, () -> monitor.worked(1)));
            }
            monitor.done();
            return new SeriesFit(c, spectra, fits);
        } catch (IllegalStateException e) {
            throw new AnalysisException(e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * One spectrum of a series: from the previous fit first; only when that fit is clearly worse than the previous
     * one (reduced χ² more than 4 times higher, e.g. a new arc appeared) the full multi-start runs as well.
     */
    private static CircuitFitter.Fit fitOne(Circuit c, InitialGuess.Spec spec, Spectrum s, EisFitSettings settings,
            CircuitFitter.Fit previous, ExecutorService pool) {
        double[] start = InitialGuess.complete(c, spec, s);
        CircuitFitter.Problem problem = new CircuitFitter.Problem(c, start, spec.fixed(), spec.lower(), spec.upper(),
                settings.weighting);
        CircuitFitter.Fit seeded = null;
        if (previous != null) {
            seeded = CircuitFitter.fitOnce(problem.withStart(previous.parameters()), s);
            if (seeded != null && seeded.reducedChiSquare() <= 4 * previous.reducedChiSquare()) {
                return seeded;
            }
        }
        CircuitFitter.Fit fit = CircuitFitter.fit(problem, s, settings.starts, settings.seed, pool);
        if (seeded != null && seeded.chiSquare() < fit.chiSquare()) {
            fit = seeded;
        }
        return fit;
    }

    @Override
    public Result run(Inputs inputs, EisFitSettings settings, Monitor monitor) throws AnalysisException {
        SeriesFit series = fitAll(Spectrum.all(inputs), settings, monitor);
        Circuit c = series.circuit();
        Result result = new Result();
        List<String> names = c.parameterNames();
        int nSpectra = series.fits().size();
        if (nSpectra == 1) {
            CircuitFitter.Fit fit = series.fits().get(0);
            for (int i = 0; i < names.size(); i++) {
                result.metric("eis." + names.get(i) + ".value",
                        new Metric(fit.parameters()[i], unit(c, i), fit.standardErrors()[i]));
            }
            result.metric("eis.chi_square", fit.chiSquare(), "");
            result.metric("eis.reduced_chi_square", fit.reducedChiSquare(), "");
            result.metric("eis.points", series.spectra().get(0).size(), "");
        }
        result.metric("eis.spectra", nSpectra, "");

        // parameters per spectrum
        List<Column> cols = new ArrayList<>();
        double[] index = new double[nSpectra];
        double[] chi = new double[nSpectra];
        for (int s = 0; s < nSpectra; s++) {
            index[s] = s + 1;
            chi[s] = series.fits().get(s).chiSquare();
        }
        cols.add(new Column("spectrum", "", index));
        List<FigureSpec.Series> trend = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] v = new double[nSpectra], e = new double[nSpectra];
            for (int s = 0; s < nSpectra; s++) {
                v[s] = series.fits().get(s).parameters()[i];
                e[s] = series.fits().get(s).standardErrors()[i];
            }
            cols.add(new Column(names.get(i), unit(c, i), v));
            cols.add(new Column(names.get(i) + ".stderr", unit(c, i), e));
            String name = names.get(i);
            if (c.elements().stream().anyMatch(el -> el.type == Circuit.Type.R && el.name.equals(name))) {
                trend.add(new FigureSpec.Series(names.get(i), index, v));
            }
        }
        cols.add(new Column("chi_square", "", chi));
        result.table("parameters", Table.of(cols));
        if (nSpectra > 1 && !trend.isEmpty()) {
            result.figure(new FigureSpec("resistances", "Fitted resistances per spectrum", FigureSpec.Type.LINE,
                    "Spectrum", "Resistance (Ω)", trend));
        }

        CircuitFitter.Fit last = series.fits().get(nSpectra - 1);
        List<Column> corr = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] col = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                col[j] = last.correlation()[j][i];
            }
            corr.add(new Column(names.get(i), "", col));
        }
        result.table("correlation", Table.of(corr));
        fitTableAndFigures(result, c, series);
        return result;
    }

    private static void fitTableAndFigures(Result result, Circuit c, SeriesFit series) {
        int total = 0;
        for (Spectrum s : series.spectra()) {
            total += s.size();
        }
        double[][] t = new double[8][total];
        int row = 0;
        for (int si = 0; si < series.spectra().size(); si++) {
            Spectrum s = series.spectra().get(si);
            CircuitFitter.Fit fit = series.fits().get(si);
            for (int k = 0; k < s.size(); k++, row++) {
                double mod = Math.hypot(s.re()[k], s.im()[k]);
                t[0][row] = si + 1;
                t[1][row] = s.frequency()[k];
                t[2][row] = s.re()[k];
                t[3][row] = s.im()[k];
                t[4][row] = fit.modelRe()[k];
                t[5][row] = fit.modelIm()[k];
                t[6][row] = (s.re()[k] - fit.modelRe()[k]) / mod;
                t[7][row] = (s.im()[k] - fit.modelIm()[k]) / mod;
            }
        }
        String[] names = { "spectrum_index", "frequency_Hz", "z_real_ohm", "z_imag_ohm", "model_real_ohm",
                "model_imag_ohm", "residual_real", "residual_imag" };
        String[] units = { "", "Hz", "ohm", "ohm", "ohm", "ohm", "", "" };
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            cols.add(new Column(names[i], units[i], t[i]));
        }
        result.table("fit", Table.of(cols));

        // figures of the last spectrum: data and the model on a dense grid
        int last = series.spectra().size() - 1;
        Spectrum s = series.spectra().get(last);
        double[] p = series.fits().get(last).parameters();
        Figures.spectrum(result, s, c, p, series.fits().get(last).modelRe(), series.fits().get(last).modelIm());
    }

    /** The unit of parameter {@code i}. */
    static String unit(Circuit c, int i) {
        for (Circuit.Element e : c.elements()) {
            if (i >= e.first && i < e.end) {
                int k = i - e.first;
                return switch (e.type) {
                    case R -> "ohm";
                    case C -> "F";
                    case L -> "H";
                    case CPE -> k == 0 ? "S s^alpha" : "";
                    case W -> "ohm s^-1/2";
                    case WO, WS -> k == 0 ? "ohm" : "s";
                    case ZARC, G -> k == 0 ? "ohm" : k == 1 ? "s" : "";
                    case TLM -> k == 0 ? "ohm" : k == 1 ? "S s^alpha" : "";
                };
            }
        }
        return "";
    }
}
