# One end of the boundary: requests {"op", "h", "n", "a", "k", "b"} answered by {"ok": value} or
# {"err": exception}. While a call waits for its answer it serves the peer's requests (a block or a
# callback the solution calls), nested as in one process. Calls are made one at a time (a Monitor).
require "monitor"
require_relative "assay_codec"

module Assay
  class Endpoint
    attr_reader :codec
    # Runs as each outermost call settles, answered or raised (the tests' side re-raises there).
    attr_accessor :on_settle

    # `server` answers the peer's requests: #serve(op, frame) returns a value to encode.
    def initialize(io, side, server)
      @wire = Wire.new(io)
      @codec = Codec.new(side)
      @server = server
      @lock = Monitor.new
    end

    def request(op, handle: nil, name: nil, args: [], kwargs: {}, block: nil)
      @lock.synchronize do
        @depth = (@depth || 0) + 1
        exchange(op, handle, name, args, kwargs, block)
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
end
