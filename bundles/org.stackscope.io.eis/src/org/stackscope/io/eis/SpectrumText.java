package org.stackscope.io.eis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;

/**
 * The one reader behind every text importer of this bundle. Instruments differ mostly in their preamble, so the
 * reader looks for a header line naming a frequency column and either real + imaginary or modulus + phase columns
 * ("Freq(Hz)", "Z'(a)", "Z''(b)", "Zre (ohms)", "-Zim", "|Z|", "-phase", ...), then reads the numeric rows below it
 * (tab, ';', ',' or blank separated, decimal commas allowed where ',' is no separator). A file without any such
 * header is read as three columns f, Z', Z'' (impedance.py's CSV). Several spectra in one file are split where the
 * frequency sweep turns back or a new header starts. Z is stored with the physical sign (capacitive Z'' < 0);
 * columns headed "-Z''" or "-phase" are negated.
 */
final class SpectrumText {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern UNIT = Pattern.compile("\\(.*?\\)|\\[.*?\\]|/.*$");

    /** Column positions of one recognised header; {@code re}/{@code im} or {@code mod}/{@code phase} are set. */
    record Layout(int f, int re, int im, int mod, int phase, boolean negRe, boolean negIm, boolean negPhase,
            boolean phaseRadians) {

        int width() {
            return 1 + Math.max(f, Math.max(Math.max(re, im), Math.max(mod, phase)));
        }

        static final Layout HEADERLESS = new Layout(0, 1, 2, -1, -1, false, false, false, false);
    }

    /** Options of one vendor format. */
    record Options(String format, boolean skipDcRows) {
    }

    private SpectrumText() {
    }

