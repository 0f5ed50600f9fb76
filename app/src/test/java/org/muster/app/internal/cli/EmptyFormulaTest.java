package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code muster fit glmm --formula ""} end to end: an error, never radon's default formula. */
class EmptyFormulaTest {

    @Test
    void anEmptyOrBlankFormulaIsAnInputError() {
        for (String formula : new String[] {"", "   ", "\t"}) {
            MainTest.Run run = MainTest.run("fit", "glmm", "--data", "radon", "--formula", formula);
            assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.out());
            assertTrue(run.err().startsWith("muster: --formula is empty; give the model, e.g. --formula \"y ~ x + (1 + x | g)\", or leave --formula out for radon's"
                    + " \"log_radon ~ floor + (1 + floor | county)\""), run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
        MainTest.Run other = MainTest.run("fit", "glmm", "--data", "rats", "--formula=");
        assertEquals(ExitCodes.INPUT_ERROR, other.exitCode(), other.out());
        assertTrue(other.err().startsWith("muster: --formula is empty; give the model, e.g. --formula \"y ~ x + (1 + x |"
                + " g)\"" + System.lineSeparator()), other.err());
    }
}
