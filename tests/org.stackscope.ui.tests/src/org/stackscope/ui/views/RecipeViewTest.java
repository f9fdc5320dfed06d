package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.study.Recipe;
import org.stackscope.study.Study;
import org.stackscope.ui.analysis.RecipeView;

/** The study's recipe in the workbench: shown, edited, saved and run as batch runs it. */
class RecipeViewTest {

    @TempDir
    Path dir;

    @Test
    void theExampleRecipeIsShownEditedSavedAndRun() throws Exception {
        Path example = TestStudies.example();
        assumeTrue(Files.isDirectory(example), "this build has no examples/study");
        Path study = Files.createDirectories(dir.resolve("study"));
        try (Stream<Path> files = Files.list(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, study.resolve(f.getFileName()));
            }
        }
        StudyExplorerView explorer = Workbench.showView(StudyExplorerView.ID, StudyExplorerView.class);
        explorer.setStudy(Study.load(study));
        RecipeView view = Workbench.showView(RecipeView.ID, RecipeView.class);
        view.reload();
        assertEquals(3, view.stepCount(), "the example recipe's three steps");

        view.setSteps(List.of(new Recipe.Step("phase-fractions", List.of("ct-50MPa"),
                Map.of("phases", "0=VOID,1=SE,2=AM,3=CARBON"), Map.of())));
        view.recipe().orElseThrow().save();
        assertEquals(1, Recipe.load(study.resolve("recipe.json")).steps().size(), "saved");
        Workbench.screenshot(Workbench.window().getShell(), "recipe-view");

        Job run = view.runRecipe();
        assertTrue(run.join(60_000, null) && run.getResult().isOK(), String.valueOf(run.getResult()));
        Path results = study.resolve("results").resolve(view.recipe().orElseThrow().name().replaceAll(
                "[^A-Za-z0-9._-]", "_")).resolve("results.json");
        assertTrue(Files.isRegularFile(results), results.toString());
        Workbench.waitUntil("the heading to report the run", () -> view.heading().startsWith("Ran 1 step"));
    }
}
