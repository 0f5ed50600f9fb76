package org.muster.models.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Extra variables computed for each draw of a model's parameters, as in Stan's generated quantities
 * block: e.g. the parameter and the data of a new unit drawn from the population.
 */
public interface GeneratedQuantities {

    /** Names of the variables generated, one per scalar. */
    List<String> names();

    /**
     * Generates the variables for one draw.
     *
     * @param draw the draw's values by variable name ({@code alpha}, {@code theta[3]})
     * @param random the only source of randomness
     * @param out modified: receives one value per name, in the order of {@link #names()}
     */
    void generate(DrawValues draw, RandomGenerator random, double[] out);

    /** The values of one draw, by scalar variable name. */
    @FunctionalInterface
    interface DrawValues {
        /** @throws IllegalArgumentException for a name the draw does not have */
        double get(String variable);
    }
}
