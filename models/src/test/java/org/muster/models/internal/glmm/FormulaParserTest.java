package org.muster.models.internal.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.models.internal.glmm.Formula.GroupTerm;
import org.muster.models.internal.glmm.Formula.ResponseKind;
import org.muster.models.internal.glmm.Formula.Term;

class FormulaParserTest {

    private static List<String> labels(List<Term> terms) {
        return terms.stream().map(Term::label).toList();
    }

    private static String error(String formula) {
        return assertThrows(IllegalArgumentException.class, () -> FormulaParser.parse(formula)).getMessage();
    }

    @Test
    void parsesTheRadonModel() {
        Formula f = FormulaParser.parse("log_radon ~ floor + log_uppm + (1 + floor | county)");
        assertEquals("log_radon", f.response().column());
        assertEquals(ResponseKind.PLAIN, f.response().kind());
        assertTrue(f.intercept());
        assertEquals(List.of("floor", "log_uppm"), labels(f.terms()));
        assertEquals(1, f.groups().size());
        GroupTerm g = f.groups().get(0);
        assertTrue(g.intercept() && g.correlated());
        assertEquals(List.of("floor"), labels(g.terms()));
        assertEquals("county", g.factorLabel());
        assertEquals("log_radon ~ floor + log_uppm + (1 + floor | county)".indexOf("county"), g.factorPosition());
    }

    @Test
    void expandsProductsAndDropsTheIntercept() {
        Formula f = FormulaParser.parse("y ~ 0 + a*b + c:d + b:a");
        assertFalse(f.intercept());
        assertEquals(List.of("a", "b", "a:b", "c:d"), labels(f.terms()));
        assertFalse(FormulaParser.parse("y ~ x - 1").intercept());
        assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"), labels(FormulaParser.parse("y ~ a*b*c").terms()));
    }

    @Test
    void parsesUncorrelatedNestedAndSeveralGroupingFactors() {
        Formula f = FormulaParser.parse("y ~ (x || g) + (1 | a/b) + (0 + x | h)");
        List<GroupTerm> groups = f.groups();
        assertEquals(4, groups.size());
        assertFalse(groups.get(0).correlated());
        assertEquals("a", groups.get(1).factorLabel());
        assertEquals("a:b", groups.get(2).factorLabel());
        assertEquals(List.of("a", "b"), groups.get(2).factor());
        assertFalse(groups.get(3).intercept());
        assertEquals(List.of("x"), labels(groups.get(3).terms()));
    }

    @Test
    void parsesBinomialResponses() {
        Formula cbind = FormulaParser.parse("cbind(s, f) ~ x");
        assertEquals(ResponseKind.CBIND, cbind.response().kind());
        assertEquals("s", cbind.response().column());
        assertEquals("f", cbind.response().second());
        Formula trials = FormulaParser.parse("s | trials(n) ~ x + (1 | g)");
        assertEquals(ResponseKind.TRIALS, trials.response().kind());
        assertEquals("n", trials.response().second());
    }

    @Test
    void aMissingGroupingFactorIsPointedAt() {
        String message = error("y ~ x + (1 + x | )");
        assertTrue(message.startsWith("formula \"y ~ x + (1 + x | )\": expected a grouping factor at character 18"),
                message);
        List<String> lines = message.lines().toList();
        assertEquals(3, lines.size(), message);
        assertEquals("  y ~ x + (1 + x | )", lines.get(1));
        assertEquals(lines.get(1).indexOf(')', 10), lines.get(2).indexOf('^'), message);
    }

    @Test
    void aProductOfManyFactorsIsRefusedBeforeItExpands() {
        // a fuzz finding: k~ x*x*...*x with dozens of factors ran out of memory expanding 2^n - 1 terms
        assertEquals(1023, FormulaParser.parse("y ~ a*b*c*d*e*f*g*h*i*j").terms().size(),
                "ten factors still expand");
        String message = error("y ~ a*b*c*d*e*f*g*h*i*j*k");
        assertTrue(message.contains("a product of more than 10 factors with '*' at character 25")
                && message.contains("2^11 - 1 terms"), message);
    }

