package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.Match;

/** VersaStudio .par: the Segment blocks, columns Frequency(Hz), Z Real and Z Imag of their Definition line. */
public final class VersaStudioImporter extends EisTextImporter {

    static final String FORMAT = "versastudio-par";

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
        return matchBySignature(file, ".par");
    }
}
