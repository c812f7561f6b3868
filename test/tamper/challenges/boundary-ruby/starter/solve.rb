module Solve
  def self.total(xs)
    0
  end

  def self.evens(xs)
    []
  end

  def self.counts(text)
    {}
  end

  def self.pair(a, b)
    nil
  end

  def self.apply(fn, x)
    nil
  end
end
