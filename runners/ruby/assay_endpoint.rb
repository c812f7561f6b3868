# One end of the boundary: requests {"q": id, "op", "h", "n", "a", "k", "b"} answered by {"r": id, "ok":
# value} or {"r": id, "err": exception}. One reader per end takes every frame off the socket: an answer
# goes to the thread that waits for it, a request is served on a thread of its own. So calls from several
# threads are in flight at once, and a callback the solution makes while a test's call waits (from any of
# its threads) is served while that call goes on waiting.
require "monitor"
require "set"
require_relative "assay_codec"

module Assay
  class Endpoint
    attr_reader :codec
    # Runs as each thread's outermost call settles, answered or raised (the tests' side re-raises there).
    attr_accessor :on_settle

    # `server` answers the peer's requests: #serve(op, frame) returns a value to encode. `refused`: method
    # names a stand-in never forwards (the tests' side answers those itself).
    def initialize(io, side, server, refused: Set.new)
      @wire = Wire.new(io)
      @codec = Codec.new(side)
      @server = server
      @refused = refused
      # The codec's tables and the socket's writes, each one thread at a time.
      @codec_lock = Monitor.new
      @write_lock = Mutex.new
      @waiting = {}
      @waiting_lock = Mutex.new
      @next_id = 0
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
      depth = Thread.current[:assay_depth] = (Thread.current[:assay_depth] || 0) + 1
      answer = Queue.new
      id = @waiting_lock.synchronize do
        # A malformed frame leaves the stream out of step: no later answer could be trusted to be its own.
        raise PeerGone, "the connection to the other process broke: #{@broken}" if @broken

        @waiting[@next_id += 1] = answer
        @next_id
      end
      encoded = @codec_lock.synchronize { [@codec.encode(args), @codec.encode(kwargs), block && @codec.encode(block)] }
      write({ "q" => id, "op" => op, "h" => handle, "n" => name, "a" => encoded[0], "k" => encoded[1], "b" => encoded[2] })
      settle(answer.pop)
    ensure
      @waiting_lock.synchronize { @waiting.delete(id) } if id
      Thread.current[:assay_depth] = depth - 1
      @on_settle&.call if depth == 1 && !Thread.current[:assay_serving]
    end

    # The peer's value as this side's (the servers' request arguments).
    def decode(value)
      @codec_lock.synchronize { @codec.decode(value) }
    end

    # Reads every frame until the peer closes its end (or sends a malformed one); then every call still
    # waiting ends with PeerGone.
    def read_all
      while (frame = @wire.read)
        if frame["op"].is_a?(String) && frame["q"].is_a?(Integer) then Thread.new(frame) { |f| serve(f, serving: true) }
        elsif frame["r"].is_a?(Integer) && frame.size == 2 && (frame.key?("ok") || frame.key?("err")) then deliver(frame)
        else raise ProtocolError, "a frame that is neither a request nor a reply"
        end
      end
      stop("the other process has ended")
    rescue ProtocolError => e
      stop(e.message)
    end

    # The reader on a thread of its own (the tests' side, whose main thread runs RSpec).
    def start_reading
      Thread.new { read_all }
    end

    private

    def deliver(frame)
      answer = @waiting_lock.synchronize { @waiting[frame["r"]] }
      raise ProtocolError, "an answer to no call" if answer.nil?

      answer.push(frame)
    end

    def stop(reason)
      @waiting_lock.synchronize do
        @broken ||= reason
        @waiting.each_value { |answer| answer.push(nil) }
      end
    end

    def settle(frame)
      raise PeerGone, "the connection to the other process broke: #{@broken}" if frame.nil?

      return @codec_lock.synchronize { @codec.decode(frame["ok"]) } if frame.key?("ok")

      error = @codec_lock.synchronize { @codec.decode(frame["err"]) }
      raise ProtocolError, "an error that is not an exception" unless error.is_a?(Exception)

      raise error
    end

    def serve(frame, serving:)
      # A thread that serves the peer never settles: its calls are part of the call that is waiting.
      Thread.current[:assay_serving] = serving
      reply = begin
        { "r" => frame["q"], "ok" => encode(@server.serve(frame["op"], frame)) }
      rescue PeerGone
        return
      rescue Exception => e # rubocop:disable Lint/RescueException - a solution's exit or crash is an answer too
        { "r" => frame["q"], "err" => @codec_lock.synchronize { @codec.encode_exception(e) } }
      end
      write(reply)
    rescue PeerGone
      nil
    end

    def encode(value)
      @codec_lock.synchronize { @codec.encode(value) }
    end

    def write(message)
      @write_lock.synchronize { @wire.write(message) }
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
