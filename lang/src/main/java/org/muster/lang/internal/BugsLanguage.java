package org.muster.lang.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.lang.internal.bugs.Ast;
import org.muster.lang.internal.bugs.Parser;
import org.muster.lang.internal.compiler.BugsCompiler;
import org.muster.lang.internal.compiler.CompiledBugs;
import org.muster.lang.internal.data.DataFiles;
import org.muster.lang.internal.data.DataTable;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelFileException;
import org.muster.lang.spi.ModelLanguage;
import org.muster.lang.spi.ModelRequest;
import org.muster.models.spi.FamilyModel;

/**
 * The BUGS language as JAGS 4 reads it: {@code .bug}, {@code .jags} and {@code .bugs} files, and
 * {@code .txt} files with a {@code model {} block; data and initial values in R dump format, Stan
 * JSON or CSV.
 */
public final class BugsLanguage implements ModelLanguage {

    private static final Pattern MODEL_BLOCK = Pattern.compile("(^|[\\s;}])model\\s*\\{");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    @Override
    public String id() {
        return "bugs";
    }

    @Override
    public String description() {
        return "BUGS/JAGS model files (JAGS 4 dialect), data and initial values in R dump, JSON or CSV";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".bug", ".jags", ".bugs", ".txt");
    }

    @Override
    public boolean accepts(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bug") || name.endsWith(".jags") || name.endsWith(".bugs")) {
            return true;
        }
        if (!name.endsWith(".txt") || !Files.isRegularFile(path)) {
            return false;
        }
        char[] head = new char[65_536];
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int n = reader.read(head);
            return n > 0 && MODEL_BLOCK.matcher(new String(head, 0, n)).find();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public LoadedModel load(ModelRequest request) {
        SourceText source = SourceText.read(request.modelFile(), "model file");
        Ast.Program program = Parser.parse(source);
        DataTable data = DataFiles.readAll(request.dataFiles(), "data file");
        CompiledBugs compiled = BugsCompiler.compile(program, data);
        try {
            compiled.model().compile();
        } catch (IllegalArgumentException e) {
            throw located(compiled, source, e);
        }
        List<String> notes = new ArrayList<>(compiled.notes());
        List<Map<String, double[]>> inits = new ArrayList<>();
        for (int i = 0; i < request.initialValueFiles().size(); i++) {
            DataTable table = DataFiles.read(request.initialValueFiles().get(i), "initial values file");
            inits.add(compiled.initialValues(table, request.seed() * 1_000_003L + i, notes));
        }
        List<String> monitors = request.monitors().isEmpty() ? compiled.defaultMonitors() : request.monitors();
        List<String> columns = compiled.monitorColumns(monitors);
        return new LoadedModel(FamilyModel.of(compiled.model()), columns, inits, notes,
                compiled.hasDiscreteParameters() ? "gibbs" : "nuts", compiled.describeGraph(), compiled.elementsByNodeName());
    }

    /** An error of the graph's compiler, placed at the relation of the node it names. */
    private static ModelFileException located(CompiledBugs compiled, SourceText source, IllegalArgumentException e) {
        Matcher m = QUOTED.matcher(e.getMessage());
        while (m.find()) {
            var position = compiled.positionOf(m.group(1));
            if (position.isPresent()) {
                return source.error(position.get(), e.getMessage());
            }
        }
        return SourceText.wholeFile(source.name(), e.getMessage());
    }
}
