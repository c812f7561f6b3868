# Values across the boundary ("The Ruby boundary" in docs/runner-contract.md). nil, true, false, Integer,
# finite Float and UTF-8 String are JSON's own; an Array is a JSON list; anything else is an object tagged
# by "#". An object of any other class, or of a subclass of these, crosses as a handle: the receiver gets a
# stand-in whose calls come back here. The decoder accepts exactly these shapes and nothing else.
require "base64"
require_relative "assay_wire"

module Assay
  class Codec
    MAX_DEPTH = 64
    FLOATS = { "NaN" => Float::NAN, "Infinity" => Float::INFINITY, "-Infinity" => -Float::INFINITY }.freeze

    # `side` builds stand-ins for the peer's handles and describes this side's classes
    # (#stand_in(id, description), #describe(klass), #exception_class(description)).
    def initialize(side)
      @side = side
      @objects = {}
      @ids = {}.compare_by_identity
      @stand_ins = {}
      @owned = {}.compare_by_identity
    end

    def encode(value, depth = 0)
      raise ProtocolError, "a value nested more than #{MAX_DEPTH} levels deep" if depth > MAX_DEPTH

      # A stand-in of the peer's object goes back as that object (identity lookup: no method of it runs).
      if (id = @owned[value]) then return { "#" => "y", "v" => id } end

      # The class through Kernel's own method: a value may redefine its class, ==, instance_of?...
      klass = class_of(value)
      if klass.nil? then { "#" => "h", "v" => handle(value), "c" => nil }
      elsif NilClass == klass || TrueClass == klass || FalseClass == klass || Integer == klass then value
      elsif Float == klass then value.finite? ? value : { "#" => "f", "v" => value.nan? ? "NaN" : (value.positive? ? "Infinity" : "-Infinity") }
      elsif String == klass then string(value)
      elsif Symbol == klass then { "#" => "sym", "v" => value.to_s }
      elsif Array == klass then value.map { |item| encode(item, depth + 1) }
      elsif Hash == klass then { "#" => "hash", "v" => value.map { |k, v| [encode(k, depth + 1), encode(v, depth + 1)] } }
      elsif Time == klass then { "#" => "time", "s" => value.to_i, "n" => value.nsec, "o" => value.utc_offset }
      elsif klass <= Exception then encode_exception(value, depth)
      elsif klass <= Module then { "#" => "cls", "d" => @side.describe(value) }
      else { "#" => "h", "v" => handle(value), "c" => @side.describe(klass) }
      end
    end

    def encode_exception(error, depth = 0)
      klass = CLASS_OF.bind_call(error)
      message = begin
        String(error.message)
      rescue StandardError
        klass.name.to_s
      end
      { "#" => "E", "c" => @side.describe(klass), "m" => string(message), "w" => @side.where(error) }
    end

    def decode(value, depth = 0)
      raise ProtocolError, "a value nested more than #{MAX_DEPTH} levels deep" if depth > MAX_DEPTH

      case value
      when nil, true, false, Integer, Float then value
      when String then value.valid_encoding? ? value : raise(ProtocolError, "a string that is not UTF-8")
      when Array then value.map { |item| decode(item, depth + 1) }
      when Hash then tagged(value, depth)
      else raise ProtocolError, "a value of type #{value.class}"
      end
    end

    def object(id)
      @objects.fetch(id) { raise ProtocolError, "an unknown handle #{id}" }
    end

    def handle(object)
      @ids[object] ||= (@objects[@objects.size + 1] = object
                        @objects.size)
    end

    CLASS_OF = Kernel.instance_method(:class)

    private

    # nil for a BasicObject, which has no Kernel: it crosses as a handle of no known class.
    def class_of(value)
      CLASS_OF.bind_call(value)
    rescue TypeError
      nil
    end

    def string(text)
      text = text.dup.force_encoding(Encoding::UTF_8) if text.encoding != Encoding::UTF_8
      text.valid_encoding? ? String.new(text) : { "#" => "b", "v" => Base64.strict_encode64(text) }
    end

    def tagged(value, depth)
      case [value["#"], value.size]
      in ["f", 2] then FLOATS.fetch(text(value, "v")) { raise ProtocolError, "an unknown float" }
      in ["b", 2] then Base64.strict_decode64(text(value, "v"))
      in ["sym", 2] then text(value, "v").to_sym
      in ["hash", 2] then pairs(value, depth)
      in ["time", 4] then Time.at(int(value, "s"), int(value, "n"), :nsec, in: int(value, "o"))
      in ["y", 2] then object(int(value, "v"))
      in ["h", 3] then stand_in(int(value, "v"), value["c"])
      in ["cls", 2] then @side.stand_in_class(value["d"])
      in ["E", 4] then @side.exception(value["c"], text(value, "m"), value["w"])
      else raise ProtocolError, "an unknown value tag"
      end
    rescue ArgumentError => e
      raise ProtocolError, "a malformed value: #{e.message}"
    end

    # One stand-in per handle (no method of it runs here: it may be a BasicObject that forwards them all).
    def stand_in(id, description)
      known = @stand_ins[id]
      return known unless known.nil?

      made = @side.stand_in(id, description)
      @owned[made] = id
      @stand_ins[id] = made
    end

    def pairs(value, depth)
      items = value["v"]
      raise ProtocolError, "a hash that is not a list of pairs" unless items.instance_of?(Array)

      items.each_with_object({}) do |pair, hash|
        raise ProtocolError, "a hash entry that is not a pair" unless pair.instance_of?(Array) && pair.size == 2

        hash[decode(pair[0], depth + 1)] = decode(pair[1], depth + 1)
      end
    end

    def text(value, key)
      value[key].instance_of?(String) ? value[key] : raise(ProtocolError, "#{key} is not a string")
    end

    def int(value, key)
      value[key].instance_of?(Integer) ? value[key] : raise(ProtocolError, "#{key} is not an integer")
    end
  end
end
