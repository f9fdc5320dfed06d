package org.stackscope.ui.preferences;

import org.stackscope.ui.Numbers;

/** Units the workbench shows values in; stored data and results stay in MPa and µm. */
public final class DisplayUnits {

    private DisplayUnits() {
    }

    public enum Pressure {
        MPA("MPa", 1), BAR("bar", 10), PSI("psi", 145.037737730209), KPA("kPa", 1000);

        public final String symbol;
        private final double perMpa;

        Pressure(String symbol, double perMpa) {
            this.symbol = symbol;
            this.perMpa = perMpa;
        }

        public double fromMpa(double mpa) {
            return mpa * perMpa;
        }

        /** E.g. "50 MPa", "7252 psi" (four significant digits at most). */
        public String format(double mpa) {
            return Numbers.significant(fromMpa(mpa), 4) + " " + symbol;
        }
    }

    public enum Length {
        NM("nm", 1000), UM("µm", 1), MM("mm", 1e-3);

        public final String symbol;
        private final double perUm;

        Length(String symbol, double perUm) {
            this.symbol = symbol;
            this.perUm = perUm;
        }

        public double fromUm(double um) {
            return um * perUm;
        }
    }
}
