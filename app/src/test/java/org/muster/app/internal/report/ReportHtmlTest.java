package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    @Test
    void escapesMarkup() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", ReportHtml.escape("a <b> & \"c\" 'd'"));
    }

    @Test
    void numbersHaveThreeDecimalsOrThreeSignificantDigits() {
        assertEquals("4.309", ReportHtml.number(4.30912));
        assertEquals("0.000", ReportHtml.number(0));
        assertEquals("0.00123", ReportHtml.number(0.0012345));
        assertEquals("1.23e+06", ReportHtml.number(1234567));
        assertEquals("NaN", ReportHtml.number(Double.NaN));
        assertEquals("-Inf", ReportHtml.number(Double.NEGATIVE_INFINITY));
        assertEquals("2346", ReportHtml.whole(2345.6));
    }
}
