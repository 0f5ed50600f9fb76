package org.muster.app.internal.cli;

/** Process exit codes of the {@code muster} command. */
final class ExitCodes {

    static final int OK = 0;
    static final int INPUT_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
