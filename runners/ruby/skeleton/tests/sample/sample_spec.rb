require "clamp"

RSpec.describe "Clamp.clamp (sample)" do
  it "keeps a value inside the range" do
    expect(Clamp.clamp(5, 0, 10)).to eq(5)
  end
end
