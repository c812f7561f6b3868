package assay.runner;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac, in this JVM, over every .java file under /work/solution and /work/tests at once, into one class
 * directory. Also records which source each class came from: the classes of /work/tests are the ones
 * searched for tests, and a stack frame's class tells which file of /work it is in.
 */
final class Compilation {
    private static final List<String> OPTIONS = List.of(
            "-encoding", "UTF-8", "-g", "-proc:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "30");

    /** Binary class name to its source, relative to /work (`solution/Foo.java`). */
    final Map<String, String> sources = new HashMap<>();
    /** Top-level classes compiled from /work/tests. */
    final List<String> testClasses = new ArrayList<>();
    /** javac's report when compilation failed, else null. */
    String diagnostics;

    static Compilation run(Path work, Path classes, Path testApi) throws IOException {
        Compilation compilation = new Compilation();
        List<Path> files = new ArrayList<>();
        files.addAll(javaFiles(work.resolve("solution")));
        files.addAll(javaFiles(work.resolve("tests")));
        if (files.isEmpty()) {
            return compilation;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter report = new StringWriter();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            // The tests see JUnit, never the launcher.
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(testApi));
            JavaFileManager tracking = compilation.new Tracking(standard, work);
            boolean ok = javac.getTask(report, tracking, null, OPTIONS, null, standard.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                compilation.diagnostics = report.toString().replaceAll("(?m)^" + work + "/", "").strip();
            }
        }
        return compilation;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Notes, for each class file javac writes, the source it was compiled from. */
    private final class Tracking extends ForwardingJavaFileManager<JavaFileManager> {
        private final Path work;

        Tracking(JavaFileManager manager, Path work) {
            super(manager);
            this.work = work;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (kind == JavaFileObject.Kind.CLASS && sibling != null) {
                String source = work.relativize(Path.of(sibling.toUri())).toString();
                sources.put(className, source);
                if (source.startsWith("tests/") && !className.contains("$")) {
                    testClasses.add(className);
                }
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
    }
}
