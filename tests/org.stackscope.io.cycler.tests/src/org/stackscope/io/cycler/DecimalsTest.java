package org.stackscope.io.cycler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The byte-level decimal parser must give exactly what Double.parseDouble gives, in both decimal conventions. */
class DecimalsTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Decimals.parse(b, 0, b.length);
    }

    @Test
    void bitIdenticalToParseDoubleOnVendorShapedNumbers() {
        SplittableRandom random = new SplittableRandom(42);
        String[] formats = { "%.15E", "%.7E", "%.6f", "%.10f", "%.3f", "%d" };
        for (int k = 0; k < 200_000; k++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 12));
            String format = formats[k % formats.length];
            String s = format.equals("%d") ? Long.toString((long) (x * 1e6)) : String.format(Locale.ROOT, format, x);
            double expected = Double.parseDouble(s);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(parse(s)), s);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(parse(s.replace('.', ','))), s);
        }
    }

    @Test
    void longMantissasAndLargeExponentsFallBackExactly() {
        for (String s : new String[] { "3.141592653589793238462643", "1e-300", "-2.5E+200", "123456789012345678901",
                "0.000000000000000000000000123", "4.9E-324" }) {
            assertEquals(Double.parseDouble(s), parse(s), s);
        }
    }

    @Test
    void blanksSpecialsAndGarbage() {
        assertTrue(Double.isNaN(parse("")));
        assertTrue(Double.isNaN(parse("  ")));
        assertTrue(Double.isNaN(parse("N/A")));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-inf"));
        assertEquals(12.5, parse("  12.5 "));
        assertEquals(-0.5, parse("-.5"));
        assertEquals(7, parse("+7"));
        for (String bad : new String[] { "1.2.3", "abc", "1e", "--1", "1,2,3", "12a", "." }) {
            assertThrows(NumberFormatException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void durations() {
        byte[] b = "  1d 02:03:04.5000".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(86400 + 2 * 3600 + 3 * 60 + 4.5, Durations.parse(b, 0, b.length), 1e-9);
        byte[] c = "00:00:01".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(1, Durations.parse(c, 0, c.length));
        byte[] d = "12.5".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, Durations.parse(d, 0, d.length), "plain numbers are not durations");
    }
}
