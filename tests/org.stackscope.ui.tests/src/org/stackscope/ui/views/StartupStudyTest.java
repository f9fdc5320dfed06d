package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StartupStudyTest {

    @Test
    void commandLineArgumentWins() {
        String[] args = { "-testproperties", "x", "-study", "/data/cell-A", "-nosplash" };

        assertEquals(Optional.of(Path.of("/data/cell-A")), StartupStudy.folder(args, "/data/other"));
    }

    @Test
    void systemPropertyIsTheFallback() {
        assertEquals(Optional.of(Path.of("/data/other")), StartupStudy.folder(new String[0], " /data/other "));
    }

    @Test
    void noStudyWhenNeitherIsGiven() {
        assertTrue(StartupStudy.folder(new String[] { "-study" }, null).isEmpty());
        assertTrue(StartupStudy.folder(new String[0], "  ").isEmpty());
    }
}
