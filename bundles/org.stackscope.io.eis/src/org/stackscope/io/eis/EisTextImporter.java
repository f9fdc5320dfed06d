package org.stackscope.io.eis;

import java.nio.file.Path;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;

/**
 * Base of the impedance text importers: each vendor format says how to recognise its files; reading is shared
 * ({@link SpectrumText}). Output: an impedance table with {@code frequency_Hz}, {@code z_real_ohm},
 * {@code z_imag_ohm} (physical sign) and {@code spectrum_index}.
 */
abstract class EisTextImporter implements Importer<Table> {

    static final int SNIFF_BYTES = 8192;

    /** Which of this bundle's formats a file's first bytes belong to, by signature; null for none. */
    static String vendor(String head) {
        String start = head.stripLeading().replace("\uFEFF", "");
        if (start.startsWith("ZPLOT2 ASCII") || start.startsWith("\"ZPlotW Data File")
                || start.startsWith("\"Z60W Data File")) {
            return ZPlotImporter.FORMAT;
        }
        if (start.startsWith("<Application>") && head.contains("VersaStudio")) {
            return VersaStudioImporter.FORMAT;
        }
        if (head.contains("A.C. Impedance") && head.contains("Freq/Hz")) {
            return ChiImporter.FORMAT;
        }
        String firstLine = start.lines().findFirst().orElse("");
        if (firstLine.startsWith("Potential (V)\tCurrent (A)\tElapsed Time (s)\tFrequency (Hz)")) {
            return ParstatImporter.FORMAT;
        }
        return null;
    }

    abstract String format();

    boolean skipDcRows() {
        return false;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        return SpectrumText.read(file, new SpectrumText.Options(format(), skipDcRows()), monitor);
    }

    /** YES when the file carries this format's signature. */
    Match matchBySignature(Path file, String... extensions) {
        if (!SpectrumText.hasExtension(file, extensions)) {
            return Match.NO;
        }
        return format().equals(vendor(SpectrumText.head(file, SNIFF_BYTES))) ? Match.YES : Match.NO;
    }
}
