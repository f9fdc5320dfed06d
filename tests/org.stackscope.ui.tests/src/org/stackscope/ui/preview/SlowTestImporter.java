package org.stackscope.ui.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/** Takes about a minute over any {@code .slow} file, checking for cancellation as real importers do. */
public final class SlowTestImporter implements Importer<Table> {

    static final int STEPS = 6_000;

    @Override
    public Match matches(Path file) {
        return file.getFileName().toString().endsWith(".slow") ? Match.YES : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) {
        monitor.begin("Reading slowly", STEPS);
        for (int step = 0; step < STEPS; step++) {
            monitor.checkCanceled();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            monitor.worked(1);
        }
        return new Table(DataKind.TABLE, List.of(new Column("step", "", new double[] { STEPS })), Map.of());
    }
}
