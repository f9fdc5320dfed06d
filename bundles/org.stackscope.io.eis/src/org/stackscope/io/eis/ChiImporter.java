package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.Match;

/** CH Instruments A.C. Impedance text export (Freq/Hz, Z'/ohm, Z"/ohm, ...). */
public final class ChiImporter extends EisTextImporter {

    static final String FORMAT = "chi-txt";

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
        return matchBySignature(file, ".txt", ".csv");
    }
}
