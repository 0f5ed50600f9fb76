package org.muster.app.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.models.api.ColumnMapping;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;
import picocli.CommandLine.Option;

/** The options that shape a model family: {@code --param}, {@code --map}, {@code --prior}, {@code --pooling}. */
final class FamilyOptionsMixin {

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Model family option (repeatable), e.g. components=3.")
    private Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--map", paramLabel = "NAME=COLUMN[,...]",
            description = "Which file column holds each of the family's data names (repeatable), e.g. y=tumors,n=rats;"
                    + " skip=COLUMN leaves a column out.")
    private List<String> maps = new ArrayList<>();

    @Option(names = "--prior", paramLabel = "PARAMETER=DISTRIBUTION(ARGS)",
            description = "A prior for a parameter (repeatable), with Stan's distribution names, e.g."
                    + " 'tau=half_cauchy(0,5)'; a normal on a positive parameter is truncated at 0.")
    private List<String> priors = new ArrayList<>();

    @Option(names = "--pooling", paramLabel = "KIND",
            description = "partial (default: units drawn from a population), none (independent units) or complete"
                    + " (one shared parameter).")
    private String pooling;

    @Option(names = "--formula", paramLabel = "FORMULA",
            description = "Model glmm: the model as lme4/brms write it, e.g. \"log_radon ~ floor + (1 + floor | county)\";"
                    + " terms x, a:b, a*b, 0 + or - 1 (no intercept), (x | g), (x || g), (1 | a/b), offset(col),"
                    + " offset(log(col)).")
    private String formula;

    @Option(names = "--family", paramLabel = "NAME",
            description = "Model glmm: gaussian, binomial, bernoulli, poisson or negbinomial (canonical links).")
    private String outcomeFamily;

    @Option(names = "--offset", paramLabel = "COLUMN",
            description = "Model glmm: a column added to the linear predictor (log exposure for poisson); adds to"
                    + " any offset(...) in the formula.")
    private String offset;

    @Option(names = "--show-priors", description = "Print the model's priors (defaults and --prior) and exit without fitting.")
    private boolean showPriors;

    /** Whether to print the priors and stop. */
    boolean showPriors() {
        return showPriors;
    }

    /** The options as the family takes them. @throws IllegalArgumentException for a malformed value */
    FamilyOptions toFamilyOptions() {
        FamilyOptions.Builder builder = FamilyOptions.builder().options(values);
        putIfGiven(builder, "formula", formula);
        putIfGiven(builder, "family", outcomeFamily);
        putIfGiven(builder, "offset", offset);
        if (!maps.isEmpty()) {
            builder.columns(ColumnMapping.parseAll(maps));
        }
        for (String prior : priors) {
            builder.prior(prior);
        }
        if (pooling != null) {
            builder.pooling(Pooling.parse(pooling));
        }
        return builder.build();
    }

    /** The options as text into a spec of many fits ({@code muster batch}, {@code muster sbc}). */
    void addTo(org.muster.app.api.FitSpec.Builder builder) {
        values.forEach(builder::familyOption);
        String[][] named = {{"formula", formula}, {"family", outcomeFamily}, {"offset", offset}};
        for (String[] option : named) {
            if (option[1] != null) {
                if (values.containsKey(option[0])) {
                    throw new IllegalArgumentException("give --" + option[0] + " or --param " + option[0] + "=..., not both");
                }
                builder.familyOption(option[0], option[1]);
            }
        }
        maps.forEach(builder::map);
        priors.forEach(builder::prior);
        if (pooling != null) {
            builder.pooling(pooling);
        }
    }

    private void putIfGiven(FamilyOptions.Builder builder, String key, String value) {
        if (value != null) {
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("give --" + key + " or --param " + key + "=..., not both");
            }
            builder.option(key, value);
        }
    }
}
