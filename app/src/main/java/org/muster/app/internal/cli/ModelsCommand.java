package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import org.muster.app.internal.ProviderRegistry;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.ModelFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the model families with their data columns and default priors. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the model families.")
final class ModelsCommand implements Runnable {

    private final ProviderRegistry<ModelFamily> families;

    @Spec
    private CommandSpec spec;

    @Inject
    ModelsCommand(ProviderRegistry<ModelFamily> families) {
        this.families = families;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelFamily family : families.all()) {
            out.println(family.id() + " - " + family.description());
            family.defaultDataset().ifPresent(d -> out.println("  built-in data: " + d));
            for (DataColumn column : family.dataColumns()) {
                out.println("  column " + column.name() + " (" + column.type() + "): " + column.description());
            }
            family.defaultPriors().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> out.println("  prior " + e.getKey() + " ~ " + e.getValue()));
        }
    }
}
