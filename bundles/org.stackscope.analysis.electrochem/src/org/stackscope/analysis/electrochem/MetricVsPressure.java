package org.stackscope.analysis.electrochem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Any metric of a set of datasets against their stack pressure, with linear, logarithmic and power-law fits
 * ({@link PressureFit}), coefficient uncertainties (standard errors; intervals at the chosen confidence are
 * ± t·SE), R² and RMSE in the metric's own units, AICc to compare the laws, and confidence bands. Inputs are tables
 * with a {@code pressure_MPa} column and the metric column (one row per dataset, several tables are concatenated),
 * e.g. written by hand, by a study ({@code org.stackscope.study.PressureSeries}) or read by the
 * {@code pressure-metric-csv} importer. Non-finite metric values (a cell that never shorted: short.time_h = ∞) are
 * censored observations; they are listed in a note and left out of the fits.
 */
public final class MetricVsPressure implements Analysis<MetricVsPressureSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, MetricVsPressureSettings s) throws InvalidSettingsException {
        if (inputs.kinds().isEmpty() || inputs.kinds().stream().anyMatch(k -> k != DataKind.TABLE)) {
            throw new InvalidSettingsException("metric-vs-pressure takes tables of pressure_MPa and a metric, not "
                    + inputs.kinds());
        }
        List<String> metrics = new ArrayList<>(List.of("points", "points.excluded"));
        for (PressureFit f : PressureFit.values()) {
            for (String q : new String[] { "a", "b", "r2", "rmse", "aicc" }) {
                metrics.add("fit." + f.id() + "." + q);
            }
        }
        return new OutputSpec(metrics, List.of("points", "fits"), List.of("metric-vs-pressure"));
    }

    @Override
    public Result run(Inputs inputs, MetricVsPressureSettings s, Monitor monitor) throws AnalysisException {
        DoubleList pressure = new DoubleList();
        DoubleList value = new DoubleList();
        DoubleList source = new DoubleList();
        String metricName = s.metric.trim();
        String metricUnit = "";
        List<String> censored = new ArrayList<>();
        for (int in = 0; in < inputs.size(); in++) {
            Inputs.Input input = inputs.get(in);
            Table t = (Table) input.data();
            if (!t.hasColumn(CyclerColumns.PRESSURE)) {
                throw new AnalysisException(input.path() + ": no " + CyclerColumns.PRESSURE + " column");
            }
            String name = metricName.isEmpty() ? onlyOtherColumn(input, t) : metricName;
            if (!t.hasColumn(name)) {
                throw new AnalysisException(input.path() + ": no column '" + name + "' (metric=" + s.metric + ")");
            }
            metricName = name;
            metricUnit = t.column(name).unit();
            double[] p = t.column(CyclerColumns.PRESSURE).values();
            double[] y = t.column(name).values();
            for (int r = 0; r < p.length; r++) {
                if (!Double.isFinite(p[r])) {
                    throw new AnalysisException(input.path() + ": row " + (r + 1) + ": pressure is not a number");
                }
                if (!Double.isFinite(y[r])) {
                    censored.add(String.format(Locale.ROOT, "%s at %g MPa", y[r], p[r]));
                    continue;
                }
                pressure.add(p[r]);
                value.add(y[r]);
                source.add(in + 1);
            }
        }
        int n = pressure.size();
        if (n < 3) {
            throw new AnalysisException("metric-vs-pressure needs at least 3 points with a finite " + metricName
                    + ", has " + n);
        }
        double[] p = pressure.toArray();
        double[] y = value.toArray();
        Result result = new Result();
        result.metric("points", n, "");
        result.metric("points.excluded", censored.size(), "");
        if (!censored.isEmpty()) {
            result.note("left out of the fits (not finite, e.g. censored): " + String.join(", ", censored));
        }
        double pMin = java.util.Arrays.stream(p).min().getAsDouble();
        double pMax = java.util.Arrays.stream(p).max().getAsDouble();
        double[] grid = new double[s.bandPoints];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = pMin + (pMax - pMin) * i / (grid.length - 1);
        }
        List<Column> fitColumns = new ArrayList<>(List.of(new Column(CyclerColumns.PRESSURE, "MPa", grid)));
        List<Column> pointColumns = new ArrayList<>(List.of(new Column(CyclerColumns.PRESSURE, "MPa", p),
                new Column(metricName, metricUnit, y), new Column("input", "", source.toArray())));
        List<FigureSpec.Series> series = new ArrayList<>(List.of(new FigureSpec.Series(metricName, p, y)));
        PressureFit best = null;
        double bestAicc = Double.POSITIVE_INFINITY;
        for (PressureFit law : PressureFit.values()) {
            monitor.checkCanceled();
            String key = "fit." + law.id() + ".";
            DoubleList xs = new DoubleList(), ys = new DoubleList();
            for (int i = 0; i < n; i++) {
                if (law.accepts(p[i], y[i])) {
                    xs.add(law.x(p[i]));
                    ys.add(law.linearY(y[i]));
                }
            }
            if (xs.size() < 3 || xs.size() < n) {
                for (String q : new String[] { "a", "b", "r2", "rmse", "aicc" }) {
                    result.metric(key + q, Double.NaN, "");
                }
                result.note(law.id() + " fit skipped: it needs positive pressures" + (law == PressureFit.POWER
                        ? " and metric values" : ""));
                continue;
            }
            LineFit f = LineFit.of(xs.toArray(), ys.toArray());
            double t = f.tQuantile(s.confidence);
            // Goodness in the metric's own units, so the three laws compare on equal terms.
            double sse = 0;
            double mean = java.util.Arrays.stream(y).average().getAsDouble();
            double sst = 0;
            double[] fitted = new double[n];
            for (int i = 0; i < n; i++) {
                fitted[i] = law.backY(f.predict(law.x(p[i])));
                sse += (y[i] - fitted[i]) * (y[i] - fitted[i]);
                sst += (y[i] - mean) * (y[i] - mean);
            }
            int k = 3; // a, b and the residual variance
            double aicc = n * Math.log(sse / n) + 2 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1)
                    : Double.POSITIVE_INFINITY);
            result.metric(key + "a", new Metric(law.a(f), law == PressureFit.LINEAR ? metricUnit : "", law.seA(f)));
            result.metric(key + "b", new Metric(f.b(), "", f.seB()));
            result.metric(key + "r2", sst > 0 ? 1 - sse / sst : Double.NaN, "");
            result.metric(key + "rmse", Math.sqrt(sse / n), metricUnit);
            result.metric(key + "aicc", aicc, "");
            if (aicc < bestAicc) {
                bestAicc = aicc;
                best = law;
            }
            double[] line = new double[grid.length];
            double[] lower = new double[grid.length];
            double[] upper = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                double x = law.x(grid[i]);
                double half = f.bandHalfWidth(x, t);
                line[i] = law.backY(f.predict(x));
                lower[i] = law.backY(f.predict(x) - half);
                upper[i] = law.backY(f.predict(x) + half);
            }
            fitColumns.add(new Column(law.id(), metricUnit, line));
            fitColumns.add(new Column(law.id() + "_lower", metricUnit, lower));
            fitColumns.add(new Column(law.id() + "_upper", metricUnit, upper));
            pointColumns.add(new Column(law.id() + "_fit", metricUnit, fitted));
            series.add(new FigureSpec.Series(law.id() + ": " + law.formula(), grid, line));
            series.add(new FigureSpec.Series(law.id() + " " + Math.round(100 * s.confidence) + "% band low", grid,
                    lower));
            series.add(new FigureSpec.Series(law.id() + " " + Math.round(100 * s.confidence) + "% band high", grid,
                    upper));
        }
        if (best != null) {
            result.note("lowest AICc: " + best.id() + " (" + best.formula() + ")");
        }
        result.table("points", Table.of(pointColumns));
        result.table("fits", Table.of(fitColumns));
        result.figure(new FigureSpec("metric-vs-pressure", metricName + " against stack pressure",
                FigureSpec.Type.SCATTER, "Stack pressure (MPa)", metricName + (metricUnit.isEmpty() ? ""
                        : " (" + metricUnit + ")"), series));
        return result;
    }

    private static String onlyOtherColumn(Inputs.Input input, Table t) throws AnalysisException {
        List<String> others = t.columns().stream().map(Column::name)
                .filter(c -> !c.equals(CyclerColumns.PRESSURE)).toList();
        if (others.size() != 1) {
            throw new AnalysisException(input.path() + ": set metric= to one of " + others);
        }
        return others.get(0);
    }
}
