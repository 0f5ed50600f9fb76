package org.muster.em.internal.map;

/** Identifiers of the methods in this package. */
final class ProviderIds {

    static final String MAP = "map";

    private ProviderIds() {
    }
}
