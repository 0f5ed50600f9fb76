package org.muster.lang.internal.compiler;

import java.util.List;
import org.muster.lang.internal.bugs.Ast;

/** One relation of a model with its enclosing loops, unrolled: its instances and the elements it defines. */
final class Relation {

    final int id;
    final Ast.Statement statement;
    final List<Ast.ForLoop> loops;
    final boolean dataBlock;
    Instances instances;
    Variable target;
    /** The elements each instance defines, instance after instance ({@code width} each). */
    int[] elements;
    int width;
    int[] dimensions;
    /** Whether some instance reads an element another instance of this relation defines. */
    boolean selfReferent;

    Relation(int id, Ast.Statement statement, List<Ast.ForLoop> loops, boolean dataBlock) {
        this.id = id;
        this.statement = statement;
        this.loops = List.copyOf(loops);
        this.dataBlock = dataBlock;
    }

    Ast.VariableReference targetReference() {
        if (statement instanceof Ast.DeterministicRelation d) {
            return d.target();
        }
        if (statement instanceof Ast.StochasticRelation s) {
            return s.target();
        }
        throw new IllegalStateException("a loop is not a relation");
    }

    boolean isStochastic() {
        return statement instanceof Ast.StochasticRelation;
    }

    boolean isCensoring() {
        return statement instanceof Ast.StochasticRelation s && s.distribution().name().equals("dinterval");
    }

    /** The BUGS text of the relation's left-hand side, as written. */
    String describe(Evaluator evaluator) {
        return evaluator.source().textAt(targetReference().position());
    }
}
