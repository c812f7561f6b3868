package assay.common;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
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
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac, in this JVM, over every .java file under some directories at once, into one class directory.
 * Also records which source each class came from: a stack frame's class tells which file of /work it is in.
 * The solution's JVM compiles /work/solution alone; the tests' JVM compiles /work/tests with the stand-ins
 * for the solution's classes, so neither's errors can quote the other's source.
 */
public final class Compilation {
    private static final List<String> OPTIONS = List.of(
            "-encoding", "UTF-8", "-g", "-proc:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "30");

    /** Binary class name to its source, relative to `root` (`solution/Foo.java`), for sources under `root`. */
    public final Map<String, String> sources = new HashMap<>();
    /** Every class compiled from a source under `root`, top-level or not. */
    public final List<String> classes = new ArrayList<>();
    /** javac's report when compilation failed, else null. */
    public String diagnostics;

    /**
     * Compiles every .java file under `dirs`. With `quoteSource`, the report is javac's own (file, line, the
     * line itself); without, it is only each error's message, for sources the reader must not see.
     */
    public static Compilation run(Path root, List<Path> dirs, Path classes, List<Path> classPath, boolean quoteSource)
            throws IOException {
        return run(root, dirs, classes, classPath, quoteSource, null);
    }

    /** The same, telling `listener` (if any) of each phase javac starts: an exception it throws ends the compilation. */
    static Compilation run(Path root, List<Path> dirs, Path classes, List<Path> classPath, boolean quoteSource,
            TaskListener listener) throws IOException {
        Compilation compilation = new Compilation();
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            files.addAll(javaFiles(dir));
        }
        if (files.isEmpty()) {
            return compilation;
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter report = new StringWriter();
        DiagnosticListener<JavaFileObject> messagesOnly = quoteSource ? null : diagnostic -> {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                report.append("error: ").append(diagnostic.getMessage(Locale.ROOT)).append('\n');
            }
        };
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            JavaFileManager tracking = compilation.new Tracking(standard, root);
            JavacTask task = (JavacTask) javac.getTask(report, tracking, messagesOnly, OPTIONS, null,
                    standard.getJavaFileObjectsFromPaths(files));
            if (listener != null) {
                task.addTaskListener(listener);
            }
            boolean ok = task.call();
            if (!ok) {
                compilation.diagnostics = report.toString().replaceAll("(?m)^" + root + "/", "").strip();
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
        private final Path root;

        Tracking(JavaFileManager manager, Path root) {
            super(manager);
            this.root = root;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (kind == JavaFileObject.Kind.CLASS && sibling != null) {
                Path source = Path.of(sibling.toUri());
                if (source.startsWith(root)) {
                    sources.put(className, root.relativize(source).toString());
                    classes.add(className);
                }
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
    }
}
