package org.muster.app.internal.report;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into SVG markup to place inside an HTML page: XChart paints it on an
 * {@link SvgCanvas}, which writes the markup directly (ids prefixed per chart so several charts share a
 * page, runs of line segments as one path, coordinates to hundredths of a pixel).
 *
 * <p>The report used to export each chart through VectorGraphics2D as a standalone document (an XML
 * declaration, a DTD, one {@code <line>} per segment) built as a DOM, serialized by the JDK's XML
 * transformer, and then rewritten here with regular expressions; in a fresh JVM that cost about a second
 * for the seven charts of eight schools, more than anything else in a fit. The canvas draws the same
 * picture.
 */
final class SvgInliner {

    private SvgInliner() {
    }

    /**
     * The chart as an inline {@code <svg>} element that scales to its container's width.
     *
     * @param idPrefix unique within the page, of letters, digits and hyphens
     * @param label the accessible name of the picture
     */
    static String inline(Chart<?, ?> chart, String idPrefix, String label) {
        SvgCanvas canvas = new SvgCanvas(idPrefix);
        chart.paint(canvas, chart.getWidth(), chart.getHeight());
        return canvas.toSvg(chart.getWidth(), chart.getHeight(), label);
    }

    /** A coordinate to two decimals, a hundredth of a pixel, without trailing zeros. */
    static String round(double value) {
        long hundredths = Math.round(value * 100);
        StringBuilder text = new StringBuilder(12);
        if (hundredths < 0) {
            text.append('-');
            hundredths = -hundredths;
        }
        text.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            text.append('.').append((char) ('0' + fraction / 10));
            if (fraction % 10 != 0) {
                text.append((char) ('0' + fraction % 10));
            }
        }
        return text.toString();
    }
}
