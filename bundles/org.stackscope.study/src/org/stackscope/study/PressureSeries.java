package org.stackscope.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.settings.SettingsSupport;

/**
 * A study-level table of one metric against stack pressure: runs one analysis on every dataset of a study that carries
 * a stack-pressure tag and whose format the analysis accepts, and collects the metric, one row per dataset
 * ({@code pressure_MPa}, the metric, its uncertainty). The table is the input of the {@code metric-vs-pressure}
 * analysis (fits and confidence bands), e.g. time to short or retention against stack pressure. A setting the
 * analysis has but the caller leaves out is taken from the dataset's cell where the study knows it
 * ({@code activeMass_mg}). Row order follows the study; dataset ids are kept in the metadata.
 */
public final class PressureSeries {

    private final Registry registry;

    public PressureSeries(Registry registry) {
        this.registry = registry;
    }

    public Table collect(Study study, String analysisId, Map<String, String> settings, String metric, Monitor monitor)
            throws ImportException, InvalidSettingsException, AnalysisException {
        AnalysisDescriptor descriptor = registry.analysis(analysisId).orElseThrow(
                () -> new InvalidSettingsException("unknown analysis '" + analysisId + "' (run 'analyses')"));
        StepRunner.settings(descriptor, settings); // reject bad settings before any import
        boolean takesMass = SettingsSupport.describe(descriptor.settingsClass()).stream()
                .anyMatch(d -> d.key().equals("activeMass_mg"));
        List<Double> pressure = new ArrayList<>();
        List<Metric> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String unit = "";
        for (Dataset d : study.datasets()) {
            if (Double.isNaN(d.stackPressureMPa()) || !accepts(descriptor, d)) {
                continue;
            }
            monitor.checkCanceled();
            Map<String, String> own = new LinkedHashMap<>(settings);
            Optional<Cell> cell = study.cell(d.cellId());
            if (takesMass && !own.containsKey("activeMass_mg") && cell.isPresent()
                    && cell.get().activeMassMg() > 0) {
                own.put("activeMass_mg", Double.toString(cell.get().activeMassMg()));
            }
            Inputs.Input in = registry.read(d.path(), d.format(), new ImportSettings(d.importSettings()), monitor);
            StepResult r = StepRunner.run(descriptor, new Inputs(List.of(in)), StepRunner.settings(descriptor, own),
                    monitor);
            Metric m = r.result().metrics().get(metric);
            if (m == null) {
                throw new AnalysisException(analysisId + " gave no metric '" + metric + "' for dataset " + d.id()
                        + "; it gives " + r.result().metrics().keySet());
            }
            pressure.add(d.stackPressureMPa());
            values.add(m);
            ids.add(d.id());
            unit = m.unit();
        }
        if (ids.isEmpty()) {
            throw new InvalidSettingsException(study.name() + ": no dataset with a stack pressure that " + analysisId
                    + " can read");
        }
        double[] p = pressure.stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = values.stream().mapToDouble(Metric::value).toArray();
        double[] u = values.stream().mapToDouble(Metric::uncertainty).toArray();
        return new Table(DataKind.TABLE, List.of(new Column("pressure_MPa", "MPa", p), new Column(metric, unit, v),
                new Column(metric + ".uncertainty", unit, u)), Map.of("datasets", String.join(",", ids),
                        "analysis", analysisId));
    }

    /** Whether the dataset's importer (given or detected from the first bytes) gives a kind the analysis takes. */
    private boolean accepts(AnalysisDescriptor descriptor, Dataset d) throws ImportException {
        return descriptor.inputKinds().contains(registry.importerFor(d.path(), d.format()).kind());
    }
}
