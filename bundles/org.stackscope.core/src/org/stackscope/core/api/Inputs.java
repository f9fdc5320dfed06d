package org.stackscope.core.api;

import java.nio.file.Path;
import java.util.List;

/** The imported inputs of one analysis step, in the order given by the user. */
public record Inputs(List<Input> all) {

    /**
     * One imported file with the facts recorded in results.json, or a volume an earlier recipe step produced (then
     * {@code path} is the reference, e.g. {@code step1:labels}, and {@code formatId} is {@link #STEP_OUTPUT}).
     */
    public record Input(Path path, String sha256, String formatId, DataObject data) {

        public static final String STEP_OUTPUT = "step-output";

        /** A volume produced by an earlier step, named by its reference ({@code step<N>:<name>}). */
        public static Input fromStep(String reference, DataObject data) {
            return new Input(Path.of(reference), "", STEP_OUTPUT, data);
        }

        public boolean isStepOutput() {
            return STEP_OUTPUT.equals(formatId);
        }

        /** The path as results.json records it: absolute for files, the reference for a step's output. */
        public String recordedPath() {
            return isStepOutput() ? path.toString() : path.toAbsolutePath().normalize().toString();
        }
    }

    public Inputs {
        all = List.copyOf(all);
    }

    public int size() {
        return all.size();
    }

    public Input get(int index) {
        return all.get(index);
    }
}
