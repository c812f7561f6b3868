require "calc"

RSpec.describe "add (sample)" do
  it("adds") { expect(add(1, 2)).to eq(3) }
end
