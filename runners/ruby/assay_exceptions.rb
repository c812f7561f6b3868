# Exceptions that cross the boundary are rebuilt from a class description and a message: a core Ruby
# class by its name (only those that exist before any test library or solution is loaded), anything else
# as a StandardError subclass of the same name, made on demand. No peer can make this side raise one of
# its own test framework's classes, or a class the peer defines itself.
module Assay
  module Exceptions
    NAME = /\A[A-Z]\w*(::[A-Z]\w*)*\z/

    # Taken once, at boot, before RSpec or a solution is loaded.
    def self.snapshot!
      @core = ObjectSpace.each_object(Class).select { |c| c < StandardError && c.name&.match?(NAME) }
                         .to_h { |c| [c.name, c] }.freeze
      @made = {}
    end

    def self.core(name)
      @core.fetch(name, nil)
    end

    # A class of the given name, core when Ruby has it, else made here (and the same one next time).
    def self.named(name, base = StandardError)
      name = "RemoteError" unless name.is_a?(String) && name.match?(NAME)
      core(name) || (@made[name] ||= label(Class.new(base), name))
    end

    # Names a class made here as the peer names it, in messages too (Exception#inspect ignores #name).
    def self.label(klass, name)
      %i[name to_s inspect].each { |m| klass.define_singleton_method(m) { name } }
      klass.define_method(:inspect) { "#<#{name}: #{message}>" } if klass < Exception
      klass
    end

    # An exception of `klass` with the peer's message, and where in the solution it was raised.
    def self.build(klass, message, where)
      error = klass.new(message)
      where = nil unless where.is_a?(String) && where.bytesize < 512
      error.instance_variable_set(:@assay_where, where)
      # Where the solution raised it, not this side's frames that rebuilt it.
      error.set_backtrace(where ? [where] : [])
      error
    rescue ArgumentError, TypeError
      named(klass.name.to_s).new(message)
    end

    def self.where(error)
      error.instance_variable_get(:@assay_where)
    end
  end
end
