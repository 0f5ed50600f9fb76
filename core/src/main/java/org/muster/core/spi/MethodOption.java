package org.muster.core.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One option an inference method takes ({@code --method-param NAME=VALUE} on the command line, or
 * {@code option(NAME, VALUE)} from Java): its name, type, allowed range, default and a line of help. A
 * provider declares its options in {@link InferenceMethodProvider#options()}; the application builds
 * help and validation from them, so no caller needs to know a method's options by its id. Immutable.
 */
public final class MethodOption {

    /** What kind of value an option takes. */
    public enum Kind {
        /** A whole number within {@link #range()}. */
        INTEGER,
        /** A finite number within {@link #range()}. */
        NUMBER,
        /** {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code yes}/{@code no}). */
        BOOLEAN,
        /** One of {@link #choices()} (or of its aliases), in any case. */
        CHOICE,
        /** Any text the method reads itself (a list of node names, say). */
        TEXT
    }

    private final String name;
    private final Kind kind;
    private final Optional<String> defaultValue;
    private final String help;
    private final double lower;
    private final double upper;
    private final boolean lowerOpen;
    private final boolean upperOpen;
    private final List<String> choices;
    private final List<String> aliases;

    private MethodOption(String name, Kind kind, Optional<String> defaultValue, String help, double lower,
            double upper, boolean lowerOpen, boolean upperOpen, List<String> choices, List<String> aliases) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.help = Objects.requireNonNull(help, "help");
        this.lower = lower;
        this.upper = upper;
        this.lowerOpen = lowerOpen;
        this.upperOpen = upperOpen;
        this.choices = List.copyOf(choices);
        this.aliases = List.copyOf(aliases);
        if (name.isBlank() || !name.equals(name.trim()) || name.contains("=")) {
            throw new IllegalArgumentException("an option's name is a word without '=', got '" + name + "'");
        }
    }

    /**
     * A whole number of at least {@code minimum} (and at most {@code maximum}).
     *
     * @param defaultValue the default, or {@code null} when the method chooses (say so in {@code help})
     */
    public static MethodOption integer(String name, Integer defaultValue, long minimum, long maximum, String help) {
        return new MethodOption(name, Kind.INTEGER, Optional.ofNullable(defaultValue).map(String::valueOf), help,
                minimum, maximum, false, false, List.of(), List.of());
    }

    /** A whole number of at least {@code minimum}, with no upper bound. */
    public static MethodOption integer(String name, Integer defaultValue, long minimum, String help) {
        return integer(name, defaultValue, minimum, Integer.MAX_VALUE, help);
    }

    /**
     * A finite number between {@code lower} and {@code upper}, each end included or not.
     *
     * @param defaultValue the default, or {@code null} when the method chooses (say so in {@code help})
     * @param lowerOpen whether {@code lower} itself is excluded
     * @param upperOpen whether {@code upper} itself is excluded
     */
    public static MethodOption number(String name, Double defaultValue, double lower, boolean lowerOpen, double upper,
            boolean upperOpen, String help) {
        return new MethodOption(name, Kind.NUMBER, Optional.ofNullable(defaultValue).map(MethodOption::format), help,
                lower, upper, lowerOpen, upperOpen, List.of(), List.of());
    }

    /** A finite number greater than 0. */
    public static MethodOption positive(String name, Double defaultValue, String help) {
        return number(name, defaultValue, 0, true, Double.POSITIVE_INFINITY, true, help);
    }

    /** A yes/no option. */
    public static MethodOption bool(String name, boolean defaultValue, String help) {
        return new MethodOption(name, Kind.BOOLEAN, Optional.of(Boolean.toString(defaultValue)), help, 0, 0, false,
                false, List.of(), List.of());
    }

    /** One of a fixed set of words, in any case. */
    public static MethodOption choice(String name, String defaultValue, List<String> choices, String help) {
        return choice(name, defaultValue, choices, List.of(), help);
    }

    /**
     * One of a fixed set of words, in any case, or one of {@code aliases}: other spellings the method also
     * reads (say {@code dense} for {@code dense_e}), accepted but not listed in {@link #range()}.
     */
    public static MethodOption choice(String name, String defaultValue, List<String> choices, List<String> aliases,
            String help) {
        if (choices.isEmpty() || (defaultValue != null && !choices.contains(defaultValue))) {
            throw new IllegalArgumentException("option " + name + ": the default " + defaultValue + " is not one of "
                    + choices);
        }
        return new MethodOption(name, Kind.CHOICE, Optional.ofNullable(defaultValue), help, 0, 0, false, false, choices,
                aliases);
    }

    /**
     * Text the method parses itself.
     *
     * @param defaultValue the default, or {@code null} when there is none
     */
    public static MethodOption text(String name, String defaultValue, String help) {
        return new MethodOption(name, Kind.TEXT, Optional.ofNullable(defaultValue), help, 0, 0, false, false, List.of(),
                List.of());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The default as text; empty when the method chooses the value itself (or there is none). */
    public Optional<String> defaultValue() {
        return defaultValue;
    }

    /** One line saying what the option does. */
    public String help() {
        return help;
    }

    /** The words a {@link Kind#CHOICE} takes; empty for the other kinds. */
    public List<String> choices() {
        return choices;
    }

    /** Other spellings a {@link Kind#CHOICE} accepts besides {@link #choices()}; usually empty. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * The values allowed, in words: {@code (0, 1)}, {@code >= 1}, {@code diag_e|dense_e|unit_e},
     * {@code true|false}, or {@code text}.
     */
    public String range() {
        return switch (kind) {
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case TEXT -> "text";
            case INTEGER, NUMBER -> interval();
        };
    }

    private String interval() {
        boolean noUpper = upper == Double.POSITIVE_INFINITY || (kind == Kind.INTEGER && upper >= Integer.MAX_VALUE);
        if (noUpper) {
            return (lowerOpen ? "> " : ">= ") + format(lower);
        }
        return (lowerOpen ? "(" : "[") + format(lower) + ", " + format(upper) + (upperOpen ? ")" : "]");
    }

    /**
     * Checks a value given for this option.
     *
     * @param methodId the method, for the message
     * @throws IllegalArgumentException naming the method, the option, the value and what is allowed
     */
    public void check(String methodId, String value) {
        String v = value.trim();
        String problem = switch (kind) {
            case INTEGER -> checkInteger(v);
            case NUMBER -> checkNumber(v);
            case BOOLEAN -> List.of("true", "false", "1", "0", "yes", "no").contains(v.toLowerCase(Locale.ROOT)) ? null
                    : "must be true or false";
            case CHOICE -> java.util.stream.Stream.concat(choices.stream(), aliases.stream()).anyMatch(v::equalsIgnoreCase)
                    ? null : "must be one of " + range();
            case TEXT -> null;
        };
        if (problem != null) {
            throw new IllegalArgumentException("option " + name + "=" + abbreviate(value) + " of method " + methodId + " "
                    + problem);
        }
    }

    private String checkInteger(String v) {
        long parsed;
        try {
            parsed = Long.parseLong(v);
        } catch (NumberFormatException e) {
            return "must be a whole number " + range();
        }
        return parsed < lower || parsed > upper ? "must be " + range() : null;
    }

    private String checkNumber(String v) {
        double parsed;
        try {
            parsed = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return "must be a number " + (range().startsWith("(") || range().startsWith("[") ? "in " : "") + range();
        }
        boolean inside = Double.isFinite(parsed) && (lowerOpen ? parsed > lower : parsed >= lower)
                && (upperOpen ? parsed < upper : parsed <= upper);
        return inside ? null : "must be " + (range().startsWith("(") || range().startsWith("[") ? "in " : "") + range();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String toString() {
        return name + " (" + range() + defaultValue.map(d -> ", default " + d).orElse("") + "): " + help;
    }
}
