package org.muster.app.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into SVG markup to place inside an HTML page.
 *
 * <p>XChart exports SVG through VectorGraphics2D as a standalone document: an XML declaration and a DTD
 * reference (which HTML does not want), clip-path ids that would clash between several charts in one page,
 * and one {@code <line>} element per segment of a polyline (a trace of 4 chains × 1000 draws is 4000
 * elements, about a megabyte). This class strips the prologue, prefixes every id with a per-chart prefix,
 * merges each run of same-styled segments into one {@code <path>}, which draws the same picture at a
 * twentieth of the size, and rounds coordinates to hundredths of a pixel.
 */
final class SvgInliner {

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern ROOT_SIZE = Pattern.compile("\\s(?:width|height|x|y)=\"[^\"]*\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("url\\(#([^)]+)\\)|href=\"#([^\"]+)\"");
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");
    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([^\"]+)\" x2=\"([^\"]+)\" y1=\"([^\"]+)\" y2=\"([^\"]+)\"/>");

    private SvgInliner() {
    }

    /**
     * The chart as an inline {@code <svg>} element that scales to its container's width.
     *
     * @param idPrefix unique within the page, of letters, digits and hyphens
     * @param label the accessible name of the picture
     */
    static String inline(Chart<?, ?> chart, String idPrefix, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            // The stream is in memory: only a bug can get here.
            throw new UncheckedIOException("cannot export a chart as SVG: " + e.getMessage(), e);
        }
        return inline(out.toString(StandardCharsets.UTF_8), idPrefix, label);
    }

    /** The standalone SVG document as an inline element; see the class comment. */
    static String inline(String document, String idPrefix, String label) {
        int start = document.indexOf("<svg");
        if (start < 0) {
            throw new IllegalArgumentException("not an SVG document: no <svg> element");
        }
        String svg = document.substring(start).strip();
        Matcher root = ROOT.matcher(svg);
        if (!root.lookingAt()) {
            throw new IllegalArgumentException("not an SVG document: malformed <svg> tag");
        }
        String rootTag = ROOT_SIZE.matcher(root.group()).replaceAll("");
        // Merging first leaves a twentieth of the text for the rewriting below to scan.
        String body = mergeLines(svg.substring(root.end()));
        // Text comes as glyph outlines with coordinates to 1/10^6 pixel; hundredths draw the same.
        body = LONG_DECIMAL.matcher(body).replaceAll(m -> round(m.group()));
        body = ID.matcher(body).replaceAll(m -> Matcher.quoteReplacement("id=\"" + idPrefix + "-" + m.group(1) + "\""));
        body = REFERENCE.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? "url(#" + idPrefix + "-" + m.group(1) + ")" : "href=\"#" + idPrefix + "-" + m.group(2) + "\""));
        // The label goes in last: it is text, not coordinates, and must not be rounded.
        return rootTag.substring(0, rootTag.length() - 1) + " role=\"img\" aria-label=\"" + ReportHtml.escape(label)
                + "\">" + body;
    }

    /** Replaces each run of adjacent {@code <line>} elements of one style by one path. */
    static String mergeLines(String svg) {
        Matcher line = LINE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() / 4);
        StringBuilder path = new StringBuilder();
        int copied = 0;
        String runStyle = null;
        String lastX = null;
        String lastY = null;
        while (line.find()) {
            boolean continues = runStyle != null && runStyle.equals(line.group(1))
                    && svg.substring(copied, line.start()).isBlank();
            if (!continues) {
                if (runStyle != null) {
                    out.append(pathElement(runStyle, path));
                }
                out.append(svg, copied, line.start());
                runStyle = line.group(1);
                path.setLength(0);
                lastX = null;
                lastY = null;
            }
            String x1 = round(line.group(2));
            String y1 = round(line.group(4));
            if (!x1.equals(lastX) || !y1.equals(lastY)) {
                path.append(path.length() == 0 ? "M" : " M").append(x1).append(',').append(y1);
            }
            lastX = round(line.group(3));
            lastY = round(line.group(5));
            path.append(" L").append(lastX).append(',').append(lastY);
            copied = line.end();
        }
        if (runStyle != null) {
            out.append(pathElement(runStyle, path));
        }
        out.append(svg, copied, svg.length());
        return out.toString();
    }

    private static String pathElement(String style, CharSequence d) {
        // Joined segments need round joins where separate segments had round caps, or spikes appear.
        String joined = style.contains("stroke-linejoin") ? style : style + "stroke-linejoin:round;";
        return "<path style=\"" + joined + "\" d=\"" + d + "\"/>";
    }

    /** A coordinate to two decimals, a hundredth of a pixel, without trailing zeros. */
    static String round(String number) {
        long hundredths = Math.round(Double.parseDouble(number) * 100);
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
