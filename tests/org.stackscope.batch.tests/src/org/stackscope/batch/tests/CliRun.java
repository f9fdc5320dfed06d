package org.stackscope.batch.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.stackscope.batch.Cli;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.Json;

/** One run of the CLI against the platform registry, with captured stdout, stderr and exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Registry.platform(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Map<String, Object> json() {
        return Json.readObject(out);
    }

    @SuppressWarnings("unchecked")
    double metric(String name) {
        Map<String, Object> metrics = (Map<String, Object>) json().get("metrics");
        Map<String, Object> m = (Map<String, Object>) metrics.get(name);
        if (m == null) {
            throw new AssertionError("no metric " + name + " in " + out);
        }
        return ((Number) m.get("value")).doubleValue();
    }

    /** A metric of step {@code index} in the summary printed by {@code run}. */
    @SuppressWarnings("unchecked")
    double metricOfStep(int index, String name) {
        Map<String, Object> step = ((java.util.List<Map<String, Object>>) json().get("steps")).get(index);
        Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) step.get("metrics")).get(name);
        return ((Number) m.get("value")).doubleValue();
    }

    long errLines() {
        return err.lines().count();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
