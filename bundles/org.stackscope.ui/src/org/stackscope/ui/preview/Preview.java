package org.stackscope.ui.preview;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;
import org.stackscope.ui.Numbers;

/**
 * A first look at an imported dataset: a one-line description and, where one fits, a figure — a volume's profile
 * along its pressure axis, a cycler file's voltage and a load-cell log's pressure against time, an impedance file's
 * Nyquist plot, any other table's second column against its first.
 */
public record Preview(String name, String description, Optional<FigureSpec> figure) {

    public static Preview of(String name, DataObject data, Monitor monitor) {
        return switch (data) {
            case LabelVolume labels -> new Preview(name,
                    "labels " + describe(labels.volume()) + ", phases " + String.join(", ", labels.phases().values()),
                    Optional.of(SliceProfiles.figure(name, labels.volume(), v -> labels.phaseName((int) v), monitor)));
            case Volume volume -> new Preview(name, "volume " + describe(volume),
                    Optional.of(SliceProfiles.figure(name, volume, Numbers::plain, monitor)));
            case Table table -> new Preview(name, describe(table), tableFigure(name, table));
            default -> new Preview(name, data.kind().id(), Optional.empty());
        };
    }

    /** "Name — description", as the chart view's heading. */
    public String heading() {
        return name + " — " + description;
    }

    private static Optional<FigureSpec> tableFigure(String name, Table table) {
        if (table.kind() == DataKind.IMPEDANCE && table.hasColumn(ImpedanceColumns.Z_REAL)
                && table.hasColumn(ImpedanceColumns.Z_IMAG)) {
            return Optional.of(nyquist(name, table));
        }
        if (table.hasColumn(CyclerColumns.TIME) && (table.kind() == DataKind.CYCLER && table.hasColumn(
                CyclerColumns.VOLTAGE) || table.kind() == DataKind.PRESSURE && table.hasColumn(CyclerColumns.PRESSURE))) {
            String y = table.kind() == DataKind.CYCLER ? CyclerColumns.VOLTAGE : CyclerColumns.PRESSURE;
            double[] hours = table.column(CyclerColumns.TIME).values().clone();
            for (int i = 0; i < hours.length; i++) {
                hours[i] /= 3600;
            }
            Column yc = table.column(y);
            return Optional.of(new FigureSpec(name, name, FigureSpec.Type.LINE, "time (h)", label(yc), List.of(
                    new FigureSpec.Series(yc.name(), hours, yc.values()))));
        }
        List<Column> columns = table.columns();
        if (columns.size() < 2) {
            return Optional.empty();
        }
        Column x = columns.get(0);
        Column y = columns.get(1);
        return Optional.of(new FigureSpec(name, name, FigureSpec.Type.LINE, x.name(), y.name(),
                List.of(new FigureSpec.Series(y.name(), x.values(), y.values()))));
    }

    /** −Z'' against Z' with equal axis scales, one series per spectrum. */
    private static FigureSpec nyquist(String name, Table table) {
        double[] re = table.column(ImpedanceColumns.Z_REAL).values();
        double[] im = table.column(ImpedanceColumns.Z_IMAG).values();
        double[] spectrum = table.hasColumn(ImpedanceColumns.SPECTRUM)
                ? table.column(ImpedanceColumns.SPECTRUM).values() : new double[re.length];
        List<FigureSpec.Series> series = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= re.length; i++) {
            if (i == re.length || spectrum[i] != spectrum[start]) {
                double[] x = java.util.Arrays.copyOfRange(re, start, i);
                double[] y = java.util.Arrays.copyOfRange(im, start, i);
                for (int k = 0; k < y.length; k++) {
                    y[k] = -y[k];
                }
                series.add(new FigureSpec.Series(series.isEmpty() && i == re.length ? name
                        : "spectrum " + Numbers.plain(spectrum[start]), x, y));
                start = i;
            }
        }
        return new FigureSpec(name, name + " (Nyquist)", FigureSpec.Type.SCATTER, "Z' (Ω)", "−Z'' (Ω)", series)
                .withEqualAspect();
    }

    private static String label(Column c) {
        return c.unit().isEmpty() ? c.name() : c.name() + " (" + c.unit() + ")";
    }

    private static String describe(Volume volume) {
        String size = join(Arrays.stream(volume.dimensions()).mapToObj(Long::toString).toList());
        String voxel = join(Arrays.stream(volume.voxelSizeUm()).mapToObj(Numbers::plain).toList());
        return size + " " + volume.sampleType() + ", voxel " + voxel + " µm, pressure axis " + volume.pressureAxis();
    }

    private static String describe(Table table) {
        String columns = table.columns().stream()
                .map(c -> c.unit().isEmpty() ? c.name() : c.name() + " (" + c.unit() + ")")
                .collect(Collectors.joining(", "));
        String kind = table.kind() == DataKind.TABLE ? "table" : table.kind().id() + " table";
        return kind + ", " + table.rowCount() + " rows: " + columns;
    }

    private static String join(List<String> parts) {
        return String.join(" × ", parts);
    }
}
