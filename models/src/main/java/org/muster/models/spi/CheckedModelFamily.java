package org.muster.models.spi;

import org.muster.core.api.Model;
import org.muster.models.api.Dataset;

/**
 * A model family whose options are checked before it builds: {@link #prepare} refuses an option the
 * family does not declare in {@link #options()} and a pooling it does not offer in {@link #poolings()},
 * naming them, then calls {@link #create}; {@link #build} is the model of {@link #prepare}. The built-in
 * families extend it; a plugin family may too, to have the framework's checks on every path (the
 * application checks them anyway before it builds a family's model).
 */
public abstract class CheckedModelFamily implements ModelFamily {

    /**
     * Builds the model with its units and new-unit predictions, once the options are known to suit the
     * family.
     *
     * @throws IllegalArgumentException for data that do not fit the model (naming the column and row) or a
     *     bad option value
     */
    protected abstract FamilyModel create(Dataset data, FamilyOptions options);

    @Override
    public final FamilyModel prepare(Dataset data, FamilyOptions options) {
        options.requireSuitedTo(this);
        return create(data, options);
    }

    @Override
    public final Model build(Dataset data, FamilyOptions options) {
        return prepare(data, options).model();
    }
}
