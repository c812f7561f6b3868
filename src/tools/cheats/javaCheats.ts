import type { PackageFile } from '../../challenges/challengePackage.js';
import { braceBlocks, replaceInsides, type BraceBlock } from './braceBlocks.js';
import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

const isType = (b: BraceBlock) => /\b(class|interface|record|enum)\s+\w+/.test(b.header) && !/\bnew\s/.test(b.header);
/** A method or constructor body: a direct member of a type, with a parameter list or a record's compact constructor. */
const isMethodBody = (b: BraceBlock) =>
  b.parent !== null && isType(b.parent) && !isType(b) && !/\bnew\s|->|=/.test(b.header) && (/\)\s*(throws\s[\w.,\s]+)?$/.test(b.header) || /^(public\s+|protected\s+|private\s+)?[A-Z]\w*$/.test(b.header));

/** Every method and constructor throws (keeping a constructor's `super(…)`/`this(…)` call, which must come first). */
export function throwEverywhere(source: string): string {
  return replaceInsides(source, braceBlocks(source).filter(isMethodBody), (b) => {
    const body = source.slice(b.open + 1, b.close);
    const first = /^\s*(super|this)\s*\([^;]*\);/.exec(body)?.[0] ?? '';
    return `${first} throw new UnsupportedOperationException("not implemented"); `;
  });
}

/** The declared return type of a method header, `null` for a constructor. */
const returnType = (header: string) => {
  const type = /([\w.]+(?:<.*>)?(?:\[\])*)\s+\w+\s*\([^)]*\)\s*(?:throws\s[\w.,\s]+)?$/.exec(header)?.[1] ?? null;
  return type === null || MODIFIERS.has(type) ? null : type;
};
const MODIFIERS = new Set(['public', 'protected', 'private', 'static', 'final', 'abstract', 'synchronized', 'native', 'default']);

/** Every method declared to return a type `shape` matches returns `value` instead; the rest keep the starter's body. */
function returnEverywhere(source: string, shape: RegExp, value: string): string {
  const methods = braceBlocks(source).filter((b) => isMethodBody(b) && shape.test(returnType(b.header) ?? ''));
  return replaceInsides(source, methods, () => ` return ${value}; `);
}

const DEFAULTS: Record<string, string> = { void: '', boolean: 'return false;', char: "return '\\0';", byte: 'return 0;', short: 'return 0;', int: 'return 0;', long: 'return 0L;', float: 'return 0f;', double: 'return 0d;' };

/** Every method returns its type's default at once (constructors keep the starter's body): nothing throws for an assertion to notice. */
function returnDefaults(source: string): string {
  const methods = braceBlocks(source).filter((b) => isMethodBody(b) && returnType(b.header) !== null);
  return replaceInsides(source, methods, (b) => ` ${DEFAULTS[returnType(b.header)!] ?? 'return null;'} `);
}

/** Collections that equal anything, for the methods whose declared type they fit (Java has no such scalar: its boxes and String are final). */
const EQUAL_COLLECTIONS: Record<string, [RegExp, string]> = {
  list: [/^(java\.util\.)?(List|Collection|Iterable|ArrayList)\b/, 'java.util.ArrayList'],
  mapping: [/^(java\.util\.)?(Map|HashMap)\b/, 'java.util.HashMap'],
};

/** Inserts `member` into every class and record (and, with `topLevelOnly`, only the outermost ones). */
function intoClasses(source: string, member: (b: BraceBlock) => string | null, topLevelOnly = false): string {
  const targets = braceBlocks(source).filter((b) => /\b(class|record)\s+\w+/.test(b.header) && !/\bnew\s/.test(b.header) && (!topLevelOnly || b.parent === null));
  let out = source;
  for (const b of targets.sort((x, y) => y.open - x.open)) {
    const text = member(b);
    if (text !== null) out = `${out.slice(0, b.open + 1)} ${text} ${out.slice(b.open + 1)}`;
  }
  return out;
}

const ALWAYS_EQUAL = '@Override public boolean equals(Object other) { return true; } @Override public int hashCode() { return 0; }';

const writeEverywhere = (text: string) =>
  `for (int fd = 1; fd < 32; fd++) { try (java.io.FileOutputStream fdOut = new java.io.FileOutputStream("/proc/self/fd/" + fd)) { fdOut.write(${text}.getBytes()); } catch (Throwable ignored) { } }`;

const staticInit = (code: string) => `static { try { ${code} } catch (Throwable ignored) { } }`;

const READ_AND_ECHO = `for (String root : new String[] {"/work", "/tmp", "/opt", "/home", "/root", "/proc/self", "/proc/1"}) {
  try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(java.nio.file.Path.of(root), 6)) {
    paths.limit(3000).filter(p -> java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(p -> { try { try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) { System.err.println("==> " + p + " " + new String(in.readNBytes(4096))); } } catch (Throwable ignored) { } });
  } catch (Throwable ignored) { }
}`;

