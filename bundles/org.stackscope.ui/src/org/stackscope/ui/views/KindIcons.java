package org.stackscope.ui.views;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Dataset;

/**
 * Dataset icons by kind of data (V volume, L labels, C cycler, Z impedance, P pressure, T table), drawn once per
 * display as a coloured tile with a letter. The kind comes from the dataset's named format or the importers' cheap
 * {@code matches}, remembered per file.
 */
final class KindIcons {

    private static final Map<DataKind, int[]> COLOURS = new EnumMap<>(Map.of(
            DataKind.VOLUME, new int[] { 0, 114, 178 }, DataKind.LABELS, new int[] { 204, 121, 167 }, DataKind.IMAGE_STACK, new int[] { 86, 180, 233 },
            DataKind.CYCLER, new int[] { 0, 158, 115 }, DataKind.IMPEDANCE, new int[] { 213, 94, 0 },
            DataKind.PRESSURE, new int[] { 110, 110, 110 }, DataKind.TABLE, new int[] { 160, 160, 160 }));

    private final Map<DataKind, Image> images = new EnumMap<>(DataKind.class);
    private final Map<Path, DataKind> kinds = new ConcurrentHashMap<>();

    /** The icon of a dataset, or null when no importer recognises its file. */
    Image of(Dataset dataset) {
        DataKind kind = kinds.computeIfAbsent(dataset.path(), p -> kindOf(dataset));
        return kind == null ? null : images.computeIfAbsent(kind, this::draw);
    }

    private static DataKind kindOf(Dataset dataset) {
        try {
            return Registry.platform().importerFor(dataset.path(), dataset.format()).kind();
        } catch (ImportException e) {
            return null; // ConcurrentHashMap keeps no null: asked again next time, e.g. after the file appears
        }
    }

    private Image draw(DataKind kind) {
        Display display = Display.getCurrent();
        int size = 16;
        Image image = new Image(display, size, size);
        GC gc = new GC(image);
        int[] rgb = COLOURS.getOrDefault(kind, new int[] { 128, 128, 128 });
        Color fill = new Color(rgb[0], rgb[1], rgb[2]);
        try {
            gc.setAntialias(SWT.ON);
            gc.setBackground(fill);
            gc.fillRoundRectangle(0, 0, size, size, 5, 5);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            String letter = switch (kind) {
                case VOLUME -> "V";
                case LABELS -> "L";
                case IMAGE_STACK -> "S";
                case CYCLER -> "C";
                case IMPEDANCE -> "Z";
                case PRESSURE -> "P";
                case TABLE -> "T";
            };
            Point extent = gc.textExtent(letter);
            gc.drawText(letter, (size - extent.x) / 2, (size - extent.y) / 2, true);
        } finally {
            gc.dispose();
            fill.dispose();
        }
        return image;
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
