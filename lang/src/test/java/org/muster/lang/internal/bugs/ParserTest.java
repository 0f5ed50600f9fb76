package org.muster.lang.internal.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.lang.internal.bugs.Ast.BinaryOperation;
import org.muster.lang.internal.bugs.Ast.BinaryOperator;
import org.muster.lang.internal.bugs.Ast.DeterministicRelation;
import org.muster.lang.internal.bugs.Ast.ForLoop;
import org.muster.lang.internal.bugs.Ast.FunctionCall;
import org.muster.lang.internal.bugs.Ast.IndexKind;
import org.muster.lang.internal.bugs.Ast.Literal;
import org.muster.lang.internal.bugs.Ast.StochasticRelation;
import org.muster.lang.internal.bugs.Ast.UnaryOperation;
import org.muster.lang.internal.bugs.Ast.VariableReference;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.spi.ModelFileException;

class ParserTest {

    private static Ast.Program parse(String text) {
        return Parser.parse(new SourceText("m.bug", text));
    }

    private static ModelFileException failure(String text) {
        return assertThrows(ModelFileException.class, () -> parse(text));
    }

    @Test
    void parsesDataAndModelBlocksWithNestedLoopsCommentsAndBothArrows() {
        Ast.Program p = parse("""
                # data transformations
                data {
                  for (i in 1:N) { xc[i] <- x[i] - mean(x[]) }  /* centred
                  covariate */
                }
                model {
                  for (i in 1:N) {
                    for (j in 1:T) {
                      Y[i, j] ~ dnorm(mu[i, j], tau.c);
                      mu[i, j] = alpha[i] + beta[i] * (x[j] - xbar)
                    }
                    alpha[i] ~ dnorm(alpha.c, alpha.tau)
                  }
                  logit(p) <- theta
                  sigma ~ dnorm(0, 1.0E-6) T(0, )
                  is.censored[1] ~ dinterval(t[1], t.cen[1])
                }
                """);
        assertEquals(1, p.data().size());
        assertEquals(4, p.model().size());
        ForLoop outer = assertInstanceOf(ForLoop.class, p.model().get(0));
        assertEquals("i", outer.counter());
        ForLoop inner = assertInstanceOf(ForLoop.class, outer.body().get(0));
        StochasticRelation y = assertInstanceOf(StochasticRelation.class, inner.body().get(0));
        assertEquals("Y", y.target().name());
        assertEquals(2, y.target().indices().size());
        assertEquals("dnorm", y.distribution().name());
        assertInstanceOf(DeterministicRelation.class, inner.body().get(1));
        DeterministicRelation logit = assertInstanceOf(DeterministicRelation.class, p.model().get(1));
        assertEquals("logit", logit.link());
        StochasticRelation sigma = assertInstanceOf(StochasticRelation.class, p.model().get(2));
        assertEquals(Ast.BoundKind.TRUNCATION, sigma.bounds());
        assertEquals(0.0, ((Literal) sigma.lower()).value());
        assertNull(sigma.upper());
        assertEquals(1.0e-6, ((Literal) sigma.distribution().arguments().get(1)).value());
    }

    @Test
    void indicesCanBeEmptyRangesExpressionsAndNested() {
        Ast.Program p = parse("model { y ~ dmnorm(mu[g[i + 1], 2:K], Omega[, ]) z <- x[] }");
        StochasticRelation y = (StochasticRelation) p.model().get(0);
        VariableReference mu = (VariableReference) y.distribution().arguments().get(0);
        assertEquals(IndexKind.SINGLE, mu.indices().get(0).kind());
        VariableReference g = assertInstanceOf(VariableReference.class, mu.indices().get(0).lower());
        assertInstanceOf(BinaryOperation.class, g.indices().get(0).lower());
        assertEquals(IndexKind.RANGE, mu.indices().get(1).kind());
        VariableReference omega = (VariableReference) y.distribution().arguments().get(1);
        assertEquals(List.of(IndexKind.ALL, IndexKind.ALL), omega.indices().stream().map(Ast.Index::kind).toList());
        VariableReference x = (VariableReference) ((DeterministicRelation) p.model().get(1)).value();
        assertEquals(List.of(IndexKind.ALL), x.indices().stream().map(Ast.Index::kind).toList());
    }

