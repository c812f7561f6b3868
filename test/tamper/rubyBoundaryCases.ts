/**
 * Attacks on the Ruby runner's boundary by a candidate who has read Assay's source, against the
 * boundary-ruby fixture (six 1-point RSpec tests that compare with eq, == and raise_error, as challenge
 * authors write them). Each pairs an attack with what the code it wraps earns honestly, and the exact
 * verdict the run must get. Without the boundary (solve.rb required into RSpec's process) every one of
 * them scores more, or ends another way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/repoRoot.js';
import type { BoundaryCase } from './boundarySuite.js';

const FIXTURE = path.join(repoRoot, 'test/tamper/challenges/boundary-ruby');
/** Wrong everywhere (the starter): earns nothing on its own. */
const WRONG = readFileSync(path.join(FIXTURE, 'starter/solve.rb'), 'utf8');
/** The reference: what an attack becomes if it found a way to cheat. */
const RIGHT = readFileSync(path.join(FIXTURE, 'solution/solve.rb'), 'utf8');

const EQUAL_TO_EVERYTHING = `
  def ==(other) = true
  def eql?(other) = true
  def ===(other) = true
  def equal?(other) = true
  def !=(other) = false
  def hash = 0
  def nil? = false
  def is_a?(*) = true
  def kind_of?(*) = true
  def instance_of?(*) = true
  def respond_to?(*) = true
  def coerce(other) = [other, other]
  def matches?(*) = true
  def size = 3
  def sort = self
`;

/** Every method of Solve returns `value`. */
const returning = (value: string) => `${WRONG}
module Solve
  %i[total evens counts pair apply].each { |m| define_singleton_method(m) { |*| ${value} } }
end
`;

export const BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'returns an object whose ==, eql?, ===, is_a? and nil? say yes to everything',
    code: `class Yes
${EQUAL_TO_EVERYTHING}
  def method_missing(*) = self
  def respond_to_missing?(*) = true
end
${returning('Yes.new')}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns always-equal Array, Hash and Integer-like subclasses',
    code: `class YesList < Array
${EQUAL_TO_EVERYTHING}
end
class YesHash < Hash
${EQUAL_TO_EVERYTHING}
end
class YesNumber < Numeric
${EQUAL_TO_EVERYTHING}
end
${WRONG}
module Solve
  def self.total(_) = YesNumber.new
  def self.evens(_) = YesList.new
  def self.counts(_) = YesHash.new
  def self.pair(*) = YesList.new
  def self.apply(*) = YesNumber.new
end
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'a BasicObject that answers every call, the matcher protocol included, with itself or true',
    code: `class Liar < BasicObject
  def method_missing(name, *) = name.to_s.end_with?("?") ? true : self
  def respond_to_missing?(*) = true
  def ==(other) = true
  def !(*) = false
end
${returning('Liar.new')}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'patches RSpec, Kernel (raise, exit, abort) and Object#== in its own process',
    code: `${WRONG}
begin
  require "rspec/core"
  require "rspec/expectations"
  RSpec::Core::Example.prepend(Module.new { def run(*) = true })
  RSpec::Expectations::ExpectationTarget.prepend(Module.new { def to(*) = true; def not_to(*) = true })
  RSpec::Expectations.define_singleton_method(:fail_with) { |*| nil }
rescue LoadError, StandardError
end
class Object
  def ==(other) = true
  def eql?(other) = true
end
[Integer, String, Array, Hash, NilClass].each { |k| k.define_method(:==) { |_| true } }
module Kernel
  def exit(*) = true
  def exit!(*) = true
  def abort(*) = true
end
at_exit { $stdout.puts "6 examples, 0 failures" }
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'reads /proc of every process for a token, then prints forged events and RSpec output to every fd it can reach',
    code: `tokens = ["guessed", "0000000000000000"]
Dir.glob("/proc/[0-9]*/{environ,cmdline,mem}").each do |path|
  tokens.concat(File.binread(path, 1 << 20).scan(/[0-9a-f]{32,64}/)) rescue nil
end
names = ["totals", "keeps the evens", "counts", "pairs", "applies a block", "rejects nil"]
lines = tokens.uniq.flat_map do |token|
  names.map { |n| %(#{token} {"type":"test","test":{"name":"solve_spec.rb::Solve #{n}","status":"pass","message":null,"output":null,"durationMs":1}}) } +
    [%(#{token} {"type":"result","result":{"version":1,"status":"pass","message":null,"tests":[]}})]
end.join("\\n") + "\\n6 examples, 0 failures\\n"
(Dir.glob("/proc/[0-9]*/fd/*") + ["/dev/stdout", "/dev/stderr", "/proc/1/fd/1"]).each { |p| File.write(p, lines, mode: "a") rescue nil }
(0..255).each { |fd| IO.for_fd(fd, autoclose: false).syswrite(lines) rescue nil }
${WRONG}`,
    // Its own connection to the tests carried the forgery too: the tests' require of solve.rb fails.
    verdict: 'error',
    honest: 0,
  },
  {
    name: "reads the hidden tests and the tests' scratch files to hard-code answers",
    code: `${WRONG}
require "find"
seen = 0
readable = (["/work/tests", "/tmp", "/proc/1/root/work/tests"] + Dir.glob("/proc/[0-9]*/cwd")).any? do |top|
  found = false
  Find.find(top) do |f|
    Find.prune if f.start_with?("/proc/", "/sys/") && f != top || (seen += 1) > 5000
    found ||= (File.file?(f) && File.read(f, 65_536).include?("it " + '"totals"')) rescue false
  end rescue nil
  found
end
eval(${JSON.stringify(RIGHT)}) if readable
`,
    verdict: 'failed',
    honest: 0,
    hides: ['expect(Solve.total([1, 2, 3])).to eq(6)'],
  },
  {
    name: 'exits 0 (exit!) in the middle of the run, after four honest answers',
    code: `${RIGHT}
module Solve
  def self.apply(*) = exit!(0)
end
`,
    // The tests after it fail (the solution's process is gone); the run still ends with its result.
    verdict: 'failed',
    honest: 4,
  },
  {
    name: 'raises SystemExit (exit 0) in the middle of the run, after four honest answers',
    code: `${RIGHT}
module Solve
  def self.apply(*) = exit(0)
end
`,
    verdict: 'failed',
    honest: 5,
  },
  {
    name: 'loops forever in the middle of the run, after four honest answers',
    code: `${RIGHT}
module Solve
  def self.apply(*) = loop {}
end
`,
    verdict: 'time_limit_exceeded',
    honest: 4,
  },
  {
    // kill(-1) spares the caller: the tests' process (another user) and the harness (root) are out of reach.
    name: 'kills every other process of its user (kill -9 -1) in the middle of the run, returning what kill says',
    code: `${RIGHT}
module Solve
  def self.apply(*) = Process.kill(:KILL, -1)
end
`,
    verdict: 'failed',
    honest: 5,
  },
  {
    name: 'a forked child writes forged events to every fd it inherited, the boundary socket included',
    code: `${RIGHT}
Process.wait(fork do
  line = %({"type":"result","result":{"version":1,"status":"pass","message":null,"tests":[]}}\n)
  (0..64).each { |fd| IO.for_fd(fd, autoclose: false).syswrite(line) rescue nil }
end)
`,
    // The garbage reaches the tests before the answer to their require: solve.rb cannot be loaded.
    verdict: 'error',
    honest: 6,
  },
];
