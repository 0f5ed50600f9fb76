package org.muster.app.internal.report;

import java.util.Locale;

/** Text helpers of the report page: HTML escaping and how numbers are shown. */
final class ReportHtml {

    private ReportHtml() {
    }

    /** Text made safe inside an HTML element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A posterior number as the summary table shows it: three decimals as the command line prints them, or
     * three significant digits for magnitudes below 0.01 and at least 100 000, where three decimals would say
     * nothing or too much; {@code NaN} and infinities spelled out.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 0.01 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A count such as an effective sample size, rounded to a whole number. */
    static String whole(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.0f", value);
    }
}
