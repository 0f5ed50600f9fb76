package org.muster.app.internal.cli;

/** Process exit codes of the {@code muster} command. */
final class ExitCodes {

    /** Done; the fit's diagnostics may warn unless {@code --strict}. */
    static final int OK = 0;
    /** {@code muster fit --strict}: the fit ran and its output was written, but the diagnostics warn. */
    static final int DIAGNOSTIC_WARNINGS = 1;
    /** A bad command line or bad input (a file, a value): one line says what, nothing was fitted. */
    static final int INPUT_ERROR = 2;
    /** A bug or an environment failure (a folder that cannot be written); details in muster.log. */
    static final int INTERNAL_ERROR = 3;
    /** Interrupted (Ctrl-C, 128 + SIGINT): the summary and files hold the draws completed. */
    static final int INTERRUPTED = 130;

    /** The exit codes as {@code --help} lists them. */
    static final String HELP = "Exit codes:%n"
            + "  0    done%n"
            + "  1    fit --strict: the fit ran, but the diagnostics warn%n"
            + "  2    bad command line or input (family, method, value, data file)%n"
            + "  3    internal error; the stack trace is in the output folder's muster.log%n"
            + "  130  interrupted (Ctrl-C); the summary and files hold the draws done";

    private ExitCodes() {
    }
}
