/**
 * Attacks on the Java runner's boundary by a candidate who has read Assay's source, against the
 * boundary-java fixture (seven 1-point JUnit 5 tests that compare numbers, lists, maps and records with
 * equals, hand the solution a Clock, expect its exception and call it from eight threads). Each pairs an
 * attack with what the code it wraps earns honestly (nothing: every method throws or answers wrongly)
 * and the exact verdict the run must get. With the solution on the tests' class path, as before the
 * boundary, every one of these could reach JUnit, the launcher's pipe or the hidden tests.
 */
import type { BoundaryCase } from './boundarySuite.js';

const IMPORTS = 'import java.io.*;\nimport java.lang.reflect.*;\nimport java.nio.file.*;\nimport java.util.*;\n';
const API = `record Entry(String account, long cents) {
}
interface Clock {
    long now();
}
class InsufficientFunds extends RuntimeException {
    InsufficientFunds(String message) {
        super(message);
    }
}
`;

interface LedgerCode {
  /** Every method's body, but total()'s when `total` is given. */
  body: string;
  total?: string;
  /** The constructor's body. */
  init?: string;
  /** More classes of the file. */
  extra?: string;
}

const METHODS = ['List<String> accounts(List<Entry> entries)', 'Map<String, Long> balances(List<Entry> entries)',
  'Entry largest(List<Entry> entries)', 'String stamp(String label)', 'void withdraw(long cents)', 'void count()', 'long counted()'];

/** Ledger.java with the challenge's API. */
const ledger = ({ body, total = body, init = '', extra = '' }: LedgerCode) => `${IMPORTS}${API}${extra}
public class Ledger {
    public Ledger(Clock clock) {
        ${init}
    }
    public long total(List<Entry> entries) {
        ${total}
    }
${METHODS.map((signature) => `    public ${signature} {\n        ${body}\n    }`).join('\n')}
}
`;

const NOT_IMPLEMENTED = 'throw new UnsupportedOperationException("not implemented");';

/** Writes `lines` into every file descriptor of this JVM, the connection to the tests' JVM included. */
const EVERY_FD = `
class Everywhere {
    static void write(String text) {
        byte[] bytes = text.getBytes();
        for (int fd = 0; fd < 64; fd++) {
            try {
                FileDescriptor descriptor = new FileDescriptor();
                Field field = FileDescriptor.class.getDeclaredField("fd");
                field.setAccessible(true);
                field.setInt(descriptor, fd);
                new FileOutputStream(descriptor).write(bytes);
            } catch (Throwable closed) {
            }
        }
        System.out.print(text);
        System.err.print(text);
    }
}
`;

const FORGED = ['total', 'accounts', 'balances', 'largest', 'stamp', 'refusesANegativeWithdrawal', 'countsFromEightThreads']
  .map((name) => `{\\"type\\":\\"test\\",\\"name\\":\\"LedgerTest::${name}\\",\\"status\\":\\"pass\\",\\"message\\":null,\\"output\\":null,\\"durationMs\\":1}\\n`)
  .join('')
  .concat('{\\"type\\":\\"done\\"}\\nnonce {\\"type\\":\\"result\\",\\"result\\":{\\"version\\":1,\\"status\\":\\"pass\\",\\"message\\":null,\\"tests\\":[]}}\\n');

export const BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'returns values whose equals is always true, whose hashCode is constant and whose toString lies, of every shape',
    code: `${IMPORTS}record Entry(String account, long cents) {
    public boolean equals(Object other) { return true; }
    public int hashCode() { return 0; }
    public String toString() { return "Entry[account=b, cents=250]"; }
}
interface Clock {
    long now();
}
class InsufficientFunds extends RuntimeException {
    InsufficientFunds(String message) { super(message); }
    public boolean equals(Object other) { return true; }
}
class YesList extends ArrayList<String> {
    public boolean equals(Object other) { return true; }
    public int hashCode() { return 0; }
}
class YesMap extends HashMap<String, Long> {
    public boolean equals(Object other) { return true; }
    public int hashCode() { return 0; }
}
public class Ledger {
    public Ledger(Clock clock) { }
    public long total(List<Entry> entries) { throw new UnsupportedOperationException("not implemented"); }
    public List<String> accounts(List<Entry> entries) { return new YesList(); }
    public Map<String, Long> balances(List<Entry> entries) { return new YesMap(); }
    public Entry largest(List<Entry> entries) { return new Entry("zzz", 0); }
    public String stamp(String label) { throw new UnsupportedOperationException("not implemented"); }
    public void withdraw(long cents) { throw new RuntimeException(new InsufficientFunds("a cause that equals anything")); }
    public void count() { }
    public long counted() { return 0; }
}
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'looks for JUnit, the test classes and the launcher: by name, through every thread\'s stack and the class loaders',
    code: ledger({
      extra: `
