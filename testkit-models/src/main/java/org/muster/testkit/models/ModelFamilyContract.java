package org.muster.testkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;
import org.muster.models.spi.Pooling;
import org.muster.testkit.GradientAssertions;

/**
 * What every model family must do: describe itself, build on its data with each pooling it offers
 * (and refuse the others) with a gradient that matches finite differences, reject unknown options and
 * priors by name, fit with NUTS and give finite predictions and a shrinkage table for its units. The
 * built-in families run it ({@code BuiltInFamiliesContractTest} in this module's tests), and so can a
 * plugin's: it ships as {@code muster-testkit-models}, to add with test scope together with
 * {@code muster-samplers} (for NUTS); {@code examples/plugin-example} shows how.
 * A subclass names the families under test; {@link #data(ModelFamily)} gives each one's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelFamilyContract {

    /** The families under test. */
    protected abstract List<ModelFamily> familiesUnderTest();

    /** The families under test, named by id for the test report. */
    protected final Stream<Named<ModelFamily>> families() {
        return familiesUnderTest().stream().map(family -> Named.of(family.id(), family));
    }

    /**
     * The data a family is checked on: its default dataset; a mixture of two normals in a column
     * {@code y} for a family without one; nothing for one without columns. Override for a family that
     * needs other data.
     */
    protected Dataset data(ModelFamily family) {
        if (family.defaultDataset().isPresent()) {
            return DatasetReader.builtIn(family.defaultDataset().get());
        }
        if (family.dataColumns().isEmpty()) {
            return Dataset.empty("no data");
        }
        try {
            Path file = Files.createTempFile("mixture", ".csv");
            SplittableRandom random = new SplittableRandom(5);
            StringBuilder text = new StringBuilder("y\n");
            for (int i = 0; i < 60; i++) {
                text.append(random.nextBoolean() ? -2 + 0.5 * random.nextGaussian() : 3 + random.nextGaussian()).append('\n');
            }
            Files.writeString(file, text);
            Dataset data = DatasetReader.read(file);
            Files.delete(file);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    public void describesItselfAndBuildsOnItsDataWithEveryPooling(ModelFamily family) {
        assertFalse(family.description().isBlank());
        assertTrue(family.id().matches("[a-z][a-z0-9-]*"), family.id());
        for (DataColumn column : family.dataColumns()) {
            assertFalse(column.type().isBlank() || column.description().isBlank(), column.toString());
        }
        family.defaultDataset().ifPresent(name -> assertTrue(family.builtInData().containsKey(name), name));
        for (Map.Entry<String, ColumnMapping> builtIn : family.builtInData().entrySet()) {
            FamilyModel model = family.prepare(DatasetReader.builtIn(builtIn.getKey()), FamilyOptions.none());
            assertTrue(model.model().compile().dimension() > 0, builtIn.getKey());
        }
        for (Pooling pooling : family.poolings()) {
            FamilyModel model = family.prepare(data(family), FamilyOptions.builder().pooling(pooling).build());
            GradientAssertions.assertGradientMatchesFiniteDifferences(model.model().compile(),
                    family.id() + ", " + pooling);
        }
        for (Pooling pooling : Pooling.values()) {
            if (!family.poolings().contains(pooling)) {
                assertThrows(IllegalArgumentException.class,
                        () -> family.prepare(data(family), FamilyOptions.builder().pooling(pooling).build()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    public void rejectsUnknownOptionsAndPriorsByName(ModelFamily family) {
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> family.prepare(data(family), new FamilyOptions(Map.of("no_such_option", "1"))));
        assertTrue(option.getMessage().contains("no_such_option"), option.getMessage());
        IllegalArgumentException prior = assertThrows(IllegalArgumentException.class,
                () -> family.prepare(data(family), FamilyOptions.builder().prior("no_such_parameter=normal(0,1)").build()));
        assertTrue(prior.getMessage().contains("no_such_parameter"), prior.getMessage());
    }

    @ParameterizedTest
    @MethodSource("families")
    public void fitsAndPredicts(ModelFamily family) {
        FamilyModel model = family.prepare(data(family), FamilyOptions.none());
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Draws draws;
        try {
            draws = ((PosteriorDraws) nuts.create(MethodOptions.empty()).fit(model.model(),
                    RunConfig.builder().chains(2).warmup(150).draws(100).seed(3).executor(pool).build(),
                    FitListener.NONE)).draws();
        } finally {
            pool.shutdownNow();
        }
        Draws predicted = model.withPredictions(draws, 3);
        assertEquals(draws.iterations(), predicted.iterations());
        assertTrue(predicted.variables().containsAll(draws.variables()));
        model.newUnit().ifPresent(g -> assertTrue(predicted.variables().containsAll(g.names())));
        for (int v = 0; v < predicted.variables().size(); v++) {
            for (double value : predicted.pooled(v)) {
                assertTrue(Double.isFinite(value), predicted.variables().get(v));
            }
        }
        model.units().ifPresent(units -> assertEquals(units.count(), model.shrinkage(draws).orElseThrow().rows().size()));
    }
}
