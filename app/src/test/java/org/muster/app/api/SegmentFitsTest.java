package org.muster.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.models.api.Dataset;

/** One fit per segment: splitting, seeds by key, error rows for bad segments. */
class SegmentFitsTest {

    /** Three campaigns of beta-binomial data; campaign "b" has a row with more successes than trials. */
    static Dataset campaigns() {
        String[][] cells = {
            {"a", "3", "20"}, {"b", "5", "20"}, {"a", "4", "18"}, {"c", "9", "30"},
            {"b", "25", "20"}, {"c", "2", "25"}, {"a", "6", "22"}, {"c", "4", "19"}};
        List<String[]> rows = new ArrayList<>();
        int[] lines = new int[cells.length];
        for (int r = 0; r < cells.length; r++) {
            rows.add(cells[r]);
            lines[r] = r + 2;
        }
        return new Dataset("campaigns.csv", List.of("campaign", "y", "n"), rows, lines);
    }

    private static FitSpec spec() {
        return FitSpec.builder("beta-binomial").prior("concentration=gamma(2, 0.1)").chains(2).warmup(100).draws(100)
                .seed(3).build();
    }

    @Test
    void splitKeepsFirstAppearanceOrderAndFileLines() {
        List<Segment> segments = Segment.split(campaigns(), "campaign");
        assertEquals(List.of("a", "b", "c"), segments.stream().map(Segment::key).toList());
        Dataset a = segments.get(0).data();
        assertEquals(List.of("y", "n"), a.columns());
        assertEquals(List.of("3", "4", "6"), a.text("y"));
        assertEquals("line 8", a.rowLocation(2));
        assertTrue(a.source().contains("segment 'a'"), a.source());
    }

    @Test
    void aMissingSegmentColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Segment.split(campaigns(), "region"));
        assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("campaign"), e.getMessage());
    }

    @Test
    void aBadSegmentGetsAnErrorRowAndTheOthersAreFitted() {
        SegmentFits fits = SegmentFits.of(spec());
        List<SegmentResult> results = Segment.split(campaigns(), "campaign").stream().map(fits::fit).toList();
        SegmentResult b = results.get(1);
        assertTrue(b.error().isPresent());
        String message = b.error().get();
        assertTrue(message.contains("segment 'b'") && message.contains("line 6"), message);
        List<SegmentSummaryRow> errorRows = b.summaryRows();
        assertEquals(1, errorRows.size());
        assertTrue(errorRows.get(0).isError());
        assertEquals("error", b.warningRows().get(0).kind());
        for (SegmentResult fitted : List.of(results.get(0), results.get(2))) {
            assertTrue(fitted.error().isEmpty(), fitted.error().orElse(""));
            List<String> variables = fitted.summaryRows().stream().map(SegmentSummaryRow::variable).toList();
            assertTrue(variables.containsAll(List.of("mean", "concentration", "theta[1]", "theta[3]")), variables.toString());
        }
    }

    @Test
    void aSegmentsFitDependsOnItsKeyAndTheRunSeedOnly() {
        SegmentFits fits = SegmentFits.of(spec());
        List<Segment> segments = Segment.split(campaigns(), "campaign");
        SegmentResult first = fits.fit(segments.get(2));
        // fitted again after another segment, from a new SegmentFits: the same numbers
        SegmentFits again = SegmentFits.of(spec());
        again.fit(segments.get(0));
        assertEquals(first.summaryRows(), again.fit(segments.get(2)).summaryRows());
        assertEquals(Seeds.forKey(3, "c"), first.seed());
    }

    @Test
    void anUnknownFamilyOrMethodIsRefusedBeforeAnyFit() {
        assertThrows(IllegalArgumentException.class, () -> SegmentFits.of(FitSpec.builder("no-such-family").build()));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentFits.of(FitSpec.builder("beta-binomial").method("no-such-method").build()));
    }

    @Test
    void aPointEstimateMethodGivesAnErrorRowSayingWhy() {
        FitSpec map = FitSpec.builder("beta-binomial").prior("concentration=gamma(2, 0.1)").method("map").build();
        SegmentResult result = SegmentFits.of(map).fit(Segment.split(campaigns(), "campaign").get(0));
        assertTrue(result.error().orElseThrow().contains("point estimate"), result.error().get());
    }
}
