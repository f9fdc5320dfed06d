package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.Match;

/** Parstat text export: tab-separated Potential, Current, Elapsed Time, Frequency, Zre, Zim; the DC records (frequency 0) between spectra are skipped. */
public final class ParstatImporter extends EisTextImporter {

    static final String FORMAT = "parstat-txt";

    @Override
    String format() {
        return FORMAT;
    }

    @Override
    boolean skipDcRows() {
        return true;
    }

    @Override
    public Match matches(Path file) {
        return matchBySignature(file, ".txt", ".csv");
    }
}
