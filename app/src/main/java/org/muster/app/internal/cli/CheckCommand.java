package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.muster.app.api.FitPipeline;
import org.muster.app.api.FitRequest;
import org.muster.app.api.PreparedFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muster check FILE.bug --data ...}: parses and compiles a model file with its data (and initial
 * values), prints the graph it became and the update each node gets; fits nothing and writes nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Parse and compile a model file (BUGS/JAGS) with its data; print its graph and the update each node",
            "gets from the method (the default, or --method); fit nothing, write nothing."})
final class CheckCommand implements Callable<Integer> {

    private final FitPipeline pipeline;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file: .bug, .jags, or .txt with a model block.")
    private String file;

    @Option(names = "--data", paramLabel = "PATH", description = "Data: R dump, JSON or CSV; repeatable, later files add variables.")
    private List<String> data = new ArrayList<>();

    @Option(names = "--init", paramLabel = "FILE", description = "Initial values, like the data; repeatable, one per chain.")
    private List<Path> init = new ArrayList<>();

    @Option(names = "--monitor", paramLabel = "NODE", split = ",", description = "The nodes a fit would summarize and write.")
    private List<String> monitors = new ArrayList<>();

    @Option(names = "--method", paramLabel = "ID", description = "The method whose updates to print (default: the one a fit would use).")
    private String method;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "4", description = "Chains, for one --init file per chain. Default: ${DEFAULT-VALUE}.")
    private int chains;

    @Inject
    CheckCommand(FitPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelFileRun run = ModelFileRun.of(file, data, init, monitors, chains, 1).orElseThrow(
                () -> new IllegalArgumentException(file + " is not a model file; check reads .bug, .jags and .txt files with"
                        + " a model block (families need no check: muster models lists them)"));
        run.loaded().notes().forEach(note -> err.println("muster: note: " + note));
        String chosen = method != null ? method : run.loaded().defaultMethod();
        FitRequest request = FitRequest.builder(file).method(chosen).chains(chains).build();
        PreparedFit prepared = pipeline.prepare(request, run.model());
        out.println(file + " on " + run.dataSource() + ": " + run.loaded().graph().size() + " graph nodes, "
                + prepared.model().model().model().compile().dimension() + " unconstrained coordinates");
        out.println("Graph:");
        run.loaded().graph().forEach(line -> out.println("  " + line));
        List<String> updates = run.loaded().explainInFileTerms(pipeline.explain(prepared));
        out.println(updates.isEmpty() ? chosen + " (" + (method == null ? "default" : "chosen")
                + ") updates all parameters together" : "Updates (" + chosen + (method == null ? ", the default" : "") + "):");
        updates.forEach(line -> out.println("  " + line));
        out.println("Monitors: " + String.join(", ", run.loaded().monitors()));
        return 0;
    }

}
