require "calc"

RSpec.describe "add" do
  it("adds positive numbers") { expect(add(2, 3)).to eq(5) }
  it("adds negative numbers") { expect(add(-2, -3)).to eq(-5) }

  it "is slow but fine" do
    sleep 0.3
    expect(add(0, 0)).to eq(0)
  end
end
