package org.stackscope.io.volume.tiff;

import java.util.Comparator;

/**
 * Orders names as people read numbers in them: {@code img2.tif} before {@code img10.tif}, {@code slice_009} before
 * {@code slice_010}. Digit runs compare by value, other text case-insensitively; equal names fall back to plain
 * string order so the order is total.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = runEnd(a, i);
            int endB = runEnd(b, j);
            int c = Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))
                    ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
                    : a.substring(i, endA).compareToIgnoreCase(b.substring(j, endB));
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    /** End of the run of digits or of non-digits that starts at {@code start}. */
    private static int runEnd(String s, int start) {
        boolean digits = Character.isDigit(s.charAt(start));
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    /** Compares digit strings of any length by value. */
    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
