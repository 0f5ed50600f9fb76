package org.muster.models.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.core.api.Distribution;
import org.muster.core.api.distributions.Support;

/**
 * A prior for one parameter as the user wrote it ({@code tau=half_cauchy(0,5)}), with the
 * distribution named as Stan names it. {@link #distribution(Bounds)} turns it into a distribution,
 * truncated to the parameter's bounds.
 *
 * @param parameter the parameter's name, e.g. {@code tau}
 * @param distribution Stan's name of the distribution, e.g. {@code half_cauchy}
 * @param arguments its arguments
 * @param text the prior as written, for messages
 */
public record Prior(String parameter, String distribution, List<Double> arguments, String text) {

    private static final Pattern PRIOR = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_.:]*)\\s*[=~]\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public Prior {
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses {@code PARAMETER=DISTRIBUTION(ARGUMENTS)}, e.g. {@code mu=normal(100, 100)}.
     *
     * @throws IllegalArgumentException if the text does not have that form or an argument is not a number
     */
    public static Prior parse(String text) {
        Matcher m = PRIOR.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("prior '" + text + "': expected PARAMETER=DISTRIBUTION(ARGUMENTS), e.g."
                    + " tau=half_cauchy(0,5) or mu=normal(0,10)");
        }
        List<Double> arguments = new ArrayList<>();
        String list = m.group(3).trim();
        if (!list.isEmpty()) {
            for (String argument : list.split(",", -1)) {
                String number = argument.trim();
                if (!NUMBER.matcher(number).matches()) {
                    throw new IllegalArgumentException("prior '" + text + "': argument '" + number
                            + "' is not a number");
                }
                arguments.add(Double.parseDouble(number));
            }
        }
        return new Prior(m.group(1), m.group(2), arguments, text.trim());
    }

    /**
     * The distribution for a parameter with these bounds: the prior itself if its support lies inside
     * them, else the prior truncated to them and renormalized (a normal on {@code tau > 0} is a half-normal).
     *
     * @throws IllegalArgumentException for an unknown distribution, a wrong number of arguments, an
     *     invalid argument (a scale that is not positive), or no probability inside the bounds
     */
    public Distribution distribution(Bounds bounds) {
        double[] values = arguments.stream().mapToDouble(Double::doubleValue).toArray();
        return PriorCatalog.create(parameter, text, distribution, values, bounds.lower(), bounds.upper());
    }

    /**
     * A flat (improper, constant) prior on the given support, for a family whose default prior on a
     * parameter is flat.
     */
    public static Distribution flat(Support support) {
        return PriorCatalog.flat(support);
    }

    /** The improper prior {@code x^power} on x &gt; 0, e.g. power -3/2 for a concentration. */
    public static Distribution powerLaw(double power, String description) {
        return PriorCatalog.powerLaw(power, description);
    }

    /** The distribution names a prior can use. */
    public static List<String> distributionNames() {
        return PriorCatalog.names();
    }

    @Override
    public String toString() {
        return text;
    }
}