    @Test
    void eachParseErrorSaysWhatWasExpectedWhere() {
        assertTrue(error("y x").contains("expected '~' after the response at character 3"), error("y x"));
        assertTrue(error("y ~ ").contains("expected a term"), error("y ~ "));
        assertTrue(error("y ~ x +").contains("at character 8"), error("y ~ x +"));
        assertTrue(error("y ~ (1 + x g)").contains("expected '|' or '||' before the grouping factor at character 12"),
                error("y ~ (1 + x g)"));
        assertTrue(error("y ~ (1 | g").contains("expected ')' to close the group-level term"), error("y ~ (1 | g"));
        assertTrue(error("y ~ x - z").contains("only the intercept can be removed"), error("y ~ x - z"));
        assertTrue(error("y ~ 2 + x").contains("expected 1 or 0"), error("y ~ 2 + x"));
        assertTrue(error("y ~ x $ z").contains("unexpected character '$' at character 7"), error("y ~ x $ z"));
        assertTrue(error("y ~ (1 | (x | g))").contains("expected a grouping factor"), error("y ~ (1 | (x | g))"));
        assertTrue(error("y ~ ((x | g))").contains("cannot be nested"), error("y ~ ((x | g))"));
        assertTrue(error("cbind(s ~ x").contains("expected ',' in cbind"), error("cbind(s ~ x"));
        assertTrue(error("s | n ~ x").contains("expected trials(n)"), error("s | n ~ x"));
        assertTrue(error("y ~ x x").contains("expected '+', '-' or the end of the formula"), error("y ~ x x"));
        assertTrue(error("").contains("expected a response"), error(""));
    }

    @Test
    void parsesOffsetsOfAColumnAndOfItsLog() {
        Formula f = FormulaParser.parse("y ~ x + offset(log(exposure)) + offset(shift) + (1 | g)");
        assertEquals(List.of("x"), labels(f.terms()));
        assertEquals(List.of(new Formula.Offset("exposure", 19, true), new Formula.Offset("shift", 39, false)), f.offsets());
        assertEquals(1, f.groups().size());
        assertEquals(List.of(), FormulaParser.parse("y ~ x").offsets());
        // a column named offset is still a column
        assertEquals(List.of("offset"), labels(FormulaParser.parse("y ~ offset").terms()));
    }

    @Test
    void aMalformedOffsetIsPointedAt() {
        String open = error("y ~ x + offset(");
        assertTrue(open.contains("expected a column in offset(col) or offset(log(col)) at character 16, found the end"),
                open);
        assertEquals(open.lines().toList().get(1).length(), open.lines().toList().get(2).indexOf('^'), open);
        assertTrue(error("y ~ offset(log(e)").contains("expected ')' to close offset(log(e)) at character 18"),
                error("y ~ offset(log(e)"));
        assertTrue(error("y ~ offset(e").contains("expected ')' to close offset(e) at character 13"), error("y ~ offset(e"));
        assertTrue(error("y ~ offset(log(e) + 1)").contains("expected ')' to close offset(log(e)) at character 19"),
                error("y ~ offset(log(e) + 1)"));
        assertTrue(error("y ~ offset(log())").contains("expected a column in offset(log(col)) at character 16"),
                error("y ~ offset(log())"));
        assertTrue(error("y ~ offset(exp(e))").contains("only log() is understood inside offset() at character 12"),
                error("y ~ offset(exp(e))"));
        assertTrue(error("y ~ (1 + offset(e) | g)").contains("not in a group-level term at character 10"),
                error("y ~ (1 + offset(e) | g)"));
        assertTrue(error("y ~ x - offset(e)").contains("only the intercept can be removed"), error("y ~ x - offset(e)"));
    }
}
