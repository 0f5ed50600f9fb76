/** An example Muster plugin: the coin-flips model family and the independence sampler. */
module org.example.muster.coins {
    requires org.muster.core;
    requires org.muster.models;

    provides org.muster.core.spi.InferenceMethodProvider with org.example.muster.coins.IndependenceSamplerProvider;
    provides org.muster.models.spi.ModelFamily with org.example.muster.coins.CoinFlipsFamily;
}
