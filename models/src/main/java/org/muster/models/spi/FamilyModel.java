package org.muster.models.spi;

import java.util.List;
import java.util.Optional;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.models.api.GeneratedQuantities;
import org.muster.models.api.Predictive;
import org.muster.models.api.ShrinkageTable;
import org.muster.models.api.UnitEstimates;

/**
 * A model a family built from data, with what the family knows about it beyond the graph: its
 * units (for the shrinkage table) and how to draw a new unit from the population (for predictions).
 * Immutable.
 */
public final class FamilyModel {

    private final Model model;
    private final Model rowModel;
    private final UnitEstimates units;
    private final GeneratedQuantities newUnit;
    private final List<PriorRow> priors;

    private FamilyModel(Model model, Model rowModel, UnitEstimates units, GeneratedQuantities newUnit,
            List<PriorRow> priors) {
        this.model = model;
        this.rowModel = rowModel;
        this.units = units;
        this.newUnit = newUnit;
        this.priors = List.copyOf(priors);
    }

    private FamilyModel(Model model, UnitEstimates units, GeneratedQuantities newUnit) {
        this(model, model, units, newUnit, List.of());
    }

    /**
     * One prior of the model as built, for a table like brms's {@code prior_summary}.
     *
     * @param parameter the name a {@code --prior} would give it, e.g. {@code sd_county__Intercept}
     * @param prior the distribution as text, e.g. {@code student_t(3, 0, 2.5)}
     * @param source {@code default} or {@code user}
     */
    public record PriorRow(String parameter, String prior, String source) {
    }

    /** This model with the table of its priors (which {@code muster fit --show-priors} prints). */
    public FamilyModel withPriors(List<PriorRow> rows) {
        return new FamilyModel(model, rowModel, units, newUnit, rows);
    }

    /**
     * This model, built on the data reduced to sufficient statistics per unit (the sums of a beta-binomial
     * unit's successes and trials, say), with the model of the data's rows as they were given, which
     * predictions and prior simulation use ({@code y_rep} per row). The two must have the same parameters
     * and the same posterior: their log densities may differ only by a constant.
     *
     * @param rows the model of the rows
     */
    public FamilyModel withRowModel(Model rows) {
        return new FamilyModel(model, rows, units, newUnit, priors);
    }

    /** The model of the data's rows as given: {@link #model()} itself unless the family reduced the rows. */
    public Model rowModel() {
        return rowModel;
    }

    /** The priors the family reports for this model as built; empty if it reports none. */
    public List<PriorRow> priors() {
        return priors;
    }

    /** A model with no units and no new-unit predictions. */
    public static FamilyModel of(Model model) {
        return new FamilyModel(model, null, null);
    }

    /**
     * A model with its units and, if the model has a population, a new unit's generator.
     *
     * @param units the units, or {@code null}
     * @param newUnit generates a new unit's parameter and data per draw, or {@code null}
     */
    public static FamilyModel of(Model model, UnitEstimates units, GeneratedQuantities newUnit) {
        return new FamilyModel(model, units, newUnit);
    }

    public Model model() {
        return model;
    }

    /** The units whose estimates shrink, if the model has units. */
    public Optional<UnitEstimates> units() {
        return Optional.ofNullable(units);
    }

    /** The generator of a new unit's variables ({@code theta_new}, {@code y_new}), if the model has a population. */
    public Optional<GeneratedQuantities> newUnit() {
        return Optional.ofNullable(newUnit);
    }

    /** Posterior draws with {@code y_rep} for every observation (row) and a new unit's variables appended. */
    public Draws withPredictions(Draws posterior, long seed) {
        return Predictive.posterior(rowModel, posterior, newUnit(), seed);
    }

    /** Draws from the prior predictive: parameters, data ({@code y_rep} per row) and a new unit. */
    public Draws simulate(int draws, long seed) {
        return Predictive.prior(rowModel, newUnit(), draws, seed);
    }

    /** The shrinkage table of the units from posterior draws, if the model has units. */
    public Optional<ShrinkageTable> shrinkage(Draws posterior) {
        return units().map(u -> ShrinkageTable.compute(u, posterior));
    }
}
