module Solve
  def self.total(xs)
    raise ArgumentError, "xs is required" if xs.nil?

    xs.sum
  end

  def self.evens(xs)
    xs.select(&:even?)
  end

  def self.counts(text)
    text.each_char.tally
  end

  def self.pair(a, b)
    [a, b]
  end

  def self.apply(fn, x)
    fn.call(x)
  end
end
