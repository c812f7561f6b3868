import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

const ALWAYS_EQUAL = `
  def ==(other) = true
  def eql?(other) = true
  def ===(other) = true
  def !=(other) = false
  def <=>(other) = 0
  def hash = 0
  def nil? = false
  def matches?(*) = true`;

/** A value of each shape that says it equals anything; `$cheat` makes one. */
const EQUAL_VALUES: Record<string, string> = {
  scalar: `class CheatYes < Numeric${ALWAYS_EQUAL}\n  def coerce(other) = [other, other]\nend\n$cheat = -> { CheatYes.new }`,
  list: `class CheatYes < Array${ALWAYS_EQUAL}\nend\n$cheat = -> { CheatYes.new }`,
  mapping: `class CheatYes < Hash${ALWAYS_EQUAL}\nend\n$cheat = -> { CheatYes.new }`,
  record: `class CheatYes${ALWAYS_EQUAL}\n  def method_missing(*) = self\n  def respond_to_missing?(*) = true\nend\n$cheat = -> { CheatYes.new }`,
};

const NOT_IMPLEMENTED = '$cheat = -> { raise NotImplementedError, "not implemented" }';

/** Every method the file itself defines (top-level, instance or singleton) now returns `$cheat.call`. */
const REDEFINE = `
ObjectSpace.each_object(Module).to_a.each do |m|
  mine = ->(meth) { meth.source_location&.first == __FILE__ }
  (m.instance_methods(false) + m.private_instance_methods(false)).each do |n|
    m.send(:define_method, n) { |*_a, **_k, &_b| $cheat.call } if mine.(m.instance_method(n))
  end
  m.singleton_methods(false).each do |n|
    m.define_singleton_method(n) { |*_a, **_k, &_b| $cheat.call } if mine.(m.method(n))
  end
end
`;

const fakeMarkersThenExit = (markers: string) => `
markers = ${JSON.stringify(`${markers}\n`)}
(1..31).each { |fd| IO.for_fd(fd, autoclose: false).write(markers) rescue nil }
["/proc/1/fd/1", "/proc/1/fd/2", "/dev/tty"].each { |path| File.write(path, markers) rescue nil }
exit!(0)
`;

/** Prints every readable file's head (hidden tests, references, /proc), then loads a same-named file found elsewhere. */
const READ_AND_ECHO = `
found = nil
%w[/work /tmp /opt /home /root /srv /var/tmp /dev/shm].each do |root|
  Dir.glob("#{root}/**/*", File::FNM_DOTMATCH).first(5000).each do |path|
    next unless File.file?(path) && !File.symlink?(path)
    data = File.binread(path, 4096) rescue next
    $stderr.puts "==> #{path} #{data.inspect}"
    found ||= path if File.basename(path) == File.basename(__FILE__) && File.realpath(path) != File.realpath(__FILE__)
  end
end
Dir.glob("/proc/[0-9]*/{environ,cmdline,maps}").each { |p| $stderr.puts "==> #{p} #{(File.binread(p, 4096) rescue nil).inspect}" }
load found if found
`;

/** Reaches for RSpec and Kernel from the solution's process and makes every expectation pass. */
const PATCH_FRAMEWORK = `
begin
  require "rspec/core"
  require "rspec/expectations"
  RSpec::Core::Example.prepend(Module.new { def run(*) = true })
  RSpec::Expectations::ExpectationTarget.prepend(Module.new { def to(*) = true; def not_to(*) = true })
rescue LoadError, StandardError
end
module Kernel
  def exit(*) = true
  def abort(*) = true
  def raise(*) = nil
end
class Object
  def ==(other) = true
end
`;

/** Files RSpec or Ruby might load by name from a folder they run in: each would make every test pass. */
const PLANTED = {
  'spec_helper.rb': 'RSpec.configure { |c| c.before(:each) { skip } } if defined?(RSpec)\nmodule Kernel\n  def expect(*) = Struct.new(:x) { def to(*) = true; def not_to(*) = true }.new\nend\n',
  '.rspec': '--require ./cheat --pattern nothing_matches\n',
};

/** The generic cheats for a challenge graded by RSpec: the starter's .rb files rewritten. */
export function rubyCheats({ testNames, starter }: CheatSource): Cheat[] {
  const rb = /\.rb$/;
  const append = (code: string) => rewriteFiles(starter, rb, (f) => `${f.content}\n${code}`);
  const prepend = (code: string) => rewriteFiles(starter, rb, (f) => `${code}\n${f.content}`);
  return [
    ...Object.entries(EQUAL_VALUES).map(([shape, prelude]) => ({ name: `always-equal-${shape}`, files: append(`${prelude}\n${REDEFINE}`) })),
    { name: 'empty-solution', files: rewriteFiles(starter, rb, () => '') },
    { name: 'not-implemented', files: append(`${NOT_IMPLEMENTED}\n${REDEFINE}`) },
    { name: 'fake-pass-markers', files: prepend(fakeMarkersThenExit(fakePassMarkers(testNames))) },
    { name: 'sleep-to-deadline', files: prepend('sleep'), endsAtDeadline: true },
    { name: 'crash-at-import', files: prepend('Process.kill(:ABRT, Process.pid)') },
    { name: 'read-and-echo-files', files: append(READ_AND_ECHO) },
    { name: 'patch-test-framework', files: append(PATCH_FRAMEWORK) },
    { name: 'shadow-test-framework', files: [...starter.filter((f) => !(f.path in PLANTED)), ...Object.entries(PLANTED).map(([path, content]) => ({ path, content }))] },
  ];
}
