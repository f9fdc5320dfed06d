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
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;
import org.stackscope.ui.Numbers;

/**
 * A first look at an imported dataset: a one-line description and, where one fits, a figure — a volume's profile
 * along its pressure axis, a table's second column against its first.
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
        List<Column> columns = table.columns();
        if (columns.size() < 2) {
            return Optional.empty();
        }
        Column x = columns.get(0);
        Column y = columns.get(1);
        return Optional.of(new FigureSpec(name, name, FigureSpec.Type.LINE, x.name(), y.name(),
                List.of(new FigureSpec.Series(y.name(), x.values(), y.values()))));
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
