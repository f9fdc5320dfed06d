package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.core.results.Json;
import org.stackscope.io.volume.tiff.TiffWriter;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * A recipe that segments a grey CT volume and measures contact on the labels of that step ({@code step1:labels}):
 * the labels are written with the results and give the same contact when analysed from the written file.
 */
class RecipeChainTest {

    @TempDir
    Path tmp;

    /** Grey composite: AM spheres (40000) in SE (22000) with a void slab (8000), small deterministic noise. */
    private Path greyVolume() throws Exception {
        int nx = 40;
        int ny = 40;
        int nz = 24;
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(nx, ny, nz);
        short[] data = img.update(null).getCurrentStorageArray();
        int[][] spheres = { { 12, 12, 12, 7 }, { 28, 26, 11, 8 }, { 12, 30, 14, 6 } };
        java.util.SplittableRandom noise = new java.util.SplittableRandom(7);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int grey = z < 3 ? 8000 : 22000;
                    for (int[] s : spheres) {
                        int dx = x - s[0], dy = y - s[1], dz = z - s[2];
                        if (dx * dx + dy * dy + dz * dz <= s[3] * s[3]) {
                            grey = 40000;
                        }
                    }
                    data[x + nx * (y + ny * z)] = (short) (grey + noise.nextInt(-500, 501));
                }
            }
        }
        Path file = tmp.resolve("grey.tif");
        TiffWriter.write(new Volume(img, "uint16", new double[] { 0.5, 0.5, 0.5 }, Axis.Z, Map.of()), file);
        return file;
    }

    private Path recipe(String steps) throws Exception {
        Path recipe = tmp.resolve("recipe.json");
        Files.writeString(recipe, "{ \"name\": \"chain\", \"steps\": [" + steps + "] }");
        return recipe;
    }

    @Test
    @SuppressWarnings("unchecked")
    void segmentThenContactOnItsLabels() throws Exception {
        greyVolume();
        Path recipe = recipe("""
                { "analysis": "segment", "inputs": ["grey.tif"],
                  "settings": { "greyMeans": "8000,22000,40000", "psfSigma": "0.5" } },
                { "analysis": "contact", "inputs": ["step1:labels"] }""");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("run", recipe.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Map<String, Object> results = Json.readObject(Files.readString(out.resolve("results.json")));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) results.get("steps");
        assertEquals(Map.of("labels", "step1_labels.tif"), steps.get(0).get("volumes"));
        assertEquals(List.of("step1:labels"), steps.get(1).get("inputs"));
        assertEquals(1, ((List<?>) results.get("inputs")).size(), "the grey file is the only input of the run");
        double chained = run.metricOfStep(1, "contact.AM_SE.fraction");
        assertTrue(chained > 0.5 && chained <= 1, "AM mostly touches SE: " + chained);

        // the written labels are the labels the chain used
        CliRun fromFile = CliRun.of("analyze", "contact", out.resolve("step1_labels.tif").toString(), "--set",
                "phases=0=VOID,1=SE,2=AM");
        assertEquals(0, fromFile.exitCode(), fromFile.toString());
        assertEquals(chained, fromFile.metric("contact.AM_SE.fraction"), 1e-12);
    }

    @Test
    void aStepCanOnlyTakeTheOutputOfAnEarlierStep() throws Exception {
        greyVolume();
        Path recipe = recipe("""
                { "analysis": "contact", "inputs": ["step2:labels"] },
                { "analysis": "segment", "inputs": ["grey.tif"] }""");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("run", recipe.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("step 1 takes 'step2:labels'"), run.toString());
        assertFalse(Files.exists(out.resolve("results.json")));
    }

    @Test
    void aMissingStepOutputNamesWhatTheStepProduced() throws Exception {
        greyVolume();
        Path recipe = recipe("""
                { "analysis": "segment", "inputs": ["grey.tif"], "settings": { "greyMeans": "8000,22000,40000" } },
                { "analysis": "contact", "inputs": ["step1:label"] }""");
        CliRun run = CliRun.of("run", recipe.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("produced no volume 'label' (it produced: labels)"), run.toString());
    }
}
