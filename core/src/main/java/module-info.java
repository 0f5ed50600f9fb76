/** Muster's core: the model graph, distributions, transforms, compiled log density, draws and the inference SPI. */
module org.muster.core {
    requires commons.math3;
    requires org.slf4j;

    exports org.muster.core.api;
    exports org.muster.core.api.distributions;
    exports org.muster.core.api.functions;
    exports org.muster.core.api.transforms;
    exports org.muster.core.api.conjugate;
    exports org.muster.core.spi;
}
