package org.muster.app.internal.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds plugin jars for tests: compiles sources against the test class path and declares their services. */
public final class PluginFixtures {

    /** A provider class of inference method {@code id} in package {@code pkg}, whose constructor runs {@code body}. */
    public static String method(String pkg, String id, String body) {
        return "package " + pkg + ";\n"
                + "public final class Method implements org.muster.core.spi.InferenceMethodProvider {\n"
                + "  public Method() { " + body + " }\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String description() { return \"test plugin method " + id + "\"; }\n"
                + "  public org.muster.core.spi.InferenceMethod create(org.muster.core.spi.MethodOptions options) {\n"
                + "    throw new IllegalArgumentException(\"test plugin method " + id + " does not fit\");\n"
                + "  }\n"
                + "}\n";
    }

    /** A model family {@code id} in package {@code pkg}: mu ~ normal(0, 1), no data. */
    public static String family(String pkg, String id) {
        return "package " + pkg + ";\n"
                + "import org.muster.core.api.Distributions;\n"
                + "public final class Family implements org.muster.models.spi.ModelFamily {\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String description() { return \"test plugin family " + id + "\"; }\n"
                + "  public java.util.List<org.muster.models.spi.DataColumn> dataColumns() { return java.util.List.of(); }\n"
                + "  public java.util.Map<String, String> defaultPriors() { return java.util.Map.of(\"mu\", \"normal(0, 1)\"); }\n"
                + "  public org.muster.core.api.Model build(org.muster.models.api.Dataset data,\n"
                + "      org.muster.models.spi.FamilyOptions options) {\n"
                + "    var model = org.muster.core.api.Model.builder();\n"
                + "    model.stochastic(\"mu\", Distributions.normal(0, 1));\n"
                + "    return model.build();\n"
                + "  }\n"
                + "}\n";
    }

    private PluginFixtures() {
    }

    /**
     * Compiles {@code sources} (by class name) into a jar declaring {@code services} (service interface →
     * implementations) in {@code META-INF/services}, leaving the classes {@code leftOut} out of the jar.
     *
     * @return the jar
     */
    public static Path jar(Path jar, Map<String, String> sources, Map<String, List<String>> services, Set<String> leftOut) {
        try {
            Path classes = Files.createTempDirectory(jar.getParent(), "classes");
            compile(sources, classes);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(file).toString().replace('\\', '/');
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    if (!leftOut.contains(className)) {
                        put(out, name, Files.readAllBytes(file));
                    }
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    put(out, "META-INF/services/" + service.getKey(),
                            (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar with one inference method provider. */
    public static Path methodJar(Path jar, String pkg, String id, String constructorBody) {
        return jar(jar, Map.of(pkg + ".Method", method(pkg, id, constructorBody)),
                Map.of("org.muster.core.spi.InferenceMethodProvider", List.of(pkg + ".Method")), Set.of());
    }

    /** A file named like a jar that is not a zip file. */
    public static Path brokenJar(Path jar) {
        try {
            return Files.writeString(jar, "this is not a zip file\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static void compile(Map<String, String> sources, Path classes) throws IOException {
        // javac through java.util.spi.ToolProvider: the tests compile as part of module org.muster.app,
        // which does not read java.compiler.
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("the tests need a JDK (no javac)"));
        Path sourceRoot = Files.createTempDirectory(classes.getParent(), "sources");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "17", "-proc:none", "-nowarn"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        java.io.StringWriter messages = new java.io.StringWriter();
        java.io.PrintWriter writer = new java.io.PrintWriter(messages);
        if (javac.run(writer, writer, arguments.toArray(new String[0])) != 0) {
            throw new IllegalStateException("fixture does not compile: " + messages);
        }
    }
}
