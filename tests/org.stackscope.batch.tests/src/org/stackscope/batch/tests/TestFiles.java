package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the repository's example study and of ../shared/testdata (tests skip when it is absent). */
final class TestFiles {

    private TestFiles() {
    }

    static Path repositoryRoot() {
        String root = System.getProperty("stackscope.root");
        assumeTrue(root != null && Files.isDirectory(Path.of(root, "examples", "study")),
                "stackscope.root not set: run through the Maven build");
        return Path.of(root);
    }

    static Path exampleStudy() {
        return repositoryRoot().resolve("examples/study");
    }

    static Path sharedTestData(String relative) {
        String shared = System.getProperty("stackscope.shared");
        Path p = shared == null ? null : Path.of(shared, "testdata", relative);
        assumeTrue(p != null && Files.isReadable(p), "../shared/testdata/" + relative + " not present");
        return p;
    }
}
