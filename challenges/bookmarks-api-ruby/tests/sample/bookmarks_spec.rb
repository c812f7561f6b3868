require "json"
require "rack/mock"
require "bookmarks_app"

RSpec.describe "BookmarksApp (sample)" do
  it "creates a bookmark" do
    app = Rack::MockRequest.new(BookmarksApp.new)
    response = app.post("/bookmarks", "HTTP_X_USER" => "ada", input: JSON.generate({ url: "https://example.com", title: "Example" }))
    expect(response.status).to eq(201)
    expect(JSON.parse(response.body)).to include("url" => "https://example.com", "title" => "Example")
  end
end
