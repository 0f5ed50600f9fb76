/** Markov chain Monte Carlo samplers and variational inference, provided as inference methods. */
module org.muster.samplers {
    requires org.muster.core;

    provides org.muster.core.spi.InferenceMethodProvider with
            org.muster.samplers.internal.mh.MetropolisProvider,
            org.muster.samplers.internal.gibbs.GibbsProvider,
            org.muster.samplers.internal.hmc.NutsProvider,
            org.muster.samplers.internal.hmc.StaticHmcProvider,
            org.muster.samplers.internal.collapsed.CollapsedProvider,
            org.muster.samplers.internal.advi.MeanFieldAdviProvider,
            org.muster.samplers.internal.advi.FullRankAdviProvider;
}
