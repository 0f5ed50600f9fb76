package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muster.app.internal.ProviderRegistry;
import org.muster.models.api.ColumnMapping;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.ModelFamily;
import org.muster.models.spi.Pooling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the model families with their data, default priors, options and poolings. */
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
        boolean first = true;
        for (ModelFamily family : families.all()) {
            if (!first) {
                out.println();
            }
            first = false;
            print(out, family);
        }
    }

    private static void print(PrintWriter out, ModelFamily family) {
        out.println(family.id() + " - " + family.description());
        Map<String, ColumnMapping> builtIns = family.builtInData();
        if (!builtIns.isEmpty()) {
            List<String> names = new ArrayList<>();
            family.defaultDataset().ifPresent(names::add);
            builtIns.keySet().stream().sorted().filter(name -> !names.contains(name)).forEach(names::add);
            List<String> described = new ArrayList<>();
            for (String name : names) {
                String mapping = builtIns.getOrDefault(name, ColumnMapping.none()).toString();
                boolean isDefault = family.defaultDataset().map(name::equals).orElse(false);
                String note = (isDefault ? "default" : "") + (isDefault && !mapping.isEmpty() ? ": " : "") + mapping;
                described.add(name + (note.isEmpty() ? "" : " (" + note + ")"));
            }
            out.println("  built-in data: " + String.join(", ", described));
        }
        if (family.dataColumns().isEmpty()) {
            out.println("  data: none");
        }
        for (DataColumn column : family.dataColumns()) {
            out.println("  column " + column.name() + " (" + column.type() + (column.optional() ? ", optional" : "")
                    + "): " + column.description());
        }
        family.defaultPriors().forEach((parameter, prior) -> out.println("  prior " + parameter + " ~ " + prior));
        family.options().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.println("  option " + e.getKey() + ": " + e.getValue()));
        List<String> poolings = new ArrayList<>();
        for (Pooling pooling : Pooling.values()) {
            if (family.poolings().contains(pooling)) {
                poolings.add(pooling.id() + (pooling == Pooling.PARTIAL ? " (default)" : ""));
            }
        }
        if (poolings.size() > 1) {
            out.println("  pooling: " + String.join(", ", poolings));
        }
    }
}
