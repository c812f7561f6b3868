import { braceBlocks, replaceInsides } from './braceBlocks.js';
import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

/** The declaration a top-level block belongs to, from its header's last line that starts one. */
const declarationOf = (header: string) => /(?:^|\n)(func|type|var|const)\b[^\n]*(?:\n(?!func|type|var|const)[^\n]*)*$/.exec(header)?.[1];

/** Imports the rewritten code no longer names become blank imports, so the file still compiles. */
function blankUnusedImports(source: string): string {
  const body = source.replace(/^import\s*(\([^)]*\)|"[^"]*")/m, '');
  return source.replace(/^import\s*(\([^)]*\)|"[^"]*")/m, (decl) =>
    decl.replace(/^(\s*(?:import\s+)?(?:\(\s*)?)(\w+\s+)?"([^"]+)"/gm, (line, lead: string, alias: string | undefined, path: string) => {
      const name = alias?.trim() ?? path.split('/').pop()!;
      return name === '_' || new RegExp(`\\b${name}\\.`).test(body) ? line : `${lead}_ "${path}"`;
    }),
  );
}

/** Every top-level function and method panics; types and the package clause stay. */
export function panicEverywhere(source: string): string {
  const funcs = braceBlocks(source).filter((b) => b.parent === null && declarationOf(b.header) === 'func');
  return blankUnusedImports(replaceInsides(source, funcs, () => '\n\tpanic("not implemented")\n'));
}

const packageClause = (source: string) => /^package\s+\w+/m.exec(source)?.[0] ?? 'package solution';

/** The starter's first .go file gains an init() running `code` with these imports, aliased so they clash with nothing. */
const withInit = (starter: CheatSource['starter'], code: string) => {
  const first = starter.find((f) => f.path.endsWith('.go'))?.path;
  return rewriteFiles(starter, /\.go$/, (f) => {
    if (f.path !== first) return f.content;
    const clause = packageClause(f.content);
    // Imports come before every other declaration; the init goes last.
    const imports = 'import (\n\tcheatfmt "fmt"\n\tcheatos "os"\n\tcheatfp "path/filepath"\n\tcheattime "time"\n)\n';
    const uses = 'var _ = cheatfmt.Sprint\nvar _ = cheatos.Exit\nvar _ = cheatfp.Walk\nvar _ = cheattime.Sleep\n';
    return `${f.content.replace(clause, `${clause}\n\n${imports}`)}\n${uses}\nfunc init() {\n${code}\n}\n`;
  });
};

const writeEverywhere = (text: string) => `for fd := 1; fd < 32; fd++ {\n\t\tcheatos.NewFile(uintptr(fd), "fd").WriteString(${text})\n\t}`;

const READ_AND_ECHO = `\tfor _, root := range []string{"/work", "/tmp", "/opt", "/home", "/root", "/proc/self", "/proc/1"} {
		n := 0
		cheatfp.Walk(root, func(path string, info cheatos.FileInfo, err error) error {
			if n++; err != nil || n > 3000 || !info.Mode().IsRegular() {
				return nil
			}
			// The first 4 KiB: some /proc files are as large as the address space.
			if f, err := cheatos.Open(path); err == nil {
				head := make([]byte, 4096)
				n, _ := f.Read(head)
				f.Close()
				cheatfmt.Fprintln(cheatos.Stderr, "==>", path, string(head[:n]))
			}
			return nil
		})
	}`;

/** The generic cheats for a `go test` challenge: the starter's .go files rewritten. */
export function goCheats({ testNames, starter }: CheatSource): Cheat[] {
  const go = /\.go$/;
  const markers = JSON.stringify(`${fakePassMarkers(testNames)}\n`);
  return [
    { name: 'empty-solution', files: rewriteFiles(starter, go, (f) => `${packageClause(f.content)}\n`) },
    { name: 'not-implemented', files: rewriteFiles(starter, go, (f) => panicEverywhere(f.content)) },
    { name: 'fake-pass-markers', files: withInit(starter, `\tcheatfmt.Print(${markers})\n\t${writeEverywhere(markers)}\n\tcheatos.Exit(0)`) },
    { name: 'sleep-to-deadline', files: withInit(starter, '\tcheattime.Sleep(cheattime.Hour)'), endsAtDeadline: true },
    { name: 'crash-at-import', files: withInit(starter, '\tpanic("crash at init")') },
    { name: 'read-and-echo-files', files: withInit(starter, READ_AND_ECHO) },
    // The test binary parses its flags after every init: one more -test.run selects no test at all.
    { name: 'patch-test-framework', files: withInit(starter, `\tcheatos.Args = append(cheatos.Args, "-test.run=^$", "-test.v=false")\n\t${writeEverywhere(markers)}`) },
  ];
}
