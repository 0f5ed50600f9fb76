package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.api.SegmentSummaryRow;

class BatchCommandTest {

    @TempDir
    Path dir;

    private Path table() throws IOException {
        Path file = dir.resolve("campaigns.csv");
        Files.writeString(file, """
                campaign,y,n
                spring,3,20
                summer,5,20
                spring,4,18
                "fall, late",9,30
                summer,25,20
                "fall, late",2,25
                spring,6,22
                "fall, late",4,19
                """);
        return file;
    }

    @Test
    void fitsEachSegmentAndGivesTheBadOneAnErrorRow() throws IOException {
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("batch", "beta-binomial", "--data", table().toString(), "--by", "campaign",
                "--prior", "concentration=gamma(2, 0.1)", "--chains", "2", "--warmup", "100", "--draws", "100",
                "--seed", "5", "--output", output.toString(), "--segment-folders");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 of 3 segments fitted, 1 not (error rows in summaries.csv)"), run.out());
        assertTrue(run.out().contains("segment 'summer'") && run.out().contains("line 6"), run.out());
        List<String> lines = Files.readAllLines(output.resolve("summaries.csv"));
        assertEquals(String.join(",", SegmentSummaryRow.COLUMNS), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("spring,theta[3],")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"fall, late\",mean,")), lines.toString());
        List<String> summer = lines.stream().filter(l -> l.startsWith("summer,")).toList();
        assertEquals(1, summer.size());
        assertTrue(summer.get(0).startsWith("summer,,NaN,") && summer.get(0).contains("line 6"), summer.get(0));
        List<String> warnings = Files.readAllLines(output.resolve("warnings.csv"));
        assertEquals("segment,kind,variables,message", warnings.get(0));
        assertTrue(warnings.stream().anyMatch(l -> l.startsWith("summer,error,,")), warnings.toString());
        assertTrue(Files.exists(output.resolve("segments/spring/summary.csv")));
        assertTrue(Files.exists(output.resolve("segments/fall__late/draws_2.csv")));
        assertFalse(Files.exists(output.resolve("segments/summer")));
        // the same seed, one thread: the same numbers
        Path again = dir.resolve("again");
        MainTest.Run rerun = MainTest.run("batch", "beta-binomial", "--data", table().toString(), "--by", "campaign",
                "--prior", "concentration=gamma(2, 0.1)", "--chains", "2", "--warmup", "100", "--draws", "100",
                "--seed", "5", "--output", again.toString(), "--threads", "1");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertEquals(lines, Files.readAllLines(again.resolve("summaries.csv")));
    }

    @Test
    void aMissingColumnOrTableIsAnInputError() throws IOException {
        MainTest.Run noColumn = MainTest.run("batch", "beta-binomial", "--data", table().toString(), "--by", "region",
                "--output", dir.resolve("x").toString());
        assertEquals(2, noColumn.exitCode());
        assertTrue(noColumn.err().contains("no column 'region'"), noColumn.err());
        assertFalse(Files.exists(dir.resolve("x")));
        assertEquals(2, MainTest.run("batch", "beta-binomial", "--by", "campaign").exitCode());
    }

    @Test
    void folderNamesAreSafeAndDistinct() {
        Set<String> used = new HashSet<>();
        assertEquals("north", BatchCommand.folderName("north", used));
        assertEquals("a_b", BatchCommand.folderName("a/b", used));
        assertEquals("a_b-2", BatchCommand.folderName("a b", used));
        assertEquals("_..", BatchCommand.folderName("..", used));
        assertEquals("_", BatchCommand.folderName("", used));
    }
}
