package org.stackscope.io.cycler.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** impedance.py's expected arrays (eis_generic/impedancepy_expected_arrays.json) by instrument key. */
final class ExpectedArrays {

    private ExpectedArrays() {
    }

    static Map<String, double[]> impedancePy(String key) throws IOException {
        JsonObject all = JsonParser.parseString(Files.readString(TestData.file(
                "eis_generic/impedancepy_expected_arrays.json"))).getAsJsonObject();
        JsonObject o = all.getAsJsonObject(key);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : new String[] { "f_Hz", "Z_re", "Z_im" }) {
            JsonArray a = o.getAsJsonArray(name);
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).getAsDouble();
            }
            out.put(name, v);
        }
        return out;
    }
}
