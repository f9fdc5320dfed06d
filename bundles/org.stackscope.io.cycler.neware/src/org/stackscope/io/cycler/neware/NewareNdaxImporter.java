package org.stackscope.io.cycler.neware;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.ColumnBuffer;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Table;

/**
 * Neware BTS 8+ .ndax archives: a zip of XML descriptions (VersionInfo, TestInfo, Step) and .ndc record files
 * ({@link Ndc}). Records missing from the run-info file are filled as BTSDA/NewareNDA do: time advances by the last
 * logged time step and capacities/energies by the integrated current. Auxiliary channels are matched to TestInfo.xml
 * in file-name order. The archive is read in memory with zip-slip and zip-bomb guards ({@link SafeZip}).
 */
public final class NewareNdaxImporter implements Importer<Table> {

    private static final Pattern AUX_FULL = Pattern.compile("data_AUX_(\\d+)_(\\d+)_(\\d+)\\.ndc");
    private static final Pattern AUX_SHORT = Pattern.compile(".*_(\\d+)\\.ndc");

    @Override
    public Match matches(Path file) {
        // a zip whose first entries are Neware's XML descriptions or data.ndc
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(4);
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                return Match.NO;
            }
        } catch (IOException e) {
            return Match.NO;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (int k = 0; k < 16; k++) {
                ZipEntry e = zip.getNextEntry();
                if (e == null) {
                    break;
                }
                String name = e.getName();
                if (name.equals("data.ndc") || name.equals("VersionInfo.xml") || name.equals("TestInfo.xml")
                        || name.endsWith(".ndc")) {
                    return Match.YES;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Match.NO;
        }
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".ndax") ? Match.MAYBE
                : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = NewareNdaImporter.zone(file, settings);
        monitor.begin("Reading " + file.getFileName(), -1);
        try (SafeZip zip = new SafeZip(file)) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "Neware ndax");
            List<Map<String, String>> auxInfo = new ArrayList<>();
            readXmlMetadata(zip, metadata, auxInfo, zone);
            if (!zip.has("data.ndc")) {
                throw new ImportException(file, "zip directory", "no data.ndc entry: not a Neware data archive");
            }
            Ndc data = new Ndc(file, "data.ndc", zip.read("data.ndc"));
            if (data.type != 1) {
                throw data.error(0, "file type " + data.type + " is not a data file (1)");
            }
            metadata.put("ndc_version", Integer.toString(data.version));
            NewareRecords records = new NewareRecords(data.bytes.size() / 64);
            if (data.version == 5) {
                data.readFullRecords(records, zone);
                metadata.put("timestamp_zone", zone.getId() + " (wall-clock time in the file; setting timeZone)");
            } else if (zip.has("data_runInfo.ndc") && zip.has("data_step.ndc")) {
                merge(data, new Ndc(file, "data_runInfo.ndc", zip.read("data_runInfo.ndc")),
                        new Ndc(file, "data_step.ndc", zip.read("data_step.ndc")), records);
            } else {
                throw data.error(0, "ndc version " + data.version + " needs data_runInfo.ndc and data_step.ndc");
            }
            monitor.checkCanceled();
            List<String> skipped = readAux(file, zip, auxInfo, records);
            if (!skipped.isEmpty()) {
                metadata.put("aux_channels_not_read", String.join(", ", skipped) + " (unsupported ndc layout)");
            }
            if (records.size() == 0) {
                throw data.error(data.bytes.size(), "the archive holds no data records");
            }
            monitor.done();
            return records.toTable(metadata);
        } catch (IndexOutOfBoundsException e) {
            throw new ImportException(file, "", "truncated or inconsistent record: " + SafeZip.oneLine(e.getMessage()),
                    e);
        }
    }

    /**
     * Joins voltage/current (by record index) with run info (by record index) and steps (by running step number).
     * Records without run info continue the previous record's clock and counters with its time step.
     */
    private static void merge(Ndc data, Ndc runInfoFile, Ndc stepFile, NewareRecords out) throws ImportException {
        ColumnBuffer index = new ColumnBuffer(1024);
        ColumnBuffer volts = new ColumnBuffer(1024);
        ColumnBuffer milliamps = new ColumnBuffer(1024);
        data.readVoltageCurrent(index, volts, milliamps);
        if (runInfoFile.type != 18 || stepFile.type != 7) {
            throw runInfoFile.error(0, "unexpected file types " + runInfoFile.type + " / " + stepFile.type
                    + " (18 and 7 expected)");
        }
        Ndc.RunInfo info = runInfoFile.readRunInfo();
        ColumnBuffer cycle = new ColumnBuffer(64);
        ColumnBuffer stepNumber = new ColumnBuffer(64);
        ColumnBuffer status = new ColumnBuffer(64);
        stepFile.readSteps(cycle, stepNumber, status);

        int[] infoRows = NewareRecords.orderedUniqueRows(info.index);
        double[] infoIndex = new double[infoRows.length];
        double[] runningStep = new double[info.step.size()];
        for (int k = 0, s = 0; k < runningStep.length; k++) {
            s += k == 0 || info.step.get(k) != info.step.get(k - 1) ? 1 : 0;
            runningStep[k] = s;
        }
        for (int k = 0; k < infoRows.length; k++) {
            infoIndex[k] = info.index.get(infoRows[k]);
        }
        boolean started = false;
        double step = 0;
        double time = 0;
        double stamp = 0;
        double dt = 0;
        double[] counters = new double[4];
        double capacityIncrement = 0;
        double energyIncrement = 0;
        double timeIncrement = 0;
        for (int r = 0; r < index.size(); r++) {
            int at = Arrays.binarySearch(infoIndex, index.get(r));
            double v = volts.get(r);
            double i = milliamps.get(r);
            double qc;
            double qd;
            double ec;
            double ed;
            double t;
            double clock;
            if (at >= 0) {
                int row = infoRows[at];
                started = true;
                step = runningStep[row];
                time = info.time.get(row);
                stamp = info.timestamp.get(row);
                dt = info.dt.get(row);
                counters[0] = info.chargeMah.get(row);
                counters[1] = info.dischargeMah.get(row);
                counters[2] = info.chargeMwh.get(row);
                counters[3] = info.dischargeMwh.get(row);
                capacityIncrement = 0;
                energyIncrement = 0;
                timeIncrement = 0;
                t = time;
                clock = stamp;
                qc = counters[0];
                qd = counters[1];
                ec = counters[2];
                ed = counters[3];
            } else if (started) {
                timeIncrement += dt;
                double capacity = dt * i / 3600;
                capacityIncrement += capacity;
                energyIncrement += capacity * v;
                t = time + timeIncrement;
                clock = stamp + timeIncrement;
                qc = Math.abs(counters[0]) + Math.max(capacityIncrement, 0);
                qd = Math.abs(counters[1]) + Math.abs(Math.min(capacityIncrement, 0));
                ec = Math.abs(counters[2]) + Math.max(energyIncrement, 0);
                ed = Math.abs(counters[3]) + Math.abs(Math.min(energyIncrement, 0));
            } else {
                continue; // before the first run-info record nothing places the record in time
            }
            int s = (int) step - 1;
            boolean known = s >= 0 && s < cycle.size();
            out.add(index.get(r), known ? cycle.get(s) : 0, step, known ? stepNumber.get(s) : 0,
                    known ? status.get(s) : 0, t, v, i, qc, qd, ec, ed, clock);
        }
    }

    /** Reads the auxiliary channels it knows the layout of; returns the entries it could not read. */
    private static List<String> readAux(Path file, SafeZip zip, List<Map<String, String>> auxInfo,
            NewareRecords out) throws ImportException {
        List<String> skipped = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : zip.names()) {
            Matcher full = AUX_FULL.matcher(name);
            Matcher shortName = AUX_SHORT.matcher(name);
            if (full.matches()) {
                keys.add(new long[] { Long.parseLong(full.group(1)), Long.parseLong(full.group(2)),
                        Long.parseLong(full.group(3)) });
                names.add(name);
            } else if (shortName.matches()) {
                keys.add(new long[] { Long.parseLong(shortName.group(1)), 0, 0 });
                names.add(name);
            }
        }
        Integer[] order = new Integer[names.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(keys.get(a), keys.get(b)));
        boolean matched = auxInfo.size() == order.length;
        for (int k = 0; k < order.length; k++) {
            String name = names.get(order[k]);
            Map<String, String> info = matched ? auxInfo.get(k) : Map.of();
            Ndc aux = new Ndc(file, name, zip.read(name));
            if (aux.type != 5) {
                continue;
            }
            if (!aux.auxSupported()) {
                skipped.add(name);
                continue;
            }
            String channel = info.getOrDefault("AuxID", Integer.toString(-k - 1));
            String quantity = switch (info.getOrDefault("ChlType", "")) {
                case "103" -> "T";
                case "335" -> "t";
                case "345" -> "H";
                default -> "X";
            };
            String unit = switch (quantity) {
                case "T", "t" -> "degC";
                case "H" -> "percent";
                default -> "";
            };
            aux.readAux(out, channel, quantity, unit);
        }
        return skipped;
    }

    /** TestInfo's StartTime, a wall clock ("2024-11-18 12:43:31"), as an ISO instant read in {@code zone}. */
    private static void startTime(String text, ZoneId zone, Map<String, String> metadata) {
        try {
            metadata.put("start_time", java.time.LocalDateTime.parse(String.valueOf(text).trim(),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(zone).toInstant()
                    .toString());
        } catch (java.time.format.DateTimeParseException e) {
            // no or unreadable start: the first record's clock stands in (NewareRecords)
        }
    }

    /** Software versions, channel and start time from VersionInfo.xml and TestInfo.xml (GB2312-encoded XML). */
    private static void readXmlMetadata(SafeZip zip, Map<String, String> metadata, List<Map<String, String>> aux,
            ZoneId zone) throws ImportException {
        Map<String, String> rename = Map.of("SvrVer", "server_version", "CurrClientVer", "client_version",
                "ZwjVersion", "control_unit_version", "MainXwjVer", "tester_version");
        for (String name : List.of("VersionInfo.xml", "TestInfo.xml")) {
            if (!zip.has(name)) {
                continue;
            }
            try {
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(zip.read(name)));
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String element = xml.getLocalName();
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int a = 0; a < xml.getAttributeCount(); a++) {
                        attributes.put(xml.getAttributeLocalName(a), xml.getAttributeValue(a));
                    }
                    if (element.equals("ZwjVersion")) {
                        rename.forEach((key, meta) -> {
                            if (attributes.containsKey(key)) {
                                metadata.put(meta, attributes.get(key));
                            }
                        });
                        if (metadata.containsKey("client_version")) {
                            metadata.put("software_version", metadata.get("client_version"));
                        }
                    } else if (element.equals("TestInfo")) {
                        metadata.put("channel", attributes.getOrDefault("DevID", "?") + "-"
                                + attributes.getOrDefault("UnitID", "?") + "-" + attributes.getOrDefault("ChlID", "?"));
                        for (String key : List.of("StartTime", "EndTime", "Barcode", "StepName", "CurrRange")) {
                            if (attributes.containsKey(key)) {
                                metadata.put("test_" + key, attributes.get(key));
                            }
                        }
                        startTime(attributes.get("StartTime"), zone, metadata);
                    } else if (element.matches("Aux\\d+")) {
                        aux.add(attributes);
                    }
                }
                xml.close();
            } catch (XMLStreamException | RuntimeException e) {
                // descriptions only: the records stay readable without them
                metadata.put("warning", name + " unreadable: " + SafeZip.oneLine(e.getMessage()));
            }
        }
    }
}
