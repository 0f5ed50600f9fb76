package org.example.muster.coins;

import java.util.List;
import org.muster.models.spi.ModelFamily;
import org.muster.testkit.models.ModelFamilyContract;

/** Muster's contract for model families, run on this plugin's family. */
class CoinFlipsFamilyContractTest extends ModelFamilyContract {

    @Override
    protected List<ModelFamily> familiesUnderTest() {
        return List.of(new CoinFlipsFamily());
    }
}