    @Test
    void precedenceFollowsJags() {
        DeterministicRelation r = (DeterministicRelation) parse("model { a <- -b^2 * c %*% d + e > f && !g }").model().get(0);
        BinaryOperation and = (BinaryOperation) r.value();
        assertEquals(BinaryOperator.AND, and.operator());
        assertInstanceOf(UnaryOperation.class, and.right());
        BinaryOperation greater = (BinaryOperation) and.left();
        assertEquals(BinaryOperator.GREATER, greater.operator());
        BinaryOperation sum = (BinaryOperation) greater.left();
        assertEquals(BinaryOperator.ADD, sum.operator());
        BinaryOperation product = (BinaryOperation) sum.left();
        assertEquals(BinaryOperator.MULTIPLY, product.operator());
        UnaryOperation negation = (UnaryOperation) product.left();
        assertEquals(BinaryOperator.POWER, ((BinaryOperation) negation.operand()).operator());
        assertEquals(BinaryOperator.MATRIX_PRODUCT, ((BinaryOperation) product.right()).operator());
        DeterministicRelation power = (DeterministicRelation) parse("model { a <- 2^3^2 }").model().get(0);
        BinaryOperation outer = (BinaryOperation) power.value();
        assertEquals(2.0, ((Literal) outer.left()).value());
        assertInstanceOf(BinaryOperation.class, outer.right());
    }

    @Test
    void functionsTakeArgumentLists() {
        DeterministicRelation r = (DeterministicRelation) parse("model { s <- pow(inprod(b[], x[i, ]), 2) }").model().get(0);
        FunctionCall pow = (FunctionCall) r.value();
        assertEquals("pow", pow.name());
        assertEquals("inprod", ((FunctionCall) pow.arguments().get(0)).name());
    }

    @Test
    void aSyntaxErrorNamesFileLineColumnAndShowsACaret() {
        ModelFileException e = failure("model {\n  y ~ dnorm(mu, tau\n}\n");
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertEquals("m.bug:3:1: syntax error: expected ',' or ')' in the arguments of 'dnorm' but found '}'\n  }\n  ^",
                e.getMessage());
    }

    @Test
    void syntaxErrorsSayWhatWasExpected() {
        assertTrue(failure("model { y <- }").getMessage().startsWith(
                "m.bug:1:14: syntax error: expected an expression (a number, a variable or a function call) but found '}'"));
        assertTrue(failure("model { y dnorm(0, 1) }").getMessage().startsWith(
                "m.bug:1:11: syntax error: expected '<-' or '~' after y but found 'dnorm'"));
        assertTrue(failure("y ~ dnorm(0, 1)").getMessage().startsWith(
                "m.bug:1:1: syntax error: expected 'model {' (or 'data {' before it) but found 'y'"));
        assertTrue(failure("model { for (i 1:N) { } }").getMessage().startsWith(
                "m.bug:1:16: syntax error: expected 'in' after the loop counter 'i' but found '1'"));
        assertTrue(failure("model { y ~ dnorm(0, 1)").getMessage().startsWith(
                "m.bug:1:23: syntax error: the model block is never closed; expected '}'"));
        assertTrue(failure("model { a <- 1 < 2 < 3 }").getMessage().contains("comparisons do not chain"));
        assertTrue(failure("model { y <- 2x }").getMessage().startsWith(
                "m.bug:1:14: '2x' is not a number or a name"));
        assertTrue(failure("model { y <- x $ 2 }").getMessage().startsWith("m.bug:1:16: unexpected character '$'"));
        assertTrue(failure("model { /* open").getMessage().startsWith("m.bug:1:9: this comment is never closed"));
        assertTrue(failure("model { exp(y) <- 1 }").getMessage().startsWith(
                "m.bug:1:9: 'exp' cannot be on the left of a relation"));
        assertTrue(failure("model { logit(p) ~ dnorm(0, 1) }").getMessage().startsWith(
                "m.bug:1:9: a link function cannot be on the left of '~'"));
    }

    @Test
    void theCaretUnderlinesTheOffendingToken() {
        ModelFileException e = failure("model {\n\ty[i] ~ dnorm(mu[i] tau)\n}");
        assertEquals("m.bug:2:21: syntax error: expected ',' or ')' in the arguments of 'dnorm' but found 'tau'",
                e.getMessage().lines().findFirst().orElseThrow());
        assertEquals("  \t" + " ".repeat(19) + "^^^", e.getMessage().lines().toList().get(2));
    }
}