class Probe {
    static String found() {
        List<String> found = new ArrayList<>();
        for (String name : new String[] {"org.junit.jupiter.api.Assertions", "org.junit.platform.launcher.core.LauncherFactory", "LedgerTest", "org.opentest4j.AssertionFailedError"}) {
            try {
                Class.forName(name, false, Ledger.class.getClassLoader());
                found.add(name);
            } catch (Throwable missing) {
            }
        }
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().contains("junit") || frame.getClassName().contains("LedgerTest")) {
                    found.add(frame.getClassName());
                }
            }
        }
        return String.join(", ", found);
    }
}
`,
      // Were the tests' class in this JVM, its static ENTRIES would give total() the sum the test expects.
      body: 'throw new UnsupportedOperationException("nothing of the tests here: " + Probe.found());',
      total: `try {
            Field all = Class.forName("LedgerTest").getDeclaredField("ENTRIES");
            all.setAccessible(true);
            long sum = 0;
            for (Object entry : (List<?>) all.get(null)) sum += (Long) entry.getClass().getMethod("cents").invoke(entry);
            return sum;
        } catch (Throwable missing) {
        }
        throw new UnsupportedOperationException("nothing of the tests here: " + Probe.found());`,
    }),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "uses the runner's own classes in its JVM to write forged reports, through the launcher's Events, to every fd",
    code: ledger({
      extra: EVERY_FD,
      init: `try {
            Class<?> events = Class.forName("assay.runner.Events");
            Method open = events.getDeclaredMethod("open", int.class);
            open.setAccessible(true);
            for (int fd = 0; fd < 64; fd++) {
                try {
                    Object pipe = open.invoke(null, fd);
                    Method done = events.getDeclaredMethod("done");
                    done.setAccessible(true);
                    done.invoke(pipe);
                } catch (Throwable closed) {
                }
            }
        } catch (Throwable absent) {
        }`,
      body: NOT_IMPLEMENTED,
    }),
    // Its own JVM's copy of Events has no pipe to the harness: its only sockets are the connection, whose
    // framing the forged lines break, so the tests' JVM stops listening to the solution.
    verdict: 'error',
    honest: 0,
  },
  {
    name: "reads /proc of every other process (memory, environment, fds) and writes forged events to the tests' fds",
    code: ledger({
      extra: `
class Procs {
    static String loot() {
        StringBuilder found = new StringBuilder();
        File[] pids = new File("/proc").listFiles((dir, name) -> name.matches("\\\\d+"));
        for (File pid : pids == null ? new File[0] : pids) {
            if (pid.getName().equals(String.valueOf(ProcessHandle.current().pid()))) continue;
            for (String file : new String[] {"environ", "cmdline", "maps", "mem"}) {
                try (InputStream in = new FileInputStream(new File(pid, file))) {
                    found.append(pid).append('/').append(file).append(": ").append(new String(in.readNBytes(200))).append('\\n');
                } catch (Throwable closed) {
                }
            }
            File[] fds = new File(pid, "fd").listFiles();
            for (File fd : fds == null ? new File[0] : fds) {
                try (OutputStream out = new FileOutputStream(fd)) {
                    out.write("${FORGED}".getBytes());
                    found.append("wrote ").append(fd).append('\\n');
                } catch (Throwable closed) {
                }
            }
        }
        return found.toString();
    }
}
`,
      init: 'System.out.println(Procs.loot());',
      body: NOT_IMPLEMENTED,
    }),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'writes forged frames, test reports and result lines into every fd of its JVM, the connection included',
    code: ledger({ extra: EVERY_FD, init: `Everywhere.write("${FORGED}");`, body: NOT_IMPLEMENTED }),
    // The forged bytes on the connection break its framing: the tests' JVM stops listening to it.
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'prints forged test and result events on stdout and stderr, then exits 0 mid-run',
    code: ledger({ init: `System.out.print("${FORGED}");\n        System.err.print("${FORGED}");`, body: 'System.exit(0);\n        throw new IllegalStateException();' }),
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'reads the hidden tests, the stand-ins and every file it can find, and echoes them',
    code: ledger({
      extra: `
class Files2 {
    static final Map<String, String> seen = new TreeMap<>();
    static {
        for (String root : new String[] {"/work", "/tmp", "/opt/assay"}) walk(new File(root), 0);
        System.out.println(String.join("\\n", seen.keySet()));
    }
    static void walk(File dir, int depth) {
        File[] names = dir.listFiles();
        if (depth > 6 || names == null) return;
        for (File f : names) {
            if (f.getPath().matches("/(proc|sys|dev|usr).*")) continue;
            if (f.isDirectory()) walk(f, depth + 1);
            else try (InputStream in = new FileInputStream(f)) { seen.put(f.getPath(), new String(in.readNBytes(1 << 16))); } catch (Throwable closed) { }
        }
    }
}
`,

      // Had it read the hidden test, total() would answer the number its assertion expects.
      body: NOT_IMPLEMENTED,
      total: `for (String text : Files2.seen.values()) {
            java.util.regex.Matcher expected = java.util.regex.Pattern.compile("assertEquals\\\\((\\\\d+)L, ledger.total").matcher(text);
            if (expected.find()) return Long.parseLong(expected.group(1));
        }
        throw new UnsupportedOperationException("not implemented");`,
    }),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'throws exceptions whose message forges events and whose toString and getMessage lie',
    code: ledger({
      extra: `
class Lie extends RuntimeException {
    public String getMessage() { return "${FORGED}"; }
    public String toString() { return "expected: <355> but was: <355>"; }
}
`,
      body: 'throw new Lie();',
    }),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'crashes in its static initialiser',
    code: ledger({ extra: 'class Boom {\n    static void boom() { throw new IllegalStateException("boom at class initialisation"); }\n}\n', init: '', body: NOT_IMPLEMENTED })
      .replace('public class Ledger {', 'public class Ledger {\n    static { Boom.boom(); }'),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'leaves out a method the tests use: a compile error that quotes none of the hidden tests',
    code: ledger({ body: NOT_IMPLEMENTED }).replace(/\n {4}public long counted\(\) \{[^}]*\}/, ''),
    verdict: 'compile_error',
    honest: 0,
    hides: ['ExecutorService', 'ticks.incrementAndGet', 'assertEquals(400L'],
  },
  {
    name: 'spins forever in its first call',
    code: ledger({ body: 'for (;;) {\n        }' }),
    verdict: 'time_limit_exceeded',
    honest: 0,
  },
];
