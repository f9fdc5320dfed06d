package org.stackscope.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed options of one command: positional arguments, --set, --import, --format and --out. */
record Options(List<String> positional, Map<String, String> settings, Map<String, String> importSettings,
        String format, Path out) {

    static Options parse(List<String> args) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> importSettings = new LinkedHashMap<>();
        String format = null;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--set" -> keyValue(a, value(args, ++i, a), settings);
                case "--import" -> keyValue(a, value(args, ++i, a), importSettings);
                case "--format" -> format = value(args, ++i, a);
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        return new Options(positional, settings, importSettings, format, out);
    }

    static void none(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument " + args.get(0));
        }
    }

    void rejectSettings(String command) throws UsageException {
        if (!settings.isEmpty()) {
            throw new UsageException("--set is not an option of " + command);
        }
    }

    void rejectOut(String command) throws UsageException {
        if (out != null) {
            throw new UsageException("--out is not an option of " + command);
        }
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static void keyValue(String option, String text, Map<String, String> into) throws UsageException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " takes key=value, not '" + text + "'");
        }
        into.put(text.substring(0, eq).trim(), text.substring(eq + 1));
    }
}
