package assay.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's main class, started by the harness (runners/java/run) without the nonce in its environment:
 * compiles /work, runs the JUnit 5 tests of /work/tests, and reports on the pipe the harness gave it.
 *
 * <p>Arguments: the directory to compile into, the pipe's file descriptor, the JUnit jar the tests compile against.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        Events events = Events.open(Integer.parseInt(args[1]));
        try {
            run(classes, events, Path.of(args[2]));
        } catch (Throwable crash) {
            events.error("the test run crashed: " + crash);
        }
        // Threads the candidate's code left running must not keep the JVM, nor shutdown hooks delay it.
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void run(Path classes, Events events, Path testApi) throws Exception {
        Compilation compilation = Compilation.run(Path.of("/work"), classes, testApi);
        if (compilation.diagnostics != null) {
            events.compileError(compilation.diagnostics);
            return;
        }
        if (compilation.testClasses.isEmpty()) {
            events.error("no tests were found: /work/tests holds no Java class");
            return;
        }
        // The candidate's and the tests' classes get a loader of their own, so that the launcher's class path
        // (and with it the CDS archive) is the same in every run.
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Launcher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : compilation.testClasses) {
            selectors.add(selectClass(Class.forName(name, false, loader)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        OutputCapture capture = OutputCapture.install();
        ReportingListener listener = new ReportingListener(events, capture, new Messages(compilation.sources));
        try {
            launcher.execute(request, listener);
        } catch (Throwable crash) {
            listener.abortRunning(crash);
            events.error("the test run stopped: " + crash);
            return;
        }
        if (listener.testsReported == 0) {
            events.error("no tests were found: no class of /work/tests has a JUnit 5 test");
        } else {
            events.done();
        }
    }
}
