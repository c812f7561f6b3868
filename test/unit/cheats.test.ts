import { describe, expect, it } from 'vitest';
import { RUNNERS } from '../../src/images/runners.js';
import { braceBlocks } from '../../src/tools/cheats/braceBlocks.js';
import { cheatsFor } from '../../src/tools/cheats/cheatsFor.js';
import { fakePassMarkers } from '../../src/tools/cheats/fakeMarkers.js';
import { panicEverywhere } from '../../src/tools/cheats/goCheats.js';
import { javaCheats, throwEverywhere } from '../../src/tools/cheats/javaCheats.js';
import { exportedNames } from '../../src/tools/cheats/nodeCheats.js';
import { beforePython } from '../../src/tools/cheats/pythonCheats.js';
import { pythonSkeleton } from '../../src/tools/cheats/pythonSkeleton.js';
import { tableNames } from '../../src/tools/cheats/sqlCheats.js';

const PYTHON = `from dataclasses import dataclass

class LimitError(ValueError):
    pass

@dataclass
class Bucket:
    tokens: float

    def take(self, n):
        return True

def make(capacity):
    return Bucket(capacity)
`;

const JAVA = `public class Service {
    private final String name = "{ not a block }";
    public Service(String name) {
        super();
        this.name = name;
    }
    public java.util.List<String> names(int n) throws java.io.IOException {
        if (n > 0) { return java.util.List.of("}"); }
        return java.util.List.of();
    }
    public record Pair(String a, String b) {
        public Pair {
            if (a == null) throw new IllegalArgumentException();
        }
    }
    static { System.out.println("init"); }
}
`;

const GO = `package solution

import (
	"errors"
	"time"
)

type Cache struct {
	ttl time.Duration
}

func (c *Cache) Get(key string) (string, error) {
	if key == "}" {
		return "", errors.New("no")
	}
	return key, nil
}

func (c *Cache) Set(key string) {}
`;

