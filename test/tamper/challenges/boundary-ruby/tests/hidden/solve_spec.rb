# eq, == and raise_error, as challenge authors write them: what the boundary must keep honest.
require "solve"

RSpec.describe "Solve" do
  it "totals" do
    expect(Solve.total([1, 2, 3])).to eq(6)
  end

  it "keeps the evens" do
    expect(Solve.evens([4, 1, 2, 3]).sort).to eq([2, 4])
  end

  it "counts" do
    expect(Solve.counts("aab")).to eq({ "a" => 2, "b" => 1 })
    expect(Solve.counts("xyz").size).to eq(3)
  end

  it "pairs" do
    expect(Solve.pair(3, 4) == [3, 4]).to be(true)
  end

  it "applies a block" do
    expect(Solve.apply(->(v) { v * 2 }, 21)).to eq(42)
  end

  it "rejects nil" do
    expect { Solve.total(nil) }.to raise_error(ArgumentError, "xs is required")
  end
end
