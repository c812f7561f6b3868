# The tests' end of the boundary: the tests' `require` of a solution file crosses to the solution's
# process, and its classes, modules and top-level methods become stand-ins here. Towards the solution it
# serves only calls on what a test handed over (a block, a double), and no method of Object's own.
module Assay
  class TesterSide
    # What a solution may call on a test's object besides the methods its own class (or singleton) defines.
    PLAIN = %w[to_s inspect == eql? hash].to_set.freeze
    GENERIC = [Object, Kernel, BasicObject].freeze

    def initialize(io, files)
      @files = files.to_set
      @stand_ins = StandIns.new
      @endpoint = Endpoint.new(io, self, self, refused: DECIDING)
      @stand_ins.endpoint = @endpoint
      @endpoint.on_settle = -> { reraise_swallowed! }
      @endpoint.start_reading
      @failures = []
      install_require(self)
    end

    # Has the solution's process write the marker that ends this test's share of its output.
    def mark(marker)
      @endpoint.request("mark", args: [marker])
    rescue PeerGone, ProtocolError
      nil
    end

    # A test's expectation that failed inside a callback the solution made: the solution may have rescued
    # it, so it is raised again here once the solution's call returns.
    def reraise_swallowed!
      failure = @failures.shift
      @failures.clear
      raise failure if failure
    end

    def require_solution(path)
      loaded = @endpoint.request("require", args: [path])
      raise ProtocolError, "a malformed answer to require" unless loaded.is_a?(Hash) && loaded["constants"].is_a?(Hash) && loaded["methods"].is_a?(Array)

      loaded["constants"].each do |name, value|
        # A name the tests' side already has (RSpec, a core class) stays the tests'.
        Object.const_set(name, value) if name.is_a?(String) && name.match?(NAME) && !Object.const_defined?(name, false)
      end
      loaded["methods"].each { |name| top_level(name) if name.is_a?(String) && !DECIDING.include?(name) }
      true
    end

    # --- requests from the solution's process ---

    def serve(op, frame)
      target = @endpoint.codec.object(frame["h"].is_a?(Integer) ? frame["h"] : raise(ProtocolError, "a request without a handle"))
      name = frame["n"].is_a?(String) ? frame["n"] : raise(ProtocolError, "a request without a name")
      case op
      when "call"
        args = @endpoint.decode(frame["a"])
        kwargs = @endpoint.decode(frame["k"]) || {}
        raise ProtocolError, "malformed arguments" unless args.is_a?(Array) && kwargs.is_a?(Hash)

        call(target, name, args, kwargs.transform_keys(&:to_sym))
      when "respond" then servable?(target, name)
      else raise ProtocolError, "an unknown request #{op.inspect}"
      end
    end

    # --- how this side's values cross (Codec) ---

    def describe(klass)
      { "id" => @endpoint.codec.handle(klass), "name" => klass.name }
    end

    def where(_error)
      nil
    end

    def stand_in(handle, description)
      @stand_ins.instance(handle, description)
    end

    def stand_in_class(description)
      @stand_ins.stand_in_class(description)
    end

    def exception(description, message, where)
      Exceptions.build(@stand_ins.exception_class(description), message, where)
    end

    private

    def call(target, name, args, kwargs)
      raise NoMethodError, "the tests do not serve #{name}" unless servable?(target, name)

      target.public_send(name, *args, **kwargs)
    rescue RSpec::Expectations::ExpectationNotMetError, RSpec::Mocks::MockExpectationError => e
      @failures << e
      raise
    end

    def servable?(target, name)
      return name == "call" if target.is_a?(Proc) || target.is_a?(Method)
      return true if PLAIN.include?(name)

      target.respond_to?(name) && !GENERIC.include?(target.method(name).owner)
    rescue NameError
      false
    end

    def top_level(name)
      side = self
      Object.send(:define_method, name) do |*args, **kwargs, &block|
        side.endpoint.forward(nil, name, args, kwargs, block)
      end
      Object.send(:private, name)
    end

    public

    attr_reader :endpoint

    private

    # `require "clamp"` and `require_relative "../solution/clamp"` of a solution file cross the boundary.
    # A name the tests' own load path has (a library, a helper under /work/tests) stays theirs: a solution
    # file never stands in for what the tests load.
    def install_require(side)
      files = @files
      Object.class_eval do
        private define_method(:require) { |name|
          path = name.to_s.delete_suffix(".rb")
          # On the load path, or in a gem not yet activated (Debian's Rack).
          local = begin
            $LOAD_PATH.resolve_feature_path(name.to_s) || Gem.find_files(name.to_s).first
          rescue LoadError
            nil
          end
          files.include?(path) && local.nil? ? side.require_solution(path) : super(name)
        }
        private define_method(:require_relative) { |name|
          base = File.dirname(caller_locations(1, 1).first.absolute_path.to_s)
          file = File.expand_path(name.to_s, base)
          if file.start_with?("#{SOLUTION}/") then side.require_solution(file.delete_prefix("#{SOLUTION}/").delete_suffix(".rb"))
          else Kernel.require(file)
          end
        }
      end
    end
  end
end
