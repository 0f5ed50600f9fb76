package org.muster.testkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.models.spi.ModelFamily;

/** The family contract over every model family {@link ServiceLoader} finds, the built-in ones. */
class BuiltInFamiliesContractTest extends ModelFamilyContract {

    @Override
    protected List<ModelFamily> familiesUnderTest() {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void everyFamilyOfTheIssueIsFoundOnceByItsId() {
        List<String> ids = familiesUnderTest().stream().map(ModelFamily::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        assertTrue(ids.containsAll(List.of("beta-binomial", "logit-normal", "gamma-poisson", "normal-hierarchical",
                "eight-schools", "gaussian-mixture", "neal-funnel", "glmm")), ids.toString());
    }
}
