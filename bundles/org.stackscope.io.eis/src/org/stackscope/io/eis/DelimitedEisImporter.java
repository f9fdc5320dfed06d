package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.Match;

/**
 * Delimited impedance text without a vendor preamble: impedance.py's CSV (f, Z', Z'' with Z'' = Im Z, no header),
 * pyimpspec's CSV variants (comma, semicolon, tab or blank separated; decimal commas; headers such as f/Z'/Z'',
 * freq/Zre/-Zim, frequency/real/imaginary, frequency/|Z|/-phase; several spectra one after the other), Powersuite
 * and pyDRTtools text files.
 */
public final class DelimitedEisImporter extends EisTextImporter {

    static final String FORMAT = "eis-csv";

    @Override
    String format() {
        return FORMAT;
    }

    @Override
    public Match matches(Path file) {
        if (!SpectrumText.hasExtension(file, ".csv", ".txt", ".tsv", ".dat")) {
            return Match.NO;
        }
        String head = SpectrumText.head(file, SNIFF_BYTES);
        if (vendor(head) != null) {
            return Match.NO;
        }
        for (String line : head.replace("\uFEFF", "").split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (SpectrumText.header(line) != null || SpectrumText.Separator.of(line.strip(), 3) != null) {
                return Match.YES;
            }
            return Match.NO; // the first content line is neither an impedance header nor numbers
        }
        return Match.NO;
    }
}
