package org.stackscope.analysis.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Tortuosity factor from steady-state diffusion through one or more conducting phases between two opposite faces
 * (c = 1 at the inlet face, c = 0 at the outlet face, closed or periodic sides), as TauFactor defines it:
 * {@code τ = ε · D₀ / D_eff}, with ε the volume fraction of the conducting phases over the whole volume and
 * {@code D_eff / D₀ = F · L / A} from the converged total flux F. τ is infinite when no cluster connects the faces.
 */
public final class TortuosityFactor implements Analysis<TortuosityFactorSettings> {

    static final List<String> METRICS = List.of("tortuosity.factor", "tortuosity.epsilon", "tortuosity.deff_ratio",
            "tortuosity.macmullin", "tortuosity.isolated_fraction", "tortuosity.iterations",
            "tortuosity.flux_mismatch");

    @Override
    public OutputSpec configure(InputSpec inputs, TortuosityFactorSettings settings) throws InvalidSettingsException {
        PhaseSelection.checkInputs("tortuosity-factor", inputs);
        PhaseSelection.parseGreyRange(settings.greyRange);
        parseConductivities(settings.conductivities);
        if (!(settings.tolerance > 0 && settings.tolerance < 1)) {
            throw new InvalidSettingsException("tolerance must lie between 0 and 1, not " + settings.tolerance);
        }
        if (settings.maxIterations < 1) {
            throw new InvalidSettingsException("maxIterations must be at least 1");
        }
        return new OutputSpec(METRICS, List.of("flux_profile", "convergence"), List.of("flux_profile", "convergence"));
    }

    @Override
    public Result run(Inputs inputs, TortuosityFactorSettings settings, Monitor monitor) throws AnalysisException {
        PhaseMask mask;
        double[] conductivity;
        try {
            configure(InputSpec.of(inputs), settings);
            mask = PhaseSelection.mask(inputs.get(0).data(), settings.phases, settings.greyRange, settings.axis,
                    monitor);
            conductivity = conductivities(mask, parseConductivities(settings.conductivities));
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            throw new AnalysisException(inputs.get(0).path() + ": " + e.getMessage(), e);
        }
        try (SlicePool pool = new SlicePool(SlicePool.resolveThreads(settings.threads))) {
            return solve(mask, conductivity, settings, pool, monitor);
        }
    }

    private static Result solve(PhaseMask mask, double[] conductivity, TortuosityFactorSettings settings,
            SlicePool pool, Monitor monitor) {
        int nu = mask.nu();
        int nv = mask.nv();
        int nw = mask.nw();
        double[] h = mask.spacing();
        SolvedVoxels selection = solvedVoxels(mask, settings, pool, monitor);
        double epsilon = (double) selection.selected() / mask.voxels().length;
        long notThrough = selection.selected() - selection.through();
        double isolatedFraction = selection.selected() == 0 ? 0 : (double) notThrough / selection.selected();
        Result result = new Result();
        if (selection.through() == 0) {
            report(result, epsilon, 0, isolatedFraction, 0, Double.NaN);
            result.note(selection.selected() == 0
                    ? "The conducting phases have no voxels: nothing conducts, so τ is infinite."
                    : "No cluster of the conducting phases connects the inlet and outlet faces along "
                            + mask.flowAxis() + ": D_eff = 0 and τ is infinite.");
            return result;
        }
        FineGrid grid = new FineGrid(selection.phases(), nu, nv, nw, conductivity, h, settings.periodicSides,
                pool);
        DiffusionSolver.Solution solution = DiffusionSolver.solve(grid, settings.tolerance, settings.maxIterations,
                pool, monitor);
        double flux = solution.meanFlux();
        double length = nw * h[2];
        double area = nu * h[0] * nv * h[1];
        double deffRatio = flux * length / area;
        double[] planes = solution.planeFluxes();
        double mismatch = Math.abs(planes[0] - planes[nw]) / flux;
        report(result, epsilon, deffRatio, isolatedFraction, solution.iterations(), mismatch);
        addFluxProfile(result, planes, flux, h[2], mask);
        addConvergence(result, solution.residualHistory());
        if (solution.converged()) {
            result.note(String.format(Locale.ROOT, "Converged to tolerance %.1e (relative residual and flux spread "
                    + "over planes); %d iterations; flow along %s; %s sides.", settings.tolerance,
                    solution.iterations(), mask.flowAxis(), settings.periodicSides ? "periodic" : "closed"));
        } else {
            result.note(String.format(Locale.ROOT, "Not converged to tolerance %.1e: stopped after %d iterations "
                    + "(limit %d) with flux spread %.2e and relative residual %.2e%s; flow along %s; %s sides.",
                    settings.tolerance, solution.iterations(), settings.maxIterations, solution.fluxSpread(),
                    solution.residualHistory()[solution.iterations()], solution.iterations() < settings.maxIterations
                            ? " — the flux spread no longer falls (single-precision limit); ask for a larger tolerance"
                            : "", mask.flowAxis(), settings.periodicSides ? "periodic" : "closed"));
        }
        if (notThrough > 0) {
            result.note(String.format(Locale.ROOT, "%.4f%% of the conducting voxels do not connect both faces "
                    + "(dead ends or floating islands)%s.", 100 * isolatedFraction,
                    settings.trimIsolated ? " and were left out of the solve" : "; floating islands were left out"));
        }
        return result;
    }

