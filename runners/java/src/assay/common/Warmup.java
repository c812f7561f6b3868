package assay.common;

import java.nio.file.Path;
import java.util.List;

/**
 * Warms a JVM up while its sandbox waits for the submission (docs/sandbox.md, "Warm containers"): javac
 * over the image's warm-up sources (runners/java/warmup), and whatever else the run will need, so that the
 * run's own work finds the classes loaded and the hot code compiled. The stages run on a thread of their
 * own; once the submission is there, `finish` lets the stage under way end and skips the rest, so a
 * sandbox whose input came at once (a cold `docker run`) loses at most one stage.
 */
public final class Warmup {
    /** One step of the warm-up; a failure only costs time. */
    public interface Stage {
        void run() throws Exception;
    }

    private final Thread thread;
    private volatile boolean finishing;

    private Warmup(List<Stage> stages) {
        thread = new Thread(() -> {
            for (Stage stage : stages) {
                if (finishing) {
                    return;
                }
                try {
                    stage.run();
                } catch (Exception | LinkageError ignored) {
                    // Only time is lost.
                }
            }
        }, "assay-warmup");
        thread.setDaemon(true);
    }

    public static Warmup start(List<Stage> stages) {
        Warmup warmup = new Warmup(stages);
        warmup.thread.start();
        return warmup;
    }

    /** A stage that compiles `folders` of the warm-up sources into `classes`, against `classPath`. */
    public static Stage compile(Path sources, List<String> folders, Path classes, List<Path> classPath) {
        return () -> Compilation.run(sources, folders.stream().map(sources::resolve).toList(), classes, classPath, false);
    }

    /** Waits for the stage under way, skipping those after it. */
    public void finish() throws InterruptedException {
        finishing = true;
        thread.join();
    }
}
