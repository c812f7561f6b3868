# The solution's classes, modules and objects as the tests see them: local stand-ins whose calls cross
# to the solution's process. What decides a comparison (==, eql?, equal?, ===, hash, nil?, is_a?, the
# matcher protocol) is never sent there: a stand-in answers those itself, by identity, so an object
# that claims to equal everything equals only itself here.
require "set"
require_relative "assay_endpoint"
require_relative "assay_exceptions"

module Assay
  DECIDING = %w[
    == != ! equal? eql? === =~ !~ hash nil? is_a? kind_of? instance_of? class respond_to? object_id __id__
    __send__ send public_send instance_variable_get instance_variable_set instance_variables instance_eval
    instance_exec method methods singleton_class extend define_singleton_method freeze frozen? dup clone
    itself then yield_self tap display matches? does_not_match? failure_message failure_message_when_negated
    supports_block_expectations? supports_value_expectations? diffable? expects_call_stack_jump? description
  ].to_set.freeze
  NAME = /\A[A-Z]\w*(::[A-Z]\w*)*\z/

  # An instance of one of the solution's classes; to_s and inspect are the solution's text.
  module StandInInstance
    include Forwards

    def to_s
      text = @__assay_endpoint.forward(@__assay_handle, :to_s, [], {}, nil)
      text.is_a?(String) ? text : super
    end

    def inspect
      text = @__assay_endpoint.forward(@__assay_handle, :inspect, [], {}, nil)
      text.is_a?(String) ? text : super
    end
  end

  # One of the solution's classes or modules: class methods and nested constants cross.
  module StandInModule
    include Forwards

    def const_missing(name)
      value = @__assay_endpoint.request("const", handle: @__assay_handle, name: name.to_s)
      const_set(name, value) unless value.is_a?(Module) && value.name != "#{self.name}::#{name}" && const_defined?(name, false)
      value
    end
  end

  # `new` of one of the solution's classes, made over there (an exception's stand-in is made here).
  module StandInConstructor
    def new(*args, **kwargs, &block)
      @__assay_endpoint.forward(@__assay_handle, :new, args, kwargs, block)
    end
  end

  # Any other object of the solution's side (a Set, a Proc, an anonymous class's instance).
  class RemoteObject < BasicObject
    include Forwards

    def initialize(endpoint, handle)
      @__assay_endpoint = endpoint
      @__assay_handle = handle
    end

    def respond_to?(name, include_private = false)
      respond_to_missing?(name, include_private)
    end

    # Answered here, as Object would for an object of this class: never by the solution.
    def class = ::Assay::RemoteObject
    def is_a?(mod) = ::Assay::RemoteObject <= mod
    alias kind_of? is_a?
    def instance_of?(mod) = ::Assay::RemoteObject.equal?(mod)
    def nil? = false
    def eql?(other) = equal?(other)
    def hash = __id__.hash
  end

  # Builds the stand-ins from the solution's class descriptions, checking each strictly.
  class StandIns
    def initialize
      @classes = {}
    end

    attr_writer :endpoint

    def instance(handle, description)
      return RemoteObject.new(@endpoint, handle) if description.nil?

      klass = stand_in_class(description)
      # Class === klass, not klass.is_a?: a class that is not the solution's is a RemoteObject here.
      return RemoteObject.new(@endpoint, handle) unless Class === klass && klass.include?(StandInInstance)

      object = klass.allocate
      object.instance_variable_set(:@__assay_endpoint, @endpoint)
      object.instance_variable_set(:@__assay_handle, handle)
      object
    end

    def stand_in_class(description)
      raise ProtocolError, "a class description that is not an object" unless description.is_a?(Hash)

      id = description["id"]
      raise ProtocolError, "a class without an id" unless id.is_a?(Integer)

      @classes[id] ||= build(id, checked(description))
    end

    def exception_class(description)
      klass = stand_in_class(description)
      Class === klass && klass < Exception ? klass : Exceptions.named(description["name"])
    end

    private

    def checked(d)
      ok = d["name"].nil? || (d["name"].is_a?(String) && d["name"].match?(NAME))
      ok &&= %w[class module].include?(d["kind"]) && [true, false].include?(d["solution"])
      ok &&= d["exc"].nil? || d["exc"].is_a?(String)
      ok &&= d["methods"].is_a?(Array) && d["methods"].all?(String) && d["methods"].size < 10_000
      ok &&= d["super"].nil? || d["super"].is_a?(Hash)
      raise ProtocolError, "a malformed class description" unless ok

      d
    end

    def build(id, d)
      return foreign(id, d) unless d["solution"] && d["name"]

      klass = if d["kind"] == "module" then Module.new
              elsif d["exc"] then Class.new(d["super"] ? exception_class(d["super"]) : Exceptions.core(d["exc"]) || StandardError)
              else Class.new(d["super"] ? stand_in_class(d["super"]) : Object).tap { |c| c.include(StandInInstance) }
              end
      klass = Exceptions.label(klass, d["name"])
      klass.extend(StandInModule)
      klass.instance_variable_set(:@__assay_endpoint, @endpoint)
      klass.instance_variable_set(:@__assay_handle, id)
      return klass if d["exc"]

      klass.extend(StandInConstructor) if Class === klass
      forward(klass, d["methods"])
      klass
    end

    # A class that is not the solution's: a core exception by name, else a plain handle.
    def foreign(id, d)
      return Exceptions.named(d["name"].to_s) if d["exc"]

      RemoteObject.new(@endpoint, id)
    end

    # The solution's public methods, defined on the stand-in so that they win over Object's own.
    def forward(klass, names)
      names.reject { |n| DECIDING.include?(n) }.each do |name|
        klass.define_method(name) do |*args, **kwargs, &block|
          @__assay_endpoint.forward(@__assay_handle, name, args, kwargs, block)
        end
      end
    end
  end
end
