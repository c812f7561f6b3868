# The solution's process, as the candidate user (10001): loads /work/solution when the tests' process
# asks and answers its calls over the socketpair on fd ARGV[0]. It only ever returns values: what a test
# concludes from them is decided in the tests' process, which this one cannot reach.
require "socket"
require "set"
require_relative "assay_endpoint"
require_relative "assay_exceptions"

module Assay
  SOLUTION = "/work/solution"

  # A test's object (a block, a double) as the solution sees it: every call goes back to the tests' process.
  class TesterObject < BasicObject
    include Forwards

    def initialize(endpoint, id)
      @__assay_endpoint = endpoint
      @__assay_handle = id
    end
  end

  class Agent
    MODULE_NAME = Module.instance_method(:name)
    PUBLIC_SEND = Kernel.instance_method(:public_send)
    KERNEL_OBJECT = Module.instance_method(:===)

    def initialize(io)
      Exceptions.snapshot!
      # Everything that exists before the solution loads is Ruby's: its methods are not the solution's own.
      @before = ObjectSpace.each_object(Module).to_a.to_set.compare_by_identity
      @described = {}
      @top_methods = Set.new
      @mark = $stdout.dup
      @endpoint = Endpoint.new(io, self, self)
    end

    def run
      $LOAD_PATH.unshift(SOLUTION)
      @endpoint.read_all
    end

    # --- requests from the tests' process ---

    def serve(op, frame)
      args = @endpoint.decode(frame["a"])
      kwargs = @endpoint.decode(frame["k"]) || {}
      raise ProtocolError, "malformed arguments" unless args.is_a?(Array) && kwargs.is_a?(Hash)

      case op
      when "require" then load_solution(String(args.first))
      when "call" then call(frame["h"], name(frame), args, kwargs.transform_keys(&:to_sym), @endpoint.decode(frame["b"]))
      when "respond" then target(frame["h"]).respond_to?(name(frame))
      when "const" then constant(frame["h"], name(frame))
      when "mark" then mark(String(args.first))
      else raise ProtocolError, "an unknown request #{op.inspect}"
      end
    end

    # --- how this side's values cross (Codec) ---

    def describe(klass)
      id = @endpoint.codec.handle(klass)
      return { "id" => id } if @described[id]

      @described[id] = true
      name = MODULE_NAME.bind_call(klass)
      solution = !name.nil? && solution_constant?(name)
      is_class = klass.instance_of?(Class)
      {
        "id" => id, "name" => name, "kind" => is_class ? "class" : "module", "solution" => solution,
        "exc" => is_class && klass <= Exception ? core_ancestor(klass).name : nil,
        "methods" => solution ? own_methods(klass) : [],
        "super" => solution && is_class && solution_class?(klass.superclass) ? describe(klass.superclass) : nil,
      }
    end

    def where(error)
      location = Array(error.backtrace_locations).find { |l| l.absolute_path.to_s.start_with?("#{SOLUTION}/") }
      location && "#{location.absolute_path.delete_prefix("#{SOLUTION}/")}:#{location.lineno}"
    end

    def stand_in(id, description)
      if description.is_a?(Hash) && description["name"] == "Proc"
        endpoint = @endpoint
        return proc { |*args, **kwargs| endpoint.request("call", handle: id, name: "call", args: args, kwargs: kwargs) }
      end
      TesterObject.new(@endpoint, id)
    end

    def stand_in_class(description)
      TesterObject.new(@endpoint, description.is_a?(Hash) ? description["id"] : nil)
    end

    def exception(description, message, where)
      name = description.is_a?(Hash) ? description["name"] : nil
      Exceptions.build(Exceptions.named(name), message, where)
    end

    private

    def name(frame)
      frame["n"].is_a?(String) ? frame["n"] : raise(ProtocolError, "a request without a name")
    end

    def target(handle)
      handle.nil? ? TOPLEVEL_BINDING.receiver : @endpoint.codec.object(handle)
    end

    # Loads one of the solution's files; answers with what it defined at the top level.
    def load_solution(path)
      file = File.expand_path("#{path.delete_suffix(".rb")}.rb", SOLUTION)
      raise LoadError, "cannot load such file -- #{path}" unless file.start_with?("#{SOLUTION}/") && File.file?(file)

      constants = Object.constants
      methods = Object.private_instance_methods(false)
      require file
      @top_methods.merge(Object.private_instance_methods(false) - methods)
      added = (Object.constants - constants).select { |c| solution_constant?(c.to_s) }
      { "constants" => added.to_h { |c| [c.to_s, Object.const_get(c)] },
        "methods" => (Object.private_instance_methods(false) - methods).map(&:to_s) }
    end

    def call(handle, name, args, kwargs, block)
      if handle.nil?
        # A top-level method of the solution's (private on Object), and only those.
        raise NoMethodError, "undefined method '#{name}'" unless @top_methods.include?(name.to_sym)

        TOPLEVEL_BINDING.receiver.send(name, *args, **kwargs, &block)
      else
        target = @endpoint.codec.object(handle)
        # A BasicObject has no public_send; this process is the candidate's own, so __send__ serves it.
        return target.__send__(name, *args, **kwargs, &block) unless KERNEL_OBJECT.bind_call(Kernel, target)

        PUBLIC_SEND.bind_call(target, name, *args, **kwargs, &block)
      end
    end

    def constant(handle, name)
      owner = handle.nil? ? Object : @endpoint.codec.object(handle)
      raise TypeError, "not a module" unless owner.is_a?(Module)

      owner.const_get(name, false)
    end

    # Where one test's output ends: the harness cuts the solution's output at this line.
    def mark(marker)
      $stdout.flush
      $stderr.flush
      @mark.write(marker)
      @mark.flush
      nil
    end

    # Defined first in a solution file: a library the solution required (Rack) stays a library, and its
    # objects cross as plain handles.
    def solution_constant?(name)
      Object.const_source_location(name)&.first.to_s.start_with?("#{SOLUTION}/")
    rescue NameError, ArgumentError
      false
    end

    def solution_class?(klass)
      name = klass && MODULE_NAME.bind_call(klass)
      !name.nil? && solution_constant?(name)
    end

    def core_ancestor(klass)
      klass.ancestors.find { |a| a.instance_of?(Class) && @before.include?(a) }
    end

    def own_methods(klass)
      klass.public_instance_methods.reject { |m| @before.include?(klass.instance_method(m).owner) }.map(&:to_s)
    end
  end
end

$stdout.sync = true
$stderr.sync = true
io = Socket.for_fd(Integer(ARGV.fetch(0)))
agent = Assay::Agent.new(io)
# The harness writes one line once the solution is in place (a warm sandbox waits here).
$stdin.gets
agent.run