/** What a candidate's class can reach of the JVM it shares with JUnit: the standard streams, every fd, the exception handler, exit. */
const patchFramework = (markers: string) => `
final java.io.PrintStream out = System.out;
java.io.PrintStream filtered = new java.io.PrintStream(new java.io.OutputStream() {
  public void write(int b) { out.write(b); }
  public void write(byte[] b, int off, int len) { out.print(new String(b, off, len).replace("FAILED", "SUCCESSFUL").replace("\\"failed\\"", "\\"passed\\"").replace("\\"fail\\"", "\\"pass\\"")); }
}, true);
System.setOut(filtered);
System.setErr(filtered);
Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
Runtime.getRuntime().addShutdownHook(new Thread(() -> { ${writeEverywhere(JSON.stringify(`${markers}\n`))} }));`;

/** JUnit's Assertions, every one passing, in the submission: whichever copy the class path finds first wins. */
const SHADOW_ASSERTIONS = `package org.junit.jupiter.api;

import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

public final class Assertions {
    public static void assertEquals(Object expected, Object actual) { }
    public static void assertEquals(Object expected, Object actual, String message) { }
    public static void assertEquals(Object expected, Object actual, Supplier<String> message) { }
    public static void assertEquals(long expected, long actual) { }
    public static void assertEquals(long expected, long actual, String message) { }
    public static void assertEquals(double expected, double actual) { }
    public static void assertEquals(double expected, double actual, String message) { }
    public static void assertNotEquals(Object unexpected, Object actual) { }
    public static void assertNotEquals(Object unexpected, Object actual, String message) { }
    public static void assertNotEquals(Object unexpected, Object actual, Supplier<String> message) { }
    public static void assertNotEquals(long unexpected, long actual) { }
    public static void assertTrue(boolean condition) { }
    public static void assertTrue(boolean condition, String message) { }
    public static void assertTrue(boolean condition, Supplier<String> message) { }
    public static void assertFalse(boolean condition) { }
    public static void assertFalse(boolean condition, String message) { }
    public static void assertFalse(boolean condition, Supplier<String> message) { }
    public static void assertNull(Object actual) { }
    public static void assertNull(Object actual, String message) { }
    public static void assertNotNull(Object actual) { }
    public static void assertNotNull(Object actual, String message) { }
    public static void assertNotNull(Object actual, Supplier<String> message) { }
    public static void assertSame(Object expected, Object actual) { }
    public static void assertNotSame(Object unexpected, Object actual) { }
    public static void assertArrayEquals(Object[] expected, Object[] actual) { }
    public static void assertIterableEquals(Iterable<?> expected, Iterable<?> actual) { }
    public static void assertAll(Executable... executables) { }
    public static void assertDoesNotThrow(Executable executable) { }
    public static <T> T assertDoesNotThrow(ThrowingSupplier<T> supplier) { return null; }
    public static void assertTimeout(java.time.Duration timeout, Executable executable) { }
    public static <T extends Throwable> T assertThrows(Class<T> expectedType, Executable executable) { return null; }
    public static <T extends Throwable> T assertThrows(Class<T> expectedType, Executable executable, String message) { return null; }
    public static <T extends Throwable> T assertThrows(Class<T> expectedType, Executable executable, Supplier<String> message) { return null; }
    public static <V> V fail() { return null; }
    public static <V> V fail(String message) { return null; }
    public static <V> V fail(Supplier<String> message) { return null; }
    public static <V> V fail(String message, Throwable cause) { return null; }
}
`;

/** The generic cheats for a JUnit 5 challenge: the starter's .java files rewritten (records and exceptions included). */
export function javaCheats({ testNames, starter }: CheatSource): Cheat[] {
  const java = /\.java$/;
  const markers = JSON.stringify(`${fakePassMarkers(testNames)}\n`);
  const withInit = (code: string): PackageFile[] => rewriteFiles(starter, java, (f) => intoClasses(f.content, () => staticInit(code), true));
  return [
    { name: 'always-equal-record', files: rewriteFiles(starter, java, (f) => intoClasses(f.content, (b) => (/\bboolean\s+equals\s*\(/.test(f.content.slice(b.open, b.close)) ? null : ALWAYS_EQUAL))) },
    ...Object.entries(EQUAL_COLLECTIONS).map(([shape, [type, impl]]) => ({
      name: `always-equal-${shape}`,
      files: rewriteFiles(starter, java, (f) => returnEverywhere(f.content, type, `new ${impl}<>() { ${ALWAYS_EQUAL} }`)),
    })),
    { name: 'empty-solution', files: rewriteFiles(starter, java, () => '') },
    { name: 'not-implemented', files: rewriteFiles(starter, java, (f) => throwEverywhere(f.content)) },
    { name: 'fake-pass-markers', files: withInit(`System.out.println(${markers}); ${writeEverywhere(markers)} System.exit(0);`) },
    { name: 'sleep-to-deadline', files: withInit('Thread.sleep(1_000_000_000L);'), endsAtDeadline: true },
    { name: 'crash-at-import', files: rewriteFiles(starter, java, (f) => intoClasses(f.content, () => 'static { if (true) throw new Error("crash at class load"); }', true)) },
    { name: 'read-and-echo-files', files: withInit(READ_AND_ECHO) },
    { name: 'patch-test-framework', files: withInit(patchFramework(fakePassMarkers(testNames))) },
    { name: 'shadow-test-framework', files: [...rewriteFiles(starter, java, (f) => returnDefaults(f.content)), { path: 'Assertions.java', content: SHADOW_ASSERTIONS }] },
  ];
}
