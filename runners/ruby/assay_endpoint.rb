# One end of the boundary: requests {"op", "h", "n", "a", "k", "b"} answered by {"ok": value} or
# {"err": exception}. While a call waits for its answer it serves the peer's requests (a block or a
# callback the solution calls), nested as in one process. Calls are made one at a time (a Monitor).
require "monitor"
require "set"
require_relative "assay_codec"

module Assay
  class Endpoint
    attr_reader :codec
    # Runs as each outermost call settles, answered or raised (the tests' side re-raises there).
    attr_accessor :on_settle

    # `server` answers the peer's requests: #serve(op, frame) returns a value to encode. `refused`: method
    # names a stand-in never forwards (the tests' side answers those itself).
    def initialize(io, side, server, refused: Set.new)
      @wire = Wire.new(io)
      @codec = Codec.new(side)
      @server = server
      @refused = refused
      @lock = Monitor.new
    end

    # A call of a stand-in, made on the object it stands for.
    def forward(handle, name, args, kwargs, block)
      raise NoMethodError, "#{name} is answered by the tests, not the solution" if @refused.include?(name.to_s)

      request("call", handle: handle, name: name.to_s, args: args, kwargs: kwargs, block: block)
    end

    def forward_respond(handle, name)
      !@refused.include?(name.to_s) && request("respond", handle: handle, name: name.to_s) == true
    end

    def request(op, handle: nil, name: nil, args: [], kwargs: {}, block: nil)
      @lock.synchronize do
        @depth = (@depth || 0) + 1
        # A malformed frame leaves the stream out of step: no later answer could be trusted to be its own.
        raise PeerGone, "the connection to the other process broke: #{@broken}" if @broken

        exchange(op, handle, name, args, kwargs, block)
      rescue ProtocolError => e
        @broken = e.message
        raise
      ensure
        @depth -= 1
        @on_settle&.call if @depth.zero?
      end
    end

    # Serves requests until the peer closes its end.
    def serve_forever
      @lock.synchronize do
        while (frame = @wire.read)
          serve(frame)
        end
      end
    end

    private

    def exchange(op, handle, name, args, kwargs, block)
      @wire.write({ "op" => op, "h" => handle, "n" => name, "a" => @codec.encode(args),
                    "k" => @codec.encode(kwargs), "b" => block && @codec.encode(block) })
      loop do
        frame = @wire.read or raise PeerGone, "the solution's process has ended"
        if frame.key?("op") then serve(frame)
        elsif frame.keys == ["ok"] then return @codec.decode(frame["ok"])
        elsif frame.keys == ["err"] then raise_from(frame["err"])
        else raise ProtocolError, "a frame that is neither a request nor a reply"
        end
      end
    end

    def serve(frame)
      reply = begin
        { "ok" => @codec.encode(@server.serve(frame["op"], frame)) }
      rescue PeerGone
        raise
      rescue Exception => e # rubocop:disable Lint/RescueException - a solution's exit or crash is an answer too
        { "err" => @codec.encode_exception(e) }
      end
      @wire.write(reply)
    end

    def raise_from(value)
      error = @codec.decode(value)
      raise ProtocolError, "an error that is not an exception" unless error.is_a?(Exception)

      raise error
    end
  end

  # A stand-in's missing methods cross to the object it stands for (@__assay_endpoint, @__assay_handle).
  module Forwards
    def method_missing(name, *args, **kwargs, &block)
      @__assay_endpoint.forward(@__assay_handle, name, args, kwargs, block)
    end

    def respond_to_missing?(name, _include_private = false)
      @__assay_endpoint.forward_respond(@__assay_handle, name)
    end
  end
end