    private static void report(Result result, double epsilon, double deffRatio, double isolatedFraction,
            int iterations, double fluxMismatch) {
        result.metric("tortuosity.factor", deffRatio > 0 ? epsilon / deffRatio : Double.POSITIVE_INFINITY, "");
        result.metric("tortuosity.epsilon", epsilon, "");
        result.metric("tortuosity.deff_ratio", deffRatio, "");
        result.metric("tortuosity.macmullin", deffRatio > 0 ? 1 / deffRatio : Double.POSITIVE_INFINITY, "");
        result.metric("tortuosity.isolated_fraction", isolatedFraction, "");
        result.metric("tortuosity.iterations", iterations, "");
        result.metric("tortuosity.flux_mismatch", fluxMismatch, "");
    }

    /**
     * The phase of each voxel that enters the linear system, -1 for the others, and the counts of conducting and of
     * through-connected voxels. Floating islands never enter (they make the system singular), dead ends optionally.
     * The cluster labels are dropped once this is known (the solve needs their heap).
     */
    private record SolvedVoxels(byte[] phases, long selected, long through) {
    }

    private static SolvedVoxels solvedVoxels(PhaseMask mask, TortuosityFactorSettings settings, SlicePool pool,
            Monitor monitor) {
        Clusters clusters = Clusters.find(mask.voxels(), mask.nu(), mask.nv(), mask.nw(), 6, settings.periodicSides,
                pool, monitor);
        long through = clusters.voxels(Clusters.THROUGH);
        if (through == 0) {
            return new SolvedVoxels(null, clusters.selectedVoxels(), 0);
        }
        byte[] solved = mask.voxels().clone();
        byte[] classes = clusters.classes();
        for (int i = 0; i < solved.length; i++) {
            byte c = classes[i];
            if (c == Clusters.ISOLATED || (settings.trimIsolated && c != Clusters.THROUGH && c >= 0)) {
                solved[i] = -1;
            }
        }
        return new SolvedVoxels(solved, clusters.selectedVoxels(), through);
    }

    private static void addFluxProfile(Result result, double[] planes, double meanFlux, double sliceThickness,
            PhaseMask mask) {
        int n = planes.length;
        double[] index = new double[n];
        double[] position = new double[n];
        double[] relative = new double[n];
        for (int k = 0; k < n; k++) {
            index[k] = k;
            position[k] = k * sliceThickness;
            relative[k] = planes[k] / meanFlux;
        }
        result.table("flux_profile", Table.of(List.of(new Column("plane", "", index),
                new Column("position", "um", position), new Column("flux_relative", "", relative))));
        result.figure(new FigureSpec("flux_profile", "Flux through each plane along " + mask.flowAxis(),
                FigureSpec.Type.LINE, "Position along " + mask.flowAxis() + " (µm)", "Flux / mean flux",
                List.of(new FigureSpec.Series("flux", position, relative))));
    }

    private static void addConvergence(Result result, double[] residuals) {
        double[] iteration = new double[residuals.length];
        double[] log = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            iteration[i] = i;
            log[i] = Math.log10(residuals[i]);
        }
        result.table("convergence", Table.of(List.of(new Column("iteration", "", iteration),
                new Column("relative_residual", "", residuals.clone()))));
        result.figure(new FigureSpec("convergence", "Solver convergence", FigureSpec.Type.LINE, "Iteration",
                "log10(relative residual)", List.of(new FigureSpec.Series("residual", iteration, log))));
    }

    /** Parses {@code "0=1,170=0.1"} into label → relative conductivity pairs ({@code [label, value]}). */
    static List<double[]> parseConductivities(String text) throws InvalidSettingsException {
        List<double[]> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            try {
                double value = Double.parseDouble(kv[1].trim());
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new InvalidSettingsException("conductivities: " + pair.trim() + " must be positive");
                }
                out.add(new double[] { Integer.parseInt(kv[0].trim()), value });
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new InvalidSettingsException("conductivities: '" + pair.trim() + "' is not of the form "
                        + "label=value");
            }
        }
        return out;
    }

    /** Relative conductivity of each phase index of the mask (1 unless listed). */
    private static double[] conductivities(PhaseMask mask, List<double[]> pairs) throws InvalidSettingsException {
        int[] labels = mask.phases();
        double[] out = new double[mask.phaseCount()];
        java.util.Arrays.fill(out, 1.0);
        for (double[] pair : pairs) {
            int index = -1;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == (int) pair[0]) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new InvalidSettingsException("conductivities: label " + (int) pair[0]
                        + " is not one of the conducting phases " + java.util.Arrays.toString(labels));
            }
            out[index] = pair[1];
        }
        return out;
    }
}
