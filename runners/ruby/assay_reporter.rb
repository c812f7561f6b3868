# Runs RSpec over the hidden tests and reports each example as it ends, on the relay to the harness, as
# `<token> {"type":"test",...}`; then one result. Names: the spec file relative to /work/tests, "::",
# the example's full description (a repeated one gets "[2]", "[3]"...).
module Assay
  class Reporter
    FAILURES = [RSpec::Expectations::ExpectationNotMetError, RSpec::Mocks::MockExpectationError].freeze

    def initialize(events, token, mark)
      @events = events
      @token = token
      @mark = mark
      @names = Hash.new(0)
      @tests = []
      @finished = false
    end

    def run(side, files)
      configure
      files.each do |file|
        load File.join(TESTS, file)
      rescue Exception => e # rubocop:disable Lint/RescueException - a file that cannot load ends the run
        return finish("error", load_message(file, e))
      end
      groups = RSpec.world.ordered_example_groups
      RSpec.configuration.reporter.report(RSpec.world.example_count(groups)) do |reporter|
        RSpec.configuration.with_suite_hooks { groups.each { |g| g.run(reporter) } }
      end
      finish(@tests.all? { |t| t[:status] == "pass" } ? "pass" : "fail", nil)
    end

    def finish(status, message)
      return if @finished

      @finished = true
      write("result", { version: 1, status: status, message: message, tests: @tests })
    end

    # --- RSpec's notifications ---

    def example_passed(notification)
      report(notification.example, "pass", nil)
    end

    def example_failed(notification)
      error = notification.example.execution_result.exception
      if FAILURES.any? { |f| error.is_a?(f) }
        report(notification.example, "fail", error.message)
      else
        report(notification.example, "error", describe(error))
      end
    end

    def example_pending(notification)
      result = notification.example.execution_result
      report(notification.example, "skip", result.pending_message)
    end

    private

    def configure
      RSpec.configure do |config|
        config.color_mode = :off
        config.output_stream = File.open(File::NULL, "w")
        config.error_stream = File.open(File::NULL, "w")
        config.expect_with(:rspec)
        config.mock_with(:rspec)
        # What a test prints is its own output (the solution's comes from the harness, cut per test).
        config.around(:each) do |example|
          captured = StringIO.new
          $stdout = $stderr = captured
          example.run
        ensure
          $stdout = $stderr = File.open(File::NULL, "w")
          example.metadata[:assay_output] = captured.string
        end
      end
      RSpec.configuration.reporter.register_listener(self, :example_passed, :example_failed, :example_pending)
    end

    def report(example, status, message)
      base = "#{example.metadata[:rerun_file_path].to_s.delete_prefix("./")}::#{example.full_description}"
      count = (@names[base] += 1)
      output = example.metadata[:assay_output]
      @mark.call
      test = { name: count == 1 ? base : "#{base}[#{count}]", status: status, message: message,
               output: output.nil? || output.empty? ? nil : output,
               durationMs: (example.execution_result.run_time.to_f * 1000).round }
      @tests << test
      write("test", test)
    end

    # An exception a test did not expect: its class and message, and where in the solution it came from;
    # never a line of the hidden tests.
    def describe(error)
      where = Exceptions.where(error)
      "#{error.class.name}: #{error.message}#{where ? " (#{where})" : ""}"
    end

    def load_message(file, error)
      if error.is_a?(PeerGone) then "the solution's process ended while the tests loaded it"
      elsif Exceptions.where(error) || error.instance_variable_defined?(:@assay_where) then "the solution failed to load: #{describe(error)}"
      else "the tests in #{file} failed to load (#{error.class.name})"
      end
    end

    def write(type, value)
      @events.write("#{@token} #{JSON.generate({ type: type, type => value })}\n")
      @events.flush
    end
  end
end
