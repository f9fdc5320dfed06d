package org.stackscope.core.api;

import java.nio.file.Path;
import java.util.List;

/** The imported inputs of one analysis step, in the order given by the user. */
public record Inputs(List<Input> all) {

    /** One imported file with the facts recorded in results.json. */
    public record Input(Path path, String sha256, String formatId, DataObject data) {
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
