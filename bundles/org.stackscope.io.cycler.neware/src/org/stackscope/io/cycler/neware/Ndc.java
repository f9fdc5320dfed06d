package org.stackscope.io.cycler.neware;

import java.nio.file.Path;
import java.time.ZoneId;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.io.ColumnBuffer;

/**
 * The .ndc record files inside an .ndax archive. Byte 0 is the file type (1 data, 5 auxiliary, 7 steps, 18 run
 * info), byte 2 the layout version; after a 4096-byte header come 4096-byte pages whose records sit between a page
 * header and a page trailer of version-specific sizes. Version 5 keeps whole records in data.ndc; versions 11-17
 * split voltage/current (data), time/capacities (runInfo) and step types (step) into three files joined by record
 * index and step number. Layout facts from NewareNDA (github.com/d-cogswell/NewareNDA).
 */
final class Ndc {

    static final int PAGE = 4096;

    final Path file;
    final String entry;
    final Bytes bytes;
    final int type;
    final int version;

    Ndc(Path file, String entry, byte[] data) throws ImportException {
        this.file = file;
        this.entry = entry;
        this.bytes = new Bytes(data);
        if (data.length < 3) {
            throw error(0, "shorter than its 3-byte header");
        }
        type = bytes.u8(0);
        version = bytes.u8(2);
    }

    ImportException error(int at, String reason) {
        return new ImportException(file, "entry '" + entry + "', byte " + at, reason);
    }

    ImportException unsupported() {
        return error(0, "ndc version " + version + " file type " + type + " is not supported");
    }

    /** Calls {@code visitor} with the offset of each fixed-size record slot of every page. */
    void forEachSlot(int header, int trailer, int length, SlotVisitor visitor) throws ImportException {
        int size = bytes.size();
        int slot = 0;
        for (int page = PAGE; page < size; page += PAGE) {
            int end = Math.min(page + PAGE, size) - trailer;
            for (int at = page + header; at + length <= end; at += length) {
                visitor.visit(at, slot++);
            }
        }
    }

    interface SlotVisitor {
        void visit(int at, int slot) throws ImportException;
    }

    /** Version 5 data: complete records in 87-byte slots, marked by 0x55 at byte 7. */
    void readFullRecords(NewareRecords out, ZoneId zone) throws ImportException {
        forEachSlot(125, 56, 87, (at, slot) -> {
            if (bytes.u8(at + 7) != 0x55) {
                return;
            }
            double m = NewareNdaImporter.multiplier(file, bytes.i32(at + 82), at + 82);
            int step = bytes.u8(at + 16);
            out.add(bytes.u32(at + 8), bytes.u32(at + 12) + 1, step, step, bytes.u8(at + 17),
                    bytes.i64(at + 23) / 1000.0, bytes.i32(at + 31) / 10000.0, bytes.i32(at + 35) * m,
                    bytes.i64(at + 43) * m / 3600, bytes.i64(at + 51) * m / 3600, bytes.i64(at + 59) * m / 3600,
                    bytes.i64(at + 67) * m / 3600, bytes.wallClock(at + 75, zone));
        });
    }

    /** Versions 11-17 data: voltage and current pairs; the record index is the slot number + 1. */
    void readVoltageCurrent(ColumnBuffer index, ColumnBuffer volts, ColumnBuffer milliamps) throws ImportException {
        double vScale;
        double iScale;
        switch (version) {
            case 11, 16 -> {
                vScale = 1e-4;
                iScale = 1;
            }
            case 14, 17 -> {
                vScale = 1;
                iScale = 1000;
            }
            default -> throw unsupported();
        }
        forEachSlot(132, 4, 8, (at, slot) -> {
            float v = bytes.f32(at);
            if (v != 0) {
                index.add(slot + 1);
                volts.add(v * vScale);
                milliamps.add(bytes.f32(at + 4) * iScale);
            }
        });
    }