describe('cheat generators', () => {
  it('keeps a Python module\'s declared names, exceptions as exceptions, and answers every other name', () => {
    const out = pythonSkeleton(PYTHON, 'def _cheat(*a, **k):\n    return 1');
    expect(out).toContain('class LimitError(Exception):');
    expect(out).toMatch(/class Bucket\(\):\n {4}def __init__\(self, \*args, \*\*kwargs\):/);
    expect(out).toContain('    def take(self, *args, **kwargs):\n        return _cheat(*args, **kwargs)');
    expect(out).toContain('def make(*args, **kwargs):');
    expect(out).toContain('def __getattr__(name):');
    expect(out).not.toContain('return True');
  });

  it("runs a Python cheat's code first but for the module's __future__ imports", () => {
    expect(beforePython('import os', '"""Doc."""\nfrom __future__ import annotations\nx = 1\n')).toBe('from __future__ import annotations\nimport os\n"""Doc."""\n\nx = 1\n');
  });

  it('makes every Java method and constructor throw, keeping super() first and static initialisers', () => {
    const out = throwEverywhere(JAVA);
    expect(out).toMatch(/public Service\(String name\) \{\s+super\(\); throw new UnsupportedOperationException\("not implemented"\); \}/);
    expect(out).toContain('throws java.io.IOException { throw new UnsupportedOperationException("not implemented"); }');
    expect(out).toContain('public Pair { throw new UnsupportedOperationException("not implemented"); }');
    expect(out).toContain('static { System.out.println("init"); }');
    expect(out).toContain('"{ not a block }"');
    expect(out).not.toContain('List.of("}")');
  });

  it('returns an always-equal collection from each Java method declared to return one, keeping the other bodies', () => {
    const [list] = javaCheats({ testNames: [], starter: [{ path: 'Service.java', content: JAVA }], sampleTests: [] }).filter((c) => c.name === 'always-equal-list');
    const out = list!.files[0]!.content;
    expect(out).toMatch(/names\(int n\) throws java\.io\.IOException \{ return new java\.util\.ArrayList<>\(\) \{ @Override public boolean equals\(Object other\) \{ return true; \}/);
    expect(out).toContain('this.name = name;');
  });

  it('ships a passing copy of JUnit\'s Assertions over Java methods that return their defaults, constructors kept', () => {
    const [shadow] = javaCheats({ testNames: [], starter: [{ path: 'Service.java', content: JAVA }], sampleTests: [] }).filter((c) => c.name === 'shadow-test-framework');
    const [service, assertions] = shadow!.files;
    expect(service!.content).toContain('this.name = name;');
    expect(service!.content).toContain('throws java.io.IOException { return null; }');
    expect(assertions).toMatchObject({ path: 'Assertions.java', content: expect.stringContaining('package org.junit.jupiter.api;') });
  });

  it('ignores braces in strings and comments', () => {
    const blocks = braceBlocks('a { "}" /* } */ // }\n b { c } }');
    expect(blocks.map((b) => b.header)).toEqual(['a', '"}" /* } */ // }\n b']);
  });

  it('makes every Go function panic, blanking the imports only their bodies used', () => {
    const out = panicEverywhere(GO);
    expect(out).toContain('func (c *Cache) Get(key string) (string, error) {\n\tpanic("not implemented")\n}');
    expect(out).toContain('func (c *Cache) Set(key string) {\n\tpanic("not implemented")\n}');
    expect(out).toContain('_ "errors"');
    expect(out).toContain('\t"time"');
    expect(out).toContain('type Cache struct {\n\tttl time.Duration\n}');
  });

  it('finds the values a TypeScript module exports, not its types', () => {
    const src = 'export type A = 1;\nexport interface B {}\nexport function make() {}\nexport async function load() {}\nexport class Store {}\nexport const LIMIT = 3;\nconst x = 1, y = 2;\nexport { x, y as z, type A as C };';
    expect(exportedNames(src)).toEqual({ functions: ['make', 'load'], classes: ['Store'], values: ['LIMIT', 'x', 'z'] });
  });

  it('finds the tables a candidate knows of', () => {
    expect(tableNames([{ path: 'schema.sql', content: 'CREATE TABLE customers (id);\ncreate table if not exists "orders" (id);' }, { path: 'x.json', content: 'CREATE TABLE no' }])).toEqual(['customers', 'orders']);
  });

  it('prints pass markers of every framework for every test', () => {
    const out = fakePassMarkers(['test_a.py::test_one', 'TestTwo']);
    for (const line of ['PASSED test_a.py::test_one', '--- PASS: test_one (0.00s)', '--- PASS: TestTwo (0.00s)', 'ok 2 - TestTwo', '{"Action":"pass","Test":"TestTwo","Elapsed":0}', '<testcase name="TestTwo"/>']) {
      expect(out).toContain(line);
    }
    expect(out).toMatch(/^0000000000000000 \{"type":"result".*"status":"pass"/m);
  });

  it.each(RUNNERS.map((r) => [r]))('gives the %s runner the whole set, each cheat with the starter\'s file names', (runner) => {
    const starter = { python: 'calc.py', node: 'orders.ts', java: 'Service.java', go: 'cache.go', sql: 'report.sql', http: 'app.py', php: 'Cart.php', ruby: 'cart.rb' }[runner];
    const content = { java: JAVA, go: GO, python: PYTHON, http: PYTHON, php: '<?php\nfinal class Cart\n{\n}\n', ruby: 'class Cart\n  def total = 0\nend\n' }[runner as string] ?? 'export function make() {}';
    const cheats = cheatsFor(runner, { testNames: ['t::one'], starter: [{ path: starter, content }], sampleTests: [] });
    const names = cheats.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['empty-solution', 'fake-pass-markers', ...(runner === 'sql' ? ['runs-forever'] : ['sleep-to-deadline', 'crash-at-import', 'read-and-echo-files', 'patch-test-framework'])]));
    if (['python', 'node', 'ruby'].includes(runner)) expect(names).toEqual(expect.arrayContaining(['always-equal-scalar', 'always-equal-list', 'always-equal-mapping', 'always-equal-record', 'not-implemented']));
    if (runner === 'java') expect(names).toEqual(expect.arrayContaining(['always-equal-list', 'always-equal-mapping', 'always-equal-record', 'not-implemented']));
    expect(new Set(names).size).toBe(names.length);
    for (const cheat of cheats) expect(cheat.files.map((f) => f.path)).toContain(starter);
  });
});
