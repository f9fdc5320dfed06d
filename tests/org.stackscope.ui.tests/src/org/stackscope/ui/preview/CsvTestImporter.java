package org.stackscope.ui.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/** Reads a header line of column names and rows of numbers; enough for the tests' CSV datasets. */
public final class CsvTestImporter implements Importer<Table> {

    @Override
    public Match matches(Path file) {
        return file.getFileName().toString().endsWith(".csv") ? Match.MAYBE : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(file, "", e.getMessage(), e);
        }
        String[] names = lines.get(0).split(",");
        List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        double[][] values = new double[names.length][rows.size()];
        monitor.begin("Reading " + file.getFileName(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            monitor.checkCanceled();
            String[] cells = rows.get(r).split(",");
            for (int c = 0; c < names.length; c++) {
                values[c][r] = Double.parseDouble(cells[c].trim());
            }
            monitor.worked(1);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(new Column(names[c].trim(), "", values[c]));
        }
        return new Table(DataKind.TABLE, columns, Map.of());
    }
}