    /** The first {@code bytes} of a file as text (for the cheap {@code matches} checks); "" when unreadable. */
    static String head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static boolean hasExtension(Path file, String... extensions) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return Files.isRegularFile(file);
            }
        }
        return false;
    }

    /** The header layout of a line, trying each separator, or null when the line names no impedance columns. */
    static Layout header(String line) {
        String text = line.strip();
        if (text.startsWith("Definition=")) { // VersaStudio segment header
            text = text.substring("Definition=".length());
        }
        if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1) {
            text = text.substring(1, text.length() - 1); // Z60W/ZPlotW: the whole header line is quoted
        }
        for (String sep : new String[] { "\t", ";", ",", " " }) {
            List<String> cells = sep.equals(" ") ? blankCells(text) : List.of(text.split(Pattern.quote(sep), -1));
            if (cells.size() >= 3) {
                Layout l = recognize(cells);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }

    /** Blank-separated header cells, keeping a unit such as "(Hz)" with the name before it. */
    private static List<String> blankCells(String text) {
        List<String> out = new ArrayList<>();
        for (String t : BLANKS.split(text.strip())) {
            if (!out.isEmpty() && (t.startsWith("(") || t.startsWith("["))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + t);
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static Layout recognize(List<String> cells) {
        int f = -1, re = -1, im = -1, mod = -1, phase = -1;
        boolean negRe = false, negIm = false, negPhase = false, radians = false;
        for (int i = 0; i < cells.size(); i++) {
            String raw = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (raw.startsWith("\"") && raw.endsWith("\"") && raw.length() > 1) {
                raw = raw.substring(1, raw.length() - 1);
            }
            boolean negative = raw.startsWith("-");
            String name = UNIT.matcher(negative ? raw.substring(1) : raw).replaceAll("").replace(" ", "")
                    .replace("_", "").replace("\"", "''").replace("’", "'");
            switch (name) {
                case "f", "freq", "frequency" -> f = f < 0 ? i : f;
                case "z'", "zre", "zreal", "real", "re", "re(z)", "zr" -> {
                    if (re < 0) {
                        re = i;
                        negRe = negative;
                    }
                }
                case "z''", "zim", "zimg", "zimag", "imag", "imaginary", "im", "zi" -> {
                    if (im < 0) {
                        im = i;
                        negIm = negative;
                    }
                }
                case "|z|", "z", "zmod", "mod", "modulus", "|z|(ohm)" -> mod = mod < 0 ? i : mod;
                case "phase", "phi", "phz", "theta", "zphz", "zphase" -> {
                    if (phase < 0) {
                        phase = i;
                        negPhase = negative;
                        radians = raw.contains("rad");
                    }
                }
                default -> {
                }
            }
        }
        if (f < 0) {
            return null;
        }
        if (re >= 0 && im >= 0) {
            return new Layout(f, re, im, -1, -1, negRe, negIm, false, false);
        }
        if (mod >= 0 && phase >= 0) {
            return new Layout(f, -1, -1, mod, phase, false, false, negPhase, radians);
        }
        return null;
    }

    /** Reads every spectrum of a file into one impedance table. */
    static Table read(Path file, Options options, Monitor monitor) throws ImportException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = LINE_BREAK.split(text, -1);
        monitor.begin("Reading " + file.getFileName(), lines.length);
        boolean anyHeader = false;
        for (String line : lines) {
            if (header(line) != null) {
                anyHeader = true;
                break;
            }
        }
        Points points = new Points();
        Layout layout = anyHeader ? null : Layout.HEADERLESS;
        Separator separator = null;
        boolean inBlock = false; // reading the numeric rows below a header
        int direction = 0; // +1 ascending, -1 descending sweep within the current spectrum
        int spectrum = 0;
        for (int i = 0; i < lines.length; i++) {
            if ((i & 0xfff) == 0) {
                monitor.checkCanceled();
            }
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String position = "line " + (i + 1);
            if (layout != null) {
                if (separator == null) {
                    separator = Separator.of(line, layout.width());
                }
                double[] row = separator == null ? null : numbers(line, separator, layout.width());
                if (row != null) {
                    double f = row[layout.f()];
                    double re, im;
                    if (layout.re() >= 0) {
                        re = layout.negRe() ? -row[layout.re()] : row[layout.re()];
                        im = layout.negIm() ? -row[layout.im()] : row[layout.im()];
                    } else {
                        double phi = layout.negPhase() ? -row[layout.phase()] : row[layout.phase()];
                        phi = layout.phaseRadians() ? phi : Math.toRadians(phi);
                        re = row[layout.mod()] * Math.cos(phi);
                        im = row[layout.mod()] * Math.sin(phi);
                    }
                    if (options.skipDcRows() && f == 0 && re == 0 && im == 0) {
                        continue; // Parstat logs DC records between the spectra with frequency 0
                    }
                    if (!(f > 0) || !Double.isFinite(f)) {
                        throw new ImportException(file, position, "frequency " + f + " is not a positive number");
                    }
                    if (!Double.isFinite(re) || !Double.isFinite(im)) {
                        throw new ImportException(file, position, "impedance " + re + ", " + im + " is not finite");
                    }
                    if (!inBlock || spectrum == 0) {
                        spectrum++;
                        direction = 0;
                    } else {
                        double last = points.lastFrequency();
                        int step = Double.compare(f, last);
                        if (direction == 0) {
                            direction = step;
                        } else if (step != 0 && step != direction) {
                            spectrum++; // the sweep starts again: a new spectrum
                            direction = 0;
                        }
                    }
                    inBlock = true;
                    points.add(f, re, im, spectrum);
                    continue;
                }
            }
            if (!anyHeader) {
                if (points.size > 0) {
                    inBlock = false;
                }
                continue; // preamble or comment of a header-less file
            }
            Layout next = header(line);
            if (next != null) {
                layout = next;
                separator = null;
                inBlock = false;
            } else if (inBlock) {
                layout = null; // the numeric block ended; more data needs a new header
                inBlock = false;
            }
        }
        if (points.size == 0) {
            throw new ImportException(file, "", anyHeader ? "no numeric rows below the impedance header"
                    : "no header naming frequency and impedance columns, and no rows of three numbers");
        }
        monitor.done();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", options.format());
        metadata.put("spectra", Integer.toString(spectrum));
        metadata.put("sign", "physical (capacitive z_imag_ohm < 0)");
        return new Table(DataKind.IMPEDANCE, List.of(
                new Column(ImpedanceColumns.FREQUENCY, "Hz", points.column(0)),
                new Column(ImpedanceColumns.Z_REAL, "ohm", points.column(1)),
                new Column(ImpedanceColumns.Z_IMAG, "ohm", points.column(2)),
                new Column(ImpedanceColumns.SPECTRUM, "", points.column(3))), metadata);
    }

    /** How data rows are split, and whether ',' is a decimal mark. */
    enum Separator {
        TAB, SEMICOLON, COMMA, BLANK;

        /** The separator of a data row, or null when the row is not a numeric row of at least {@code width} cells. */
        static Separator of(String row, int width) {
            for (Separator s : values()) {
                boolean present = switch (s) {
                    case TAB -> row.indexOf('\t') >= 0;
                    case SEMICOLON -> row.indexOf(';') >= 0;
                    case COMMA -> row.indexOf(',') >= 0;
                    case BLANK -> true;
                };
                if (present && numbers(row, s, width) != null) {
                    return s;
                }
            }
            return null;
        }

        String[] split(String row) {
            return switch (this) {
                case TAB -> row.split("\t", -1);
                case SEMICOLON -> row.split(";", -1);
                case COMMA -> row.split(",", -1);
                case BLANK -> BLANKS.split(row.strip());
            };
        }
    }

    /** The first {@code width} cells of a row as numbers, or null when one of them is not a number. */
    private static double[] numbers(String row, Separator separator, int width) {
        String[] cells = separator.split(row);
        if (cells.length < width) {
            return null;
        }
        double[] out = new double[width];
        for (int c = 0; c < width; c++) {
            String s = cells[c].strip();
            if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1) {
                s = s.substring(1, s.length() - 1);
            }
            if (separator != Separator.COMMA) {
                s = s.replace(',', '.');
            }
            if (s.isEmpty()) {
                return null;
            }
            char first = s.charAt(0);
            if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.' || s.equalsIgnoreCase("nan"))) {
                return null;
            }
            try {
                out[c] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** Growable primitive columns f, Z', Z'', spectrum. */
    private static final class Points {
        private double[][] data = new double[4][256];
        private int size;

        void add(double f, double re, double im, int spectrum) {
            if (size == data[0].length) {
                for (int c = 0; c < 4; c++) {
                    data[c] = java.util.Arrays.copyOf(data[c], size * 2);
                }
            }
            data[0][size] = f;
            data[1][size] = re;
            data[2][size] = im;
            data[3][size] = spectrum;
            size++;
        }

        double lastFrequency() {
            return data[0][size - 1];
        }

        double[] column(int c) {
            return java.util.Arrays.copyOf(data[c], size);
        }
    }
}
