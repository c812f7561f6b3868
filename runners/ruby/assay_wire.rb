# Frames between the tests' process and the solution's: a 4-byte big-endian length, then a JSON object.
# JSON only, parsed strictly (no object creation, no NaN literals): the peer's bytes are data, never
# Marshal or YAML, whose loaders build objects of any class the bytes name.
require "json"

module Assay
  class ProtocolError < StandardError; end

  # The peer's process ended (or closed its end) while a call waited for it.
  class PeerGone < StandardError; end

  class Wire
    MAX_FRAME = 16 * 1024 * 1024
    PARSE = { create_additions: false, allow_nan: false, max_nesting: 200, symbolize_names: false }.freeze

    def initialize(io)
      @io = io
      @io.binmode
      @io.sync = true
    end

    def write(message)
      data = JSON.generate(message, allow_nan: false).b
      raise ProtocolError, "a frame of #{data.bytesize} bytes is over the limit" if data.bytesize > MAX_FRAME

      @io.write([data.bytesize].pack("N") + data)
    rescue Errno::EPIPE, Errno::ECONNRESET, IOError
      raise PeerGone, "the other process has ended"
    end

    # The next frame as a Hash, or nil at the end of the stream.
    def read
      head = read_exactly(4)
      return nil if head.nil?

      length = head.unpack1("N")
      raise ProtocolError, "a frame of #{length} bytes is over the limit" if length > MAX_FRAME

      body = read_exactly(length) or raise ProtocolError, "a truncated frame"
      message = JSON.parse(body.force_encoding(Encoding::UTF_8), PARSE)
      raise ProtocolError, "a frame that is not a JSON object" unless message.instance_of?(Hash)

      message
    rescue JSON::ParserError, EncodingError => e
      raise ProtocolError, "a malformed frame: #{e.class}"
    end

    private

    def read_exactly(count)
      data = "".b
      while data.bytesize < count
        chunk = @io.read(count - data.bytesize)
        return nil if chunk.nil? || chunk.empty?

        data << chunk
      end
      data
    rescue Errno::ECONNRESET, IOError
      nil
    end
  end
end
