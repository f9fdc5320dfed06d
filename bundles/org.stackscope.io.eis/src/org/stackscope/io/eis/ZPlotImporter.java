package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.Match;

/** ZPlot / ZPlotW / Z60W text (.z and the same layout exported as .txt, e.g. impedance.py's Autolab example): the data below the header line Freq(Hz) ... Z'(a) Z''(b). */
public final class ZPlotImporter extends EisTextImporter {

    static final String FORMAT = "zplot";

    @Override
    String format() {
        return FORMAT;
    }

    @Override
    boolean skipDcRows() {
        return false;
    }

    @Override
    public Match matches(Path file) {
        return matchBySignature(file, ".z", ".txt");
    }
}
