package org.muster.models.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

/**
 * Bad data never crashes and never passes silently: every case below is rejected with a message naming
 * the file, the row and the column and what was expected, before anything is fitted.
 */
class FamilyDataTest {

    @TempDir
    Path dir;

    /** An inference method that records whether it was asked to fit. */
    private static final class RecordingMethod implements InferenceMethod {
        final AtomicInteger fits = new AtomicInteger();

        @Override
        public Fit fit(Model model, RunConfig config, FitListener listener) {
            fits.incrementAndGet();
            throw new AssertionError("nothing should be fitted");
        }
    }

    private static ModelFamily family(String id) {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /** Loads the file, builds the model and fits it, as the command line does; returns the error message. */
    private String rejected(String familyId, String fileName, String content, FamilyOptions options) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content);
        RecordingMethod method = new RecordingMethod();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            Dataset data = DatasetReader.load(file.toString());
            FamilyModel model = family(familyId).prepare(data, options);
            method.fit(model.model(), RunConfig.builder().build(), FitListener.NONE);
        });
        assertEquals(0, method.fits.get(), "nothing is fitted");
        assertTrue(e.getMessage().contains(fileName), "the message names the file: " + e.getMessage());
        return e.getMessage();
    }

    private String rejected(String familyId, String fileName, String content) throws IOException {
        return rejected(familyId, fileName, content, FamilyOptions.none());
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAreAndHowToMapOne() throws IOException {
        String message = rejected("beta-binomial", "missing.csv", "y,trials\n1,5\n2,6\n");
        assertMentions(message, "no column 'n'", "the trials", "[y, trials]", "--map n=COLUMN");
        String mapped = rejected("beta-binomial", "mapped.csv", "y,trials\n1,5\n",
                FamilyOptions.builder().columns(ColumnMapping.parse("n=tirals")).build());
        assertMentions(mapped, "no column 'tirals'", "mapped to n by --map");
    }

    @Test
    void anExtraColumnIsAnErrorUnlessSkipped() throws IOException {
        String message = rejected("beta-binomial", "extra.csv", "y,n,weight\n1,5,0.3\n");
        assertMentions(message, "column 'weight' is not read by model beta-binomial", "--map skip=weight");
        Path file = dir.resolve("skipped.csv");
        Files.writeString(file, "y,n,weight\n1,5,0.3\n");
        FamilyOptions skip = FamilyOptions.builder().columns(ColumnMapping.parse("skip=weight")).build();
        assertEquals(1, family("beta-binomial").prepare(DatasetReader.read(file), skip).units().orElseThrow().count());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> family("beta-binomial")
                .prepare(DatasetReader.read(file), FamilyOptions.builder().columns(ColumnMapping.parse("successes=y"))
                        .build()));
        assertMentions(unknown.getMessage(), "--map successes=y", "has no data named 'successes'", "y (the successes");
    }

    @Test
    void nonNumericAndNonIntegerCellsNameRowAndColumn() throws IOException {
        assertMentions(rejected("beta-binomial", "word.csv", "y,n\n1,5\nthree,6\n"),
                "word.csv, line 3, column 'y'", "'three' is not a number", "integer >= 0");
        assertMentions(rejected("beta-binomial", "fraction.csv", "y,n\n1,5\n2.5,6\n"),
                "line 3, column 'y'", "'2.5' is not an integer");
        assertMentions(rejected("beta-binomial", "suffix.csv", "y,n\n1,5d\n"), "line 2, column 'n'", "not a number");
        assertMentions(rejected("normal-hierarchical", "blank.csv", "y,sigma\n1,5\n2,\n"),
                "line 3, column 'sigma'", "empty");
    }

    @Test
    void successesAboveTrialsAndNegativeCountsAreRejected() throws IOException {
        assertMentions(rejected("beta-binomial", "above.csv", "y,n\n1,5\n7,6\n"),
                "above.csv, line 3", "y = 7 (column 'y') is more than n = 6 (column 'n')", "cannot exceed");
        assertMentions(rejected("beta-binomial", "negative.csv", "y,n\n-1,5\n"),
                "line 2, column 'y'", "'-1' is not a count", "negative");
        assertMentions(rejected("gamma-poisson", "counts.csv", "n,e\n3,1.5\n-2,2\n"),
                "line 3, column 'n'", "not a count");
    }

    @Test
    void negativeOrZeroExposuresAndStandardErrorsAreRejected() throws IOException {
        assertMentions(rejected("gamma-poisson", "exposure.csv", "n,e\n3,1.5\n2,-2\n"),
                "line 3, column 'e'", "'-2' is not a positive number", "exposure");
        assertMentions(rejected("gamma-poisson", "zero.csv", "n,e\n3,0\n"), "line 2, column 'e'", "positive");
        assertMentions(rejected("normal-hierarchical", "se.csv", "y,sigma\n3,0\n"), "line 2, column 'sigma'",
                "positive");
    }

    @Test
    void missingAndInfiniteValuesAreRejected() throws IOException {
        assertMentions(rejected("normal-hierarchical", "nan.csv", "y,sigma\n1,2\nNaN,3\n"),
                "line 3, column 'y'", "'NaN' is not a finite number");
        assertMentions(rejected("normal-hierarchical", "inf.csv", "y,sigma\n1,Inf\n"),
                "line 2, column 'sigma'", "finite");
        assertMentions(rejected("normal-hierarchical", "na.csv", "y,sigma\nNA,2\n"), "line 2, column 'y'", "finite");
        assertMentions(rejected("normal-hierarchical", "huge.csv", "y,sigma\n1e999,2\n"), "line 2", "overflows");
    }

    @Test
    void emptyFilesAndRaggedRowsAreRejected() throws IOException {
        assertMentions(rejected("beta-binomial", "empty.csv", ""), "empty");
        assertMentions(rejected("beta-binomial", "header.csv", "y,n\n"), "no data rows");
        assertMentions(rejected("beta-binomial", "ragged.csv", "y,n\n1,5\n2\n"), "line 3", "1 cell but",
                "2 columns");
        assertMentions(rejected("beta-binomial", "long.csv", "y,n\n1,5,7\n"), "line 2", "3 cells");
        assertMentions(rejected("beta-binomial", "empty.json", "  "), "empty");
    }

    @Test
    void groupIndexesMustBeInRangeAndWithoutGaps() throws IOException {
        assertMentions(rejected("beta-binomial", "zero.csv", "group,y,n\n1,1,5\n0,2,6\n"),
                "line 3, column 'group'", "'0' is not a group index in range", "1 to 1");
        assertMentions(rejected("beta-binomial", "gap.csv", "group,y,n\n1,1,5\n3,2,6\n"),
                "column 'group'", "no row has group 2", "without gaps");
        assertMentions(rejected("beta-binomial", "range.json", "{\"J\": 2, \"group\": [1, 3], \"y\": [1, 2], \"n\": [5, 6]}"),
                "entry 2, variable 'group'", "'3' is not a group index in range", "1 to 2 (J = 2)");
        assertMentions(rejected("beta-binomial", "huge.json",
                "{\"J\": 22222222731001, \"group\": [1, 2], \"y\": [1, 2], \"n\": [5, 6]}"),
                "variable 'J'", "'22222222731001' groups are more than one fit holds (at most 10000000)");
        assertMentions(rejected("beta-binomial", "label.csv", "group,unit,y,n\n1,A,1,5\n1,B,2,6\n"),
                "line 3", "unit 'B' but group 1 is called 'A' on line 2");
    }

    @Test
    void jsonDataIsCheckedTheSameWay() throws IOException {
        assertMentions(rejected("beta-binomial", "ragged.json", "{\"y\": [1, 2], \"n\": [5]}"),
                "'n' has 1 entries but 'y' has 2");
        assertMentions(rejected("beta-binomial", "text.json", "{\"y\": [1, \"two\"], \"n\": [5, 6]}"),
                "entry 2, variable 'y'", "'two' is not a number");
        assertMentions(rejected("beta-binomial", "nan.json", "{\"y\": [1, NaN], \"n\": [5, 6]}"),
                "entry 2, variable 'y'", "finite");
        assertMentions(rejected("beta-binomial", "null.json", "{\"y\": [1, null], \"n\": [5, 6]}"),
                "entry 2, variable 'y'", "finite");
        assertMentions(rejected("beta-binomial", "nested.json", "{\"y\": [[1], [2]], \"n\": [5, 6]}"),
                "variable 'y', entry 1", "one-dimensional");
        assertMentions(rejected("beta-binomial", "size.json", "{\"N\": 3, \"y\": [1, 2], \"n\": [5, 6]}"),
                "variable 'N' = 3", "number of entries, 2");
        assertMentions(rejected("beta-binomial", "syntax.json", "{\"y\": [1, 2,"), "not valid JSON at line 1");
        assertMentions(rejected("beta-binomial", "array.json", "[1, 2]"), "expected a JSON object");
    }

    @Test
    void wellFormedJsonWithSizesIsRead() throws IOException {
        Path file = dir.resolve("rats.json");
        Files.writeString(file, "{\"N\": 3, \"J\": 2, \"group\": [1, 1, 2], \"y\": [1, 2, 0], \"n\": [5, 6, 4]}");
        FamilyModel model = family("beta-binomial").prepare(DatasetReader.read(file), FamilyOptions.none());
        assertEquals(List.of("1", "2"), model.units().orElseThrow().labels());
        assertArrayEquals(new double[] {3.0 / 11, 0}, model.units().orElseThrow().raw(), 1e-15);
    }

    @Test
    void aFileLaidOutLikeABuiltInDatasetIsReadLikeIt() throws IOException {
        Path file = dir.resolve("my-rats.csv");
        Files.writeString(file, "experiment,tumors,rats\nold,1,20\nnew,4,14\n");
        FamilyModel model = family("beta-binomial").prepare(DatasetReader.read(file), FamilyOptions.none());
        assertEquals(List.of("old", "new"), model.units().orElseThrow().labels());
        assertArrayEquals(new double[] {0.05, 4.0 / 14}, model.units().orElseThrow().raw(), 1e-15);
        String overridden = rejected("beta-binomial", "my-rats2.csv", "experiment,tumors,rats\nold,1,20\n",
                FamilyOptions.builder().columns(ColumnMapping.parse("n=animals")).build());
        assertMentions(overridden, "no column 'animals'");
    }
}
