package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class SvgInlinerTest {

    @Test
    void anXChartChartBecomesOneInlineSvgElementThatScales() {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("t").build();
        chart.addSeries("s", new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        String svg = SvgInliner.inline(chart, "f3", "a <chart>, bandwidth 0.00230");
        assertTrue(svg.startsWith("<svg "), svg);
        assertTrue(svg.strip().endsWith("</svg>"));
        assertEquals(svg.indexOf("<svg"), svg.lastIndexOf("<svg"));
        assertFalse(svg.contains("DOCTYPE") || svg.contains("<?xml"));
        assertTrue(svg.contains("viewBox=\"0 0 300 200\""), svg);
        assertFalse(svg.substring(0, svg.indexOf('>')).contains("width="), "no fixed size on the root");
        assertTrue(svg.contains("aria-label=\"a &lt;chart&gt;, bandwidth 0.00230\""), svg);
        assertFalse(svg.contains("<text"), "text comes as glyph outlines");
        assertFalse(svg.contains("<line"), "segments come as paths");
        // Every id carries the chart's prefix and every reference points at one of them.
        Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(svg);
        int count = 0;
        while (ids.find()) {
            assertTrue(ids.group(1).startsWith("f3-"), ids.group(1));
            count++;
        }
        assertTrue(count > 0, "the plot area is clipped");
        Matcher references = Pattern.compile("url\\(#([^)]+)\\)").matcher(svg);
        while (references.find()) {
            assertTrue(svg.contains("id=\"" + references.group(1) + "\""), references.group(1));
        }
    }

    @Test
    void mergesAdjoiningSegmentsOfOneStyleIntoOnePath() {
        SvgCanvas canvas = new SvgCanvas("f1");
        canvas.setColor(Color.RED);
        canvas.draw(new Line2D.Double(1.004, 3, 2.5, 4.25));
        canvas.draw(new Line2D.Double(2.5, 4.25, 3.333333, -0.001));
        canvas.draw(new Line2D.Double(7, 7, 8, 8));
        canvas.setColor(Color.BLUE);
        canvas.drawLine(0, 0, 1, 1);
        String svg = canvas.toSvg(10, 10, "lines");
        String red = "fill:none;stroke:rgb(255,0,0);stroke-miterlimit:10;stroke-linecap:square;stroke-linejoin:round;";
        assertTrue(svg.contains("<path style=\"" + red + "\" d=\"M1,3 L2.5,4.25 L3.33,0 M7,7 L8,8\"/>"), svg);
        assertTrue(svg.contains("<path style=\"" + red.replace("255,0,0", "0,0,255") + "\" d=\"M0,0 L1,1\"/>"), svg);
    }

    @Test
    void writesColoursStrokesTransformsAndClips() {
        SvgCanvas canvas = new SvgCanvas("f2");
        canvas.setColor(new Color(0, 114, 178, 191));
        canvas.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        canvas.translate(10, 20.5);
        canvas.setClip(new Rectangle2D.Double(0, 0, 50, 40));
        assertEquals(new Rectangle2D.Double(0, 0, 50, 40), canvas.getClip().getBounds2D(), "the clip in user space");
        canvas.draw(new Rectangle2D.Double(1, 2, 3, 4));
        canvas.setClip(null);
        canvas.fill(new Rectangle2D.Double(0, 0, 1, 1));
        String svg = canvas.toSvg(100, 100, "shapes");
        assertTrue(svg.contains("<clipPath id=\"f2-clip1\">"), svg);
        assertTrue(svg.contains("<g clip-path=\"url(#f2-clip1)\">\n    <g transform=\"translate(10 20.5)\">\n      <rect"
                + " height=\"4\" style=\"fill:none;stroke:rgb(0,114,178);stroke-opacity:0.75;stroke-width:1.2;"
                + "stroke-miterlimit:10;stroke-dasharray:5,4;\" width=\"3\" x=\"1\" y=\"2\"/>"), svg);
        assertTrue(svg.contains("<g transform=\"translate(10 20.5)\">\n    <rect height=\"1\" style=\"fill:rgb(0,114,178);"
                + "fill-opacity:0.75;stroke:none;\""), svg);
    }

    @Test
    void drawsTextAsGlyphOutlines() {
        SvgCanvas canvas = new SvgCanvas("f4");
        canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        canvas.drawString("mu", 5, 15);
        String svg = canvas.toSvg(40, 20, "text");
        assertTrue(svg.contains("<path d=\"M"), svg);
        assertTrue(svg.contains("style=\"fill:rgb(0,0,0);stroke:none;\""), svg);
    }

    @Test
    void refusesImages() {
        SvgCanvas canvas = new SvgCanvas("f5");
        assertThrows(UnsupportedOperationException.class,
                () -> canvas.drawImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, null));
    }

    @Test
    void roundsToHundredths() {
        assertEquals("1.5", SvgInliner.round(1.499999));
        assertEquals("-2.05", SvgInliner.round(-2.0501));
        assertEquals("0", SvgInliner.round(-0.001));
        assertEquals("12", SvgInliner.round(12.0));
    }
}