    /** Run info (type 18): per record index its test time, step capacities, time step and clock. */
    RunInfo readRunInfo() throws ImportException {
        int header = 132;
        int trailer;
        int length;
        double capacityScale;
        switch (version) {
            case 11 -> {
                trailer = 16;
                length = 47;
                capacityScale = 1 / 3600.0;
            }
            case 14 -> {
                trailer = 4;
                length = 55;
                capacityScale = 1000;
            }
            case 16 -> {
                trailer = 64;
                length = 100;
                capacityScale = 1 / 3600.0;
            }
            case 17 -> {
                trailer = 64;
                length = 100;
                capacityScale = 1000;
            }
            default -> throw unsupported();
        }
        RunInfo r = new RunInfo(bytes.size() / length);
        forEachSlot(header, trailer, length, (at, slot) -> {
            long index = bytes.u32(at + 41);
            if (index == 0) {
                return;
            }
            r.index.add(index);
            r.time.add(bytes.i32(at) / 1000.0);
            r.chargeMah.add(bytes.f32(at + 5) * capacityScale);
            r.dischargeMah.add(bytes.f32(at + 9) * capacityScale);
            r.chargeMwh.add(bytes.f32(at + 13) * capacityScale);
            r.dischargeMwh.add(bytes.f32(at + 17) * capacityScale);
            r.dt.add(bytes.i32(at + 29) / 1000.0);
            r.timestamp.add(bytes.u32(at + 33) + bytes.i16(at + 45) / 1000.0);
            r.step.add(bytes.i32(at + 37));
        });
        return r;
    }

    /** Columns of a run-info file, in file order. */
    static final class RunInfo {
        final ColumnBuffer index;
        final ColumnBuffer time;
        final ColumnBuffer dt;
        final ColumnBuffer chargeMah;
        final ColumnBuffer dischargeMah;
        final ColumnBuffer chargeMwh;
        final ColumnBuffer dischargeMwh;
        final ColumnBuffer timestamp;
        final ColumnBuffer step;

        RunInfo(int expected) {
            index = new ColumnBuffer(expected);
            time = new ColumnBuffer(expected);
            dt = new ColumnBuffer(expected);
            chargeMah = new ColumnBuffer(expected);
            dischargeMah = new ColumnBuffer(expected);
            chargeMwh = new ColumnBuffer(expected);
            dischargeMwh = new ColumnBuffer(expected);
            timestamp = new ColumnBuffer(expected);
            step = new ColumnBuffer(expected);
        }
    }

    /** Steps (type 7): row k describes running step k + 1 with its cycle, schedule step number and status. */
    void readSteps(ColumnBuffer cycle, ColumnBuffer stepNumber, ColumnBuffer status) throws ImportException {
        switch (version) {
            case 11, 14 -> forEachSlot(132, 5, 37, (at, slot) -> {
                if (bytes.i32(at + 4) != 0) {
                    cycle.add(bytes.i32(at) + 1);
                    stepNumber.add(bytes.i32(at + 4));
                    status.add(bytes.u8(at + 24));
                }
            });
            case 16, 17 -> forEachSlot(132, 64, 100, (at, slot) -> {
                if (bytes.i32(at + 33) != 0) {
                    cycle.add(bytes.i32(at) + 1);
                    stepNumber.add(bytes.i32(at + 4));
                    status.add(bytes.u8(at + 24));
                }
            });
            default -> throw unsupported();
        }
    }

    boolean auxSupported() {
        return version == 5 || version == 14 || version == 16 || version == 17;
    }

    /**
     * Auxiliary channel (type 5) into {@code out} as channel {@code channel}; {@code quantity} names the single
     * value of versions 14/17 (from the channel type in TestInfo.xml).
     */
    void readAux(NewareRecords out, String channel, String quantity, String unit) throws ImportException {
        switch (version) {
            case 5 -> forEachSlot(125, 56, 87, (at, slot) -> {
                int kind = bytes.u8(at + 7);
                if (kind == 0x65 || kind == 0x74) {
                    long index = bytes.u32(at + 8);
                    out.addAux("V", channel, "V", index, bytes.i32(at + 31) / 10000.0);
                    out.addAux("T", channel, "degC", index, bytes.i16(at + 41) / 10.0);
                    if (kind == 0x74) {
                        out.addAux("t", channel, "degC", index, bytes.i16(at + 43) / 10.0);
                    }
                }
            });
            case 14, 17 -> forEachSlot(132, 4, 4, (at, slot) -> out.addAux(quantity, channel, unit, slot + 1,
                    bytes.f32(at)));
            case 16 -> forEachSlot(132, 2, 7, (at, slot) -> {
                out.addAux("V", channel, "V", slot + 1, bytes.f32(at + 1) * 1e-4);
                out.addAux("T", channel, "degC", slot + 1, bytes.i16(at + 5) / 10.0);
            });
            default -> throw unsupported();
        }
    }
}
