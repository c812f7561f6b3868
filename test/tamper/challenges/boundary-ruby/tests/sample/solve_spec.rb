# A sample: the hidden tests call every method of Solve the same way.
require "solve"

RSpec.describe "Solve (sample)" do
  it "totals" do
    expect(Solve.total([1, 2, 3])).to eq(6)
  end
end
