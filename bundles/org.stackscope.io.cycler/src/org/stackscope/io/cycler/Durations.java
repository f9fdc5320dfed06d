package org.stackscope.io.cycler;

/** Elapsed-time cells such as Maccor's "  1d 02:03:04.5000" or "00:00:01": seconds, or -1 when not a duration. */
final class Durations {

    private Durations() {
    }

    static double parse(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        int days = 0;
        int i = from;
        int dayEnd = -1;
        for (int k = from; k < to; k++) {
            if (b[k] == 'd') {
                dayEnd = k;
                break;
            }
        }
        if (dayEnd >= 0) {
            double d = digits(b, from, dayEnd);
            if (d < 0) {
                return -1;
            }
            days = (int) d;
            i = dayEnd + 1;
            while (i < to && b[i] == ' ') {
                i++;
            }
        }
        double seconds = 0;
        int parts = 0;
        int start = i;
        for (int k = i; k <= to; k++) {
            if (k == to || b[k] == ':') {
                double part;
                if (k == to) {
                    try {
                        part = k > start ? Decimals.parse(b, start, k) : -1;
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                } else {
                    part = digits(b, start, k);
                }
                if (!(part >= 0)) {
                    return -1;
                }
                seconds = seconds * 60 + part;
                parts++;
                start = k + 1;
            }
        }
        if (parts < 2 && dayEnd < 0) {
            return -1; // a plain number is not a duration
        }
        return days * 86400.0 + seconds;
    }

    private static double digits(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            if (b[k] < '0' || b[k] > '9' || k - from > 9) {
                return -1;
            }
            v = v * 10 + (b[k] - '0');
        }
        return v;
    }
}
