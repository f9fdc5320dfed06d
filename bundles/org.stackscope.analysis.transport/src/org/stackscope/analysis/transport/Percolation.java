package org.stackscope.analysis.transport;

import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;

/**
 * How a phase connects the two faces across an axis: the fractions of its voxels in clusters touching both faces
 * (through), only the inlet (first slice) or only the outlet (last slice) — dead ends — or neither (isolated), and the
 * number of clusters, with 6-, 18- or 26-connectivity.
 */
public final class Percolation implements Analysis<PercolationSettings> {

    static final List<String> METRICS = List.of("percolation.through_fraction", "percolation.inlet_only_fraction",
            "percolation.outlet_only_fraction", "percolation.isolated_fraction", "percolation.clusters");

    @Override
    public OutputSpec configure(InputSpec inputs, PercolationSettings settings) throws InvalidSettingsException {
        PhaseSelection.checkInputs("percolation", inputs);
        PhaseSelection.parseGreyRange(settings.greyRange);
        checkConnectivity(settings.connectivity);
        return new OutputSpec(METRICS, List.of(), List.of());
    }

    private static void checkConnectivity(int connectivity) throws InvalidSettingsException {
        if (connectivity != 6 && connectivity != 18 && connectivity != 26) {
            throw new InvalidSettingsException("connectivity must be 6, 18 or 26, not " + connectivity);
        }
    }

    @Override
    public Result run(Inputs inputs, PercolationSettings settings, Monitor monitor) throws AnalysisException {
        PhaseMask mask;
        try {
            checkConnectivity(settings.connectivity);
            mask = PhaseSelection.mask(inputs.get(0).data(), settings.phases, settings.greyRange, settings.axis,
                    monitor);
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            throw new AnalysisException(inputs.get(0).path() + ": " + e.getMessage(), e);
        }
        Clusters clusters;
        try (SlicePool pool = new SlicePool(SlicePool.resolveThreads(settings.threads))) {
            clusters = Clusters.find(mask.voxels(), mask.nu(), mask.nv(), mask.nw(), settings.connectivity, false,
                    pool, monitor);
        }
        double selected = clusters.selectedVoxels();
        Result result = new Result();
        result.metric(METRICS.get(0), clusters.voxels(Clusters.THROUGH) / selected, "");
        result.metric(METRICS.get(1), clusters.voxels(Clusters.INLET_ONLY) / selected, "");
        result.metric(METRICS.get(2), clusters.voxels(Clusters.OUTLET_ONLY) / selected, "");
        result.metric(METRICS.get(3), clusters.voxels(Clusters.ISOLATED) / selected, "");
        result.metric(METRICS.get(4), clusters.count(), "");
        if (selected == 0) {
            result.note("The selected phase has no voxels; the fractions are undefined (NaN).");
        }
        result.note("Faces are the first and last slices along " + mask.flowAxis() + "; " + settings.connectivity
                + "-connectivity.");
        return result;
    }
}
