require "clamp"

RSpec.describe "Clamp.clamp" do
  it "keeps a value inside the range" do
    expect(Clamp.clamp(5, 0, 10)).to eq(5)
  end

  it "limits a value outside the range" do
    expect([Clamp.clamp(-3, 0, 10), Clamp.clamp(42, 0, 10)]).to eq([0, 10])
  end

  it "rejects an empty range" do
    expect { Clamp.clamp(1, 10, 0) }.to raise_error(ArgumentError, "low must not exceed high")
  end
end
