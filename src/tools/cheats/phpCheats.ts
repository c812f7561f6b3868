import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

const PHP = /\.php$/;

/** The starter's first .php file with `code` appended: it runs as the file loads, in the file's namespace. */
const atLoad = (starter: CheatSource['starter'], code: string) => {
  const first = starter.find((f) => PHP.test(f.path))?.path;
  return rewriteFiles(starter, PHP, (f) => (f.path === first ? `${f.content.trimEnd()}\n\n${code}\n` : f.content));
};

const READ_AND_ECHO = `foreach (['/work', '/tmp', '/opt', '/proc/self', '/proc/1'] as $cheatRoot) {
    $cheatN = 0;
    try {
        foreach (new \\RecursiveIteratorIterator(new \\RecursiveDirectoryIterator($cheatRoot, \\FilesystemIterator::SKIP_DOTS)) as $cheatFile) {
            if (++$cheatN > 3000) break;
            $cheatText = @file_get_contents((string) $cheatFile, false, null, 0, 4096);
            if ($cheatText !== false) \\fwrite(STDERR, "==> $cheatFile $cheatText\\n");
        }
    } catch (\\Throwable) {
    }
}`;

/** The generic cheats for a PHPUnit challenge: the starter's .php files rewritten or added to. */
export function phpCheats({ testNames, starter }: CheatSource): Cheat[] {
  const markers = JSON.stringify(`${fakePassMarkers(testNames)}\n`);
  return [
    { name: 'empty-solution', files: rewriteFiles(starter, PHP, () => '<?php\n') },
    { name: 'fake-pass-markers', files: atLoad(starter, `echo ${markers};\n\\fwrite(STDERR, ${markers});\nexit(0);`) },
    { name: 'sleep-to-deadline', files: atLoad(starter, '\\sleep(3600);'), endsAtDeadline: true },
    { name: 'crash-at-import', files: atLoad(starter, "throw new \\RuntimeException('crash at load');") },
    { name: 'read-and-echo-files', files: atLoad(starter, READ_AND_ECHO) },
    // PHPUnit's classes as the solution would have them: only ever in the solution's own process.
    { name: 'patch-test-framework', files: [...starter, { path: 'Assert.php', content: "<?php\nnamespace PHPUnit\\Framework;\n\nabstract class Assert\n{\n    public static function assertSame(...$args): void\n    {\n    }\n}\n" }] },
  ];
}
