package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class SvgInlinerTest {

    private static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns:xlink="http://www.w3.org/1999/xlink" height="250px" version="1.1" viewBox="0 0 600 250" \
            width="600px" x="0px" y="0px" xmlns="http://www.w3.org/2000/svg">
              <defs>
                <clipPath id="clip42"><rect height="1" width="1" x="0" y="0"/></clipPath>
                <path d="M-8.421875,-3.296875 L-6.5625,-3.296875 Q1.999,2 3.14159,4 Z"/>
              </defs>
              <g clip-path="url(#clip42)">
                <line style="stroke:red;" x1="1.004" x2="2.5" y1="3" y2="4.25"/>
                <line style="stroke:red;" x1="2.5" x2="3.333333" y1="4.25" y2="-0.001"/>
                <line style="stroke:red;" x1="7" x2="8" y1="7" y2="8"/>
                <line style="stroke:blue;" x1="0" x2="1" y1="0" y2="1"/>
              </g>
            </svg>
            """;

    @Test
    void stripsThePrologueAndTheFixedSize() {
        String svg = SvgInliner.inline(DOCUMENT, "f1", "a <chart>, bandwidth 0.00230");
        assertTrue(svg.startsWith("<svg "), svg);
        assertFalse(svg.contains("DOCTYPE"));
        assertFalse(svg.contains("width=\"600px\""));
        assertTrue(svg.contains("viewBox=\"0 0 600 250\""));
        assertTrue(svg.contains("aria-label=\"a &lt;chart&gt;, bandwidth 0.00230\""), svg);
    }

    @Test
    void prefixesIdsAndTheirReferences() {
        String svg = SvgInliner.inline(DOCUMENT, "f7", "chart");
        assertTrue(svg.contains("id=\"f7-clip42\""));
        assertTrue(svg.contains("url(#f7-clip42)"));
        assertFalse(svg.contains("\"clip42\""));
    }

    @Test
    void mergesAdjacentSegmentsOfOneStyleIntoOnePath() {
        String svg = SvgInliner.inline(DOCUMENT, "f1", "chart");
        assertFalse(svg.contains("<line"));
        assertTrue(svg.contains("<path style=\"stroke:red;stroke-linejoin:round;\" d=\"M1,3 L2.5,4.25 L3.33,0 M7,7 L8,8\"/>"),
                svg);
        assertTrue(svg.contains("<path style=\"stroke:blue;stroke-linejoin:round;\" d=\"M0,0 L1,1\"/>"), svg);
    }

    @Test
    void roundsLongDecimalsInGlyphOutlines() {
        String svg = SvgInliner.inline(DOCUMENT, "f1", "chart");
        assertTrue(svg.contains("<path d=\"M-8.42,-3.3 L-6.56,-3.3 Q2,2 3.14,4 Z\"/>"), svg);
    }

    @Test
    void roundsToHundredths() {
        assertEquals("1.5", SvgInliner.round("1.499999"));
        assertEquals("-2.05", SvgInliner.round("-2.0501"));
        assertEquals("0", SvgInliner.round("-0.001"));
        assertEquals("12", SvgInliner.round("12.0"));
    }

    @Test
    void anXChartChartBecomesOneInlineSvgElement() {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("t").build();
        chart.addSeries("s", new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        String svg = SvgInliner.inline(chart, "f3", "test chart");
        assertTrue(svg.startsWith("<svg "));
        assertTrue(svg.strip().endsWith("</svg>"));
        assertEquals(svg.indexOf("<svg"), svg.lastIndexOf("<svg"));
    }
}
