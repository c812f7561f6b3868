# The tests' process, as the tester user (10002): RSpec over /work/tests, the solution reached through
# the boundary on fd ARGV[0]. Started before the submission arrives, so that RSpec is loaded while a warm
# container waits. Its stdout is the harness's relay (events prefixed with a token of its own, never the
# run's nonce); the solution's process cannot reach this one: another user, and undumpable.
require "fiddle"
require "json"
require "set"
require "socket"
require "stringio"
require_relative "assay_exceptions"

# prctl(PR_SET_DUMPABLE, 0): this process's memory, fds and /proc entries are closed to every other user.
Fiddle::Function.new(Fiddle.dlopen(nil)["prctl"], [Fiddle::TYPE_INT] * 5, Fiddle::TYPE_INT).call(4, 0, 0, 0, 0)
# Before RSpec loads: the core exception classes a solution's error may be rebuilt as.
Assay::Exceptions.snapshot!

require "rspec/core"
require "rspec/expectations"
require "rspec/mocks"
require_relative "assay_endpoint"
require_relative "assay_standins"
require_relative "assay_tester_side"
require_relative "assay_reporter"

module Assay
  TESTS = "/work/tests"
  SOLUTION = "/work/solution"
end

events = IO.new(1).dup
devnull = File.open(File::NULL, "w")
start = JSON.parse($stdin.gets)
side = Assay::TesterSide.new(Socket.for_fd(Integer(ARGV.fetch(0))), start["files"])
reporter = Assay::Reporter.new(events, start["token"], -> { side.mark(start["marker"]) })
# RSpec's own report would echo the hidden tests' source into the relay.
$stdout = devnull
Dir.chdir(Assay::TESTS)
$LOAD_PATH.unshift(Assay::TESTS)
begin
  reporter.run(side, Dir.glob("**/*_spec.rb", base: Assay::TESTS).sort)
rescue Exception => e # rubocop:disable Lint/RescueException - whatever happened, the harness gets a result
  reporter.finish("error", "the test run crashed: #{e.class}")
end
reporter.finish("error", "the test run ended without a result")
events.flush
exit!(0)
