package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.diagnostics.api.SummaryRow;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code report.html} of real fits: self-contained, well-formed, one trace, rank and density per hyperparameter. */
class ReportWriterTest {

    private static final List<String> KINDS = List.of("trace", "rank", "density");

    private static ReportInput eightSchools;
    private static ReportInput rats;
    private static ReportInput funnel;

    @TempDir
    Path dir;

    @BeforeAll
    static void fit() {
        eightSchools = ReportFits.fit("eight-schools", 4, 300, 1000, 11);
        rats = ReportFits.fit("beta-binomial", 2, 200, 300, 12);
        funnel = ReportFits.fit("neal-funnel", 2, 200, 200, 13);
    }

    /** The figures of a page: parameter and kind of each, in page order. */
    private static List<String> figures(Document page) {
        NodeList nodes = page.getElementsByTagName("figure");
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element figure = (Element) nodes.item(i);
            assertTrue(figure.getAttribute("class").contains("plot"), "figure without class plot");
            assertEquals(1, figure.getElementsByTagName("svg").getLength(), "one svg per figure");
            figures.add(figure.getAttribute("data-parameter") + "/" + figure.getAttribute("data-kind"));
        }
        return figures;
    }

    private static List<String> expected(List<String> parameters) {
        List<String> figures = new ArrayList<>();
        for (String parameter : parameters) {
            for (String kind : KINDS) {
                figures.add(parameter + "/" + kind);
            }
        }
        return figures;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private String write(ReportInput input) throws IOException {
        Path file = new ReportWriter().write(dir.resolve("out"), input);
        assertEquals(dir.resolve("out").resolve("report.html"), file);
        return Files.readString(file);
    }

    @Test
    void eightSchoolsHasThreePlotsForMuAndTauAndTheShrinkageFigure() throws Exception {
        String html = write(eightSchools);
        List<String> figures = figures(parse(html));
        List<String> want = expected(List.of("mu", "tau"));
        want.add("theta/shrinkage");
        assertEquals(want, figures);
        assertTrue(html.contains("<dd>eight-schools</dd>"), "header names the family");
        assertTrue(html.contains("<dd>4 × 1000 (after 300 warmup)</dd>"), "header gives chains × draws");
        assertTrue(html.contains("<dd>11</dd>"), "header gives the seed");
    }

    @Test
    void ratsHasThreePlotsPerHyperparameterAndOneShrinkageFigureOfAllUnits() throws Exception {
        String html = write(rats);
        List<String> want = expected(List.of("mean", "concentration", "alpha", "beta"));
        want.add("theta/shrinkage");
        assertEquals(want, figures(parse(html)));
        assertTrue(html.contains("Shrinkage of 71 units"), "all 71 rats in the shrinkage figure");
    }

    @Test
    void aModelWithoutUnitsHasNoShrinkageFigureAndPlotsTheFirstMembersOfItsVectors() throws Exception {
        assertTrue(funnel.shrinkage().isEmpty());
        List<String> figures = figures(parse(write(funnel)));
        assertEquals(expected(List.of("v", "x[1]", "x[2]", "x[3]")), figures);
        assertFalse(figures.stream().anyMatch(f -> f.endsWith("/shrinkage")));
    }

    @Test
    void everySvgIsClosedAndNothingIsLoadedFromTheNetwork() throws Exception {
        for (ReportInput input : List.of(eightSchools, rats, funnel)) {
            String html = write(input);
            assertEquals(count(html, "<svg"), count(html, "</svg>"), "every <svg> closed");
            assertEquals(count(html, "<figure"), count(html, "</figure>"), "every <figure> closed");
            // Namespace names are identifiers, not downloads; anything else with a scheme would be fetched.
            String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=\"[^\"]*\"", "");
            assertFalse(withoutNamespaces.contains("http://"), "no http:// resource");
            assertFalse(withoutNamespaces.contains("https://"), "no https:// resource");
            assertFalse(html.contains("<script"), "no scripts");
            assertFalse(html.contains("<!DOCTYPE svg"), "no SVG prologue inside the page");
            Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
            List<String> seen = new ArrayList<>();
            while (ids.find()) {
                assertFalse(seen.contains(ids.group(1)), "duplicate id " + ids.group(1));
                seen.add(ids.group(1));
            }
            assertFalse(seen.isEmpty(), "the charts' clip paths have ids");
        }
    }

    @Test
    void theTableHasOneRowPerVariableAndFlagsBadDiagnostics() throws Exception {
        Document page = parse(write(rats));
        Element table = table(page, "summary all");
        NodeList rows = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        List<SummaryRow> summary = rats.summary().rows();
        assertEquals(summary.size(), rows.getLength());
        int flagged = 0;
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            assertEquals(summary.get(i).variable(), row.getElementsByTagName("th").item(0).getTextContent());
            NodeList cells = row.getElementsByTagName("td");
            assertEquals(ReportHtml.number(summary.get(i).mean()), cells.item(0).getTextContent());
            for (int c = 0; c < cells.getLength(); c++) {
                flagged += ((Element) cells.item(c)).getAttribute("class").equals("flag") ? 1 : 0;
            }
        }
        long bad = summary.stream().mapToLong(r -> (r.rhat() > 1.01 ? 1 : 0) + (r.essBulk() < 200 ? 1 : 0)
                + (r.essTail() < 200 ? 1 : 0)).sum();
        assertEquals(bad, flagged, "flagged cells: R-hat > 1.01, ESS < 100 per chain of 2 chains");
    }

    @Test
    void warningsAreShownWithTheirAdvice() throws Exception {
        // 2 chains of 200 draws of the funnel are short enough for the diagnostics to complain.
        assertFalse(funnel.summary().warnings().isEmpty(), "the funnel fit was expected to warn");
        Document page = parse(write(funnel));
        NodeList items = page.getElementsByTagName("li");
        int warnings = 0;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.getAttribute("class").equals("warning")) {
                assertTrue(item.getTextContent().contains("Try: "), item.getTextContent());
                warnings++;
            }
        }
        assertEquals(funnel.summary().warnings().size(), warnings);
    }

    private static Element table(Document page, String tableClass) {
        NodeList tables = page.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            if (((Element) tables.item(i)).getAttribute("class").equals(tableClass)) {
                return (Element) tables.item(i);
            }
        }
        throw new AssertionError("no table of class " + tableClass);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
