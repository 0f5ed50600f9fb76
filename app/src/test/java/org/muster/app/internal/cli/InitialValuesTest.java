package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muster fit --init FILE} end to end through {@link Main}: a bad value is an input error naming
 * the file, the parameter, the member counted from 1 and the support, before any folder is made.
 */
class InitialValuesTest {

    @TempDir
    Path dir;

    private Path init(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** The first line of standard error of a refused fit, which must not have made its output folder. */
    private String refused(String family, Path init, String... more) {
        Path output = dir.resolve("out-" + init.getFileName());
        String[] args = new String[6 + more.length];
        args[0] = "fit";
        args[1] = family;
        args[2] = "--init";
        args[3] = init.toString();
        args[4] = "--output";
        args[5] = output.toString();
        System.arraycopy(more, 0, args, 6, more.length);
        MainTest.Run run = MainTest.run(args);
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.err());
        assertFalse(Files.exists(output), "the fit made " + output + " before refusing its --init");
        return run.err().lines().findFirst().orElse("");
    }

    @Test
    void aValueOutsideItsSupportNamesTheFileParameterMemberAndSupport() throws IOException {
        Path tau = init("tau.json", "{\"tau\": -1}");
        assertEquals("muster: --init " + tau + ": 'tau' = -1 is outside its support: tau > 0",
                refused("eight-schools", tau));
        Path mean = init("mean.json", "{\"mean\": 1.5}");
        assertEquals("muster: --init " + mean + ": 'mean' = 1.5 is outside its support: 0 < mean < 1",
                refused("beta-binomial", mean));
        StringBuilder theta = new StringBuilder("{\"theta\": [");
        for (int i = 1; i <= 71; i++) {
            theta.append(i == 1 ? "" : ", ").append(i == 4 ? "0" : "0.5");
        }
        Path member = init("theta.json", theta.append("]}").toString());
        assertEquals("muster: --init " + member + ": 'theta' member 4 (theta[4]) = 0 is outside its support:"
                + " 0 < theta[4] < 1", refused("beta-binomial", member, "--pooling", "none"));
    }

    @Test
    void namesAndSizesAreChecked() throws IOException {
        Path size = init("size.json", "{\"mu\": 1, \"tau\": 2, \"z\": [0, 0, 0]}");
        assertEquals("muster: --init " + size + ": 'z' has 3 values but the parameter has 8 members (z[1] to z[8])",
                refused("eight-schools", size));
        Path derived = init("derived.json", "{\"theta\": [1, 2, 3, 4, 5, 6, 7, 8]}");
        assertEquals("muster: --init " + derived + ": 'theta' is not a parameter of the model but a quantity derived"
                + " from them; its parameters are [mu, tau, z]", refused("eight-schools", derived));
        Path unknown = init("unknown.json", "{\"sigma\": 1}");
        assertTrue(refused("eight-schools", unknown).endsWith("'sigma' is not a parameter of the model; its parameters"
                + " are [mu, tau, z]"));
    }

    @Test
    void entriesThatAreNotNumbersAreCountedFromOne() throws IOException {
        Path text = init("text.json", "{\"z\": [[0, 1], [2, \"x\"]]}");
        assertEquals("muster: --init " + text + ": 'z' entry 4 is \"x\"; initial values are numbers or arrays of"
                + " numbers", refused("eight-schools", text));
        Path notJson = init("broken.json", "{\"mu\": 1,,}");
        assertTrue(refused("eight-schools", notJson).startsWith("muster: --init " + notJson
                + ": not valid JSON at line 1, column 10: Unexpected character"));
        Path array = init("array.json", "[1, 2]");
        assertTrue(refused("eight-schools", array).contains("expected a JSON object of initial values"));
    }

    @Test
    void goodValuesStartTheChains() throws IOException {
        Path good = init("good.json", "{\"mu\": 4, \"tau\": [3], \"z\": [[0, 0, 0, 0], [0, 0, 0, 0]]}");
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--init", good.toString(), "--seed", "2", "--chains", "1",
                "--warmup", "50", "--draws", "50");
        assertEquals(0, run.exitCode(), run.err());
    }
}
