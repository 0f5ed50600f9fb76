package org.muster.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.plugins.PluginFixtures;
import org.muster.app.internal.plugins.PluginLoader;
import org.muster.app.internal.plugins.Plugins;
import org.muster.core.spi.InferenceMethodProvider;

class ProviderRegistryTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationsProviderWinsOverAPluginsWhicheverComesFirst() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginFixtures.methodJar(directory.resolve("impostor.jar"), "p.impostor", "mh", "");
        Plugins plugins = PluginLoader.load(directory);
        InferenceMethodProvider impostor = plugins.methods().get(0);
        InferenceMethodProvider builtIn = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("mh")).findFirst().orElseThrow();

        for (List<InferenceMethodProvider> order : List.of(List.of(impostor, builtIn), List.of(builtIn, impostor))) {
            ProviderRegistry<InferenceMethodProvider> registry =
                    new ProviderRegistry<>("inference method", order, InferenceMethodProvider::id, plugins);
            assertSame(builtIn, registry.require("mh"));
            assertEquals(1, registry.all().size());
            assertEquals(List.of("two inference methods claim the id 'mh': " + builtIn.getClass().getName() + " ("
                    + plugins.origin(builtIn) + ") and p.impostor.Method (" + jar + "); using the first, ignoring " + jar),
                    registry.conflicts());
        }
    }

    @Test
    void withoutClashesThereAreNoConflictsAndUnknownIdsNameTheKnownOnes() {
        List<InferenceMethodProvider> builtIns = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        ProviderRegistry<InferenceMethodProvider> registry =
                new ProviderRegistry<>("inference method", builtIns, InferenceMethodProvider::id, Plugins.none());
        assertEquals(List.of(), registry.conflicts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.require("nope"));
        assertTrue(e.getMessage().startsWith("unknown inference method 'nope'; available: [") && e.getMessage().contains("nuts"),
                e.getMessage());
    }
}
