package org.stackscope.core.results;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

/** JSON reading and writing for results, recipes and settings (one Gson configuration for the whole product). */
public final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value) + "\n";
    }

    /** Parses a JSON object into ordered maps, lists, Strings, Longs, Doubles and Booleans. */
    public static Map<String, Object> readObject(String text) {
        try {
            JsonElement el = GSON.fromJson(text, JsonElement.class);
            if (el == null || !el.isJsonObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            Map<String, Object> map = GSON.fromJson(el, new TypeToken<LinkedHashMap<String, Object>>() {
            }.getType());
            return map;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** A number for JSON: finite doubles as numbers, ±∞ and NaN as the strings "Infinity", "-Infinity", "NaN". */
    public static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }
}
