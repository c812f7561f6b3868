package assay.common;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.nio.file.Path;
import java.util.List;

/**
 * Warms a JVM up while its sandbox waits for the submission (docs/sandbox.md, "Warm containers"): javac
 * over the image's warm-up sources (runners/java/warmup), and whatever else the run will need, so that the
 * run's own work finds the classes loaded and the hot code compiled. The stages run on a thread of their
 * own; once the submission is there, `finish` ends a warm-up compilation at javac's next phase, or waits
 * for any other stage under way, and skips the rest: a sandbox whose input came at once loses little.
 */
public final class Warmup {
    /** One step of the warm-up; a failure only costs time. */
    public interface Stage {
        void run() throws Exception;
    }

    private volatile boolean finishing;
    private Thread thread;

    /** Runs `stages` in order, on a thread of their own. */
    public void start(List<Stage> stages) {
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
        thread.start();
    }

    /** A stage that compiles `folders` of the warm-up sources into `classes`, against `classPath`. */
    public Stage compile(Path sources, List<String> folders, Path classes, List<Path> classPath) {
        TaskListener stopping = new TaskListener() {
            @Override
            public void started(TaskEvent event) {
                if (finishing) {
                    throw new Finished();
                }
            }
        };
        return () -> Compilation.run(sources, folders.stream().map(sources::resolve).toList(), classes, classPath,
                false, stopping);
    }

    /** Stops the warm-up (see above) and waits until it has. */
    public void finish() throws InterruptedException {
        finishing = true;
        thread.join();
    }

    /** Ends a warm-up compilation early. */
    private static final class Finished extends RuntimeException {
        Finished() {
            super(null, null, false, false);
        }
    }
}
