package org.stackscope.core.api;

import java.util.List;

/** What {@link Analysis#configure} may check before running: the kind and description of each input. */
public record InputSpec(List<DataKind> kinds) {

    public InputSpec {
        kinds = List.copyOf(kinds);
    }

    public static InputSpec of(Inputs inputs) {
        return new InputSpec(inputs.all().stream().map(i -> i.data().kind()).toList());
    }
}
