package org.stackscope.io.cycler.neware;

import org.stackscope.core.model.CyclerColumns.StepType;

/** Neware's step-status codes (as stored in .nda/.ndc records) with their names and our step types. */
enum NewareStatus {
    CC_CHG(1, "CC Chg"), CC_DCHG(2, "CC DChg"), CV_CHG(3, "CV Chg"), REST(4, "Rest"), CYCLE(5, "Cycle"),
    CCCV_CHG(7, "CCCV Chg"), CP_DCHG(8, "CP DChg"), CP_CHG(9, "CP Chg"), CR_DCHG(10, "CR DChg"),
    PAUSE(13, "Pause"), PULSE(16, "Pulse"), SIM(17, "SIM"), CV_DCHG(19, "CV DChg"), CCCV_DCHG(20, "CCCV DChg"),
    CONTROL(21, "Control"), OCV(22, "OCV"), CPCV_DCHG(26, "CPCV DChg"), CPCV_CHG(27, "CPCV Chg");

    final int code;
    final String label;

    NewareStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The status with this code, or null when Neware has no such code. */
    static NewareStatus of(int code) {
        for (NewareStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** The status named as in BTSDA exports ("CC DChg", "CCCV_Chg", "Rest"), or null. */
    static NewareStatus named(String name) {
        String key = name.trim().replace('_', ' ');
        for (NewareStatus s : values()) {
            if (s.label.equalsIgnoreCase(key)) {
                return s;
            }
        }
        return null;
    }

    StepType stepType() {
        if (label.endsWith("DChg")) {
            return StepType.DISCHARGE;
        }
        if (label.endsWith("Chg")) {
            return StepType.CHARGE;
        }
        return this == REST || this == PAUSE || this == OCV ? StepType.REST : StepType.OTHER;
    }
}
