package org.muster.lang.internal.compiler;

/** Control flow inside the compiler, never seen by users: a unit must be split, or a value is not constant. */
final class CompileSignal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    enum Reason {
        /** A range or slice has a different length in different instances: compile instance by instance. */
        VARYING_SHAPE,
        /** A value needed as a constant depends on something not known from the data. */
        NOT_CONSTANT
    }

    final Reason reason;

    CompileSignal(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }
}
