module Clamp
  # `value`, limited to the range [low, high]; an empty range is an error.
  def self.clamp(value, low, high)
    raise ArgumentError, "low must not exceed high" if low > high

    [low, [value, high].min].max
  end
end
