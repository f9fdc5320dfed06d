package org.stackscope.io.cycler;

import java.util.HashMap;
import java.util.Map;

/**
 * The column IDs of EC-Lab .mpr data modules: binary type and the name EC-Lab gives the column in its .mpt export.
 * The format is undocumented; these are the facts collected by the open readers galvani and yadg. IDs above 255 are
 * looked up as they are first, then by their low byte (the high byte distinguishes repeated quantities).
 */
final class MprColumnIds {

    enum Type {
        F4(4), F8(8), U1(1), U2(2), U4(4), FLAGS(1);

        final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }
    }

    record Id(String name, Type type) {
    }

    /** Flag IDs share one byte: name and bit mask. */
    record Flag(String name, int mask) {
    }

    static final Map<Integer, Flag> FLAGS = Map.of(1, new Flag("mode", 0x03), 2, new Flag("ox/red", 0x04), 3,
            new Flag("error", 0x08), 21, new Flag("control changes", 0x10), 31, new Flag("Ns changes", 0x20), 65,
            new Flag("counter inc.", 0x80));

    private static final Map<Integer, Id> IDS = new HashMap<>();

    private static void f4(int id, String name) {
        IDS.put(id, new Id(name, Type.F4));
    }

    private static void f8(int id, String name) {
        IDS.put(id, new Id(name, Type.F8));
    }

    static {
        f8(4, "time/s");
        f4(5, "control/V/mA");
        f4(6, "Ewe/V");
        f8(7, "dq/mA.h");
        f4(8, "I/mA");
        f4(9, "Ece/V");
        f8(11, "<I>/mA");
        f8(13, "(Q-Qo)/mA.h");
        f4(15, "Phase(Z1)/deg");
        f4(16, "Analog IN 1/V");
        f4(17, "Analog IN 2/V");
        f4(19, "control/V");
        f4(20, "control/mA");
        f8(23, "dQ/mA.h");
        f8(24, "cycle number");
        f4(26, "Rapp/Ohm");
        f4(27, "Ewe-Ece/V");
        f4(32, "freq/Hz");
        f4(33, "|Ewe|/V");
        f4(34, "|I|/A");
        f4(35, "Phase(Z)/deg");
        f4(36, "|Z|/Ohm");
        f4(37, "Re(Z)/Ohm");
        f4(38, "-Im(Z)/Ohm");
        IDS.put(39, new Id("I Range", Type.U2));
        f4(45, "|Z1|/Ohm");
        f4(46, "|Z2|/Ohm");
        f4(69, "R/Ohm");
        f4(70, "P/W");
        f8(74, "|Energy|/W.h");
        f4(75, "Analog OUT/V");
        f4(76, "<I>/mA");
        f4(77, "<Ewe>/V");
        f4(78, "Cs-2/µF-2");
        f4(96, "|Ece|/V");
        f4(98, "Phase(Zce)/deg");
        f4(99, "|Zce|/Ohm");
        f4(100, "Re(Zce)/Ohm");
        f4(101, "-Im(Zce)/Ohm");
        f4(105, "-Im(Z1)/Ohm");
        f4(106, "-Im(Z2)/Ohm");
        f8(110, "Energy ce/W.h");
        f8(112, "Energy we/W.h");
        f8(115, "Energy ce charge/W.h");
        f8(116, "Energy ce discharge/W.h");
        f8(123, "Energy charge/W.h");
        f8(124, "Energy discharge/W.h");
        f8(125, "Capacitance charge/µF");
        f8(126, "Capacitance discharge/µF");
        IDS.put(131, new Id("Ns", Type.U2));
        f4(135, "<E1>/V");
        f4(136, "<E2>/V");
        f4(163, "|Estack|/V");
        f4(166, "Phase(Zstack)/deg");
        f4(167, "|Zstack|/Ohm");
        f4(168, "Rcmp/Ohm");
        f4(169, "Cs/µF");
        f4(172, "Cp/µF");
        f4(173, "Cp-2/µF-2");
        f4(174, "<Ewe>/V");
        f4(175, "|Zwe-ce|/Ohm");
        f4(176, "Re(Zwe-ce)/Ohm");
        f4(177, "-Im(Zwe-ce)/Ohm");
        f4(178, "(Q-Qo)/C");
        f4(179, "dQ/C");
        f8(182, "step time/s");
        f4(185, "<Ece>/V");
        f4(206, "Temperature/°C");
        f8(211, "Q charge/discharge/mA.h");
        IDS.put(212, new Id("half cycle", Type.U4));
        IDS.put(213, new Id("z cycle", Type.U4));
        f4(215, "<Ece>/V");
        String[] harmonics = { "THD Ewe/%", "THD I/%", "THD Ece/%", "NSD Ewe/%", "NSD I/%", "NSD Ece/%",
                "NSR Ewe/%", "NSR I/%", "NSR Ece/%" };
        for (int k = 0; k < harmonics.length; k++) {
            f4(217 + k, harmonics[k]);
        }
        for (int h = 2; h <= 7; h++) {
            f4(228 + h, "|Ewe h" + h + "|/V");
            f4(234 + h, "|I h" + h + "|/A");
            f4(240 + h, "|Ece h" + h + "|/V");
        }
        f4(248, "Rac/Ohm");
        f4(249, "Rdc/Ohm");
        IDS.put(253, new Id("Acir/Dcir Control", Type.U1));
        // full IDs whose low byte means something else
        f4(271, "Phase(Z1)/deg");
        f4(272, "Phase(Z2)/deg");
        f4(331, "Re(Z1)/Ohm");
        f4(332, "Re(Z2)/Ohm");
        f4(422, "Phase(Zstack)/deg");
        f4(423, "|Zstack|/Ohm");
        f4(424, "Re(Zstack)/Ohm");
        f4(425, "-Im(Zstack)/Ohm");
        f4(426, "<Estack>/V");
        f4(430, "Phase(Zwe-ce)/deg");
        f8(498, "Q charge/mA.h");
        f8(499, "Q discharge/mA.h");
        f8(500, "step time/s");
        f8(501, "Efficiency/%");
        f8(502, "Capacity/mA.h");
    }

    private MprColumnIds() {
    }

    /**
     * The column for {@code id}, or null when unknown. ID 174 means Phase(Zwe-ce) when Ewe (6) or <Ewe> (77) is
     * also present, as in yadg's reading of three-electrode files.
     */
    static Id lookup(int id, boolean hasEwe) {
        int low = id & 0xff;
        if (low == 174 && (id == 174 || !IDS.containsKey(id)) && hasEwe) {
            return new Id("Phase(Zwe-ce)/deg", Type.F4);
        }
        Id exact = IDS.get(id);
        return exact != null ? exact : IDS.get(low);
    }
}
