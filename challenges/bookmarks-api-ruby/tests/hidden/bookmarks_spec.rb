require "json"
require "rack/mock"
require "bookmarks_app"

RSpec.describe "BookmarksApp" do
  let(:app) { Rack::MockRequest.new(BookmarksApp.new) }

  def as(user, method, path, body = nil)
    env = { "HTTP_X_USER" => user, input: body.nil? ? "" : (body.is_a?(String) ? body : JSON.generate(body)) }
    env.delete("HTTP_X_USER") if user.nil?
    app.request(method, path, env)
  end

  def status(user, method, path)
    as(user, method, path).status
  end

  def json_of(response)
    JSON.parse(response.body)
  end

  def create(user, title = "Example", url = "https://example.com/#{title.downcase}")
    json_of(as(user, "POST", "/bookmarks", { url: url, title: title }))
  end

  describe "creating" do
    it "answers 201 with the bookmark and where it lives" do
      response = as("ada", "POST", "/bookmarks", { url: "https://ruby-lang.org", title: "  Ruby  " })
      expect(response.status).to eq(201)
      body = json_of(response)
      expect(body).to eq({ "id" => body["id"], "url" => "https://ruby-lang.org", "title" => "Ruby" })
      expect(body["id"]).to be_a(Integer)
      expect(response.headers["location"]).to eq("/bookmarks/#{body["id"]}")
      expect(response.headers["content-type"]).to eq("application/json")
    end

    it "refuses invalid fields with 422 and a message per field" do
      response = as("ada", "POST", "/bookmarks", { url: "ftp://example.com", title: "" })
      expect(response.status).to eq(422)
      expect(json_of(response)["errors"].keys).to contain_exactly("url", "title")
      long = as("ada", "POST", "/bookmarks", { url: "https://example.com", title: "x" * 101 })
      expect(long.status).to eq(422)
      expect(json_of(long)["errors"].keys).to eq(["title"])
      just_right = as("ada", "POST", "/bookmarks", { url: "http://example.com", title: "x" * 100 })
      expect(just_right.status).to eq(201)
      not_a_string = as("ada", "POST", "/bookmarks", { url: ["https://example.com"], title: 3 })
      expect(json_of(not_a_string)["errors"].keys).to contain_exactly("url", "title")
    end

    it "refuses a body that is not a JSON object with 400" do
      expect(as("ada", "POST", "/bookmarks", "{not json").status).to eq(400)
      expect(as("ada", "POST", "/bookmarks", "[1, 2]").status).to eq(400)
    end
  end

  describe "reading" do
    it "lists the user's bookmarks in the order they were made" do
      create("ada", "One")
      create("ada", "Two")
      response = as("ada", "GET", "/bookmarks")
      expect(response.status).to eq(200)
      expect(json_of(response).map { |b| b["title"] }).to eq(%w[One Two])
    end

    it "gets one bookmark, and 404 for one that does not exist" do
      made = create("ada", "One")
      expect(json_of(as("ada", "GET", "/bookmarks/#{made["id"]}"))).to eq(made)
      expect(as("ada", "GET", "/bookmarks/999").status).to eq(404)
    end
  end

  describe "deleting" do
    it "answers 204 and the bookmark is gone" do
      path = "/bookmarks/#{create("ada", "One")["id"]}"
      expect([status("ada", "DELETE", path), status("ada", "GET", path), status("ada", "DELETE", path)]).to eq([204, 404, 404])
    end
  end

  describe "users" do
    it "needs an X-User header" do
      expect(as(nil, "GET", "/bookmarks").status).to eq(401)
      expect(as(nil, "POST", "/bookmarks", { url: "https://example.com", title: "x" }).status).to eq(401)
    end

    it "never shows or lists another user's bookmarks" do
      mine = create("ada", "Mine")
      expect(json_of(as("grace", "GET", "/bookmarks"))).to eq([])
      expect(as("grace", "GET", "/bookmarks/#{mine["id"]}").status).to eq(404)
    end

    it "never deletes another user's bookmark" do
      path = "/bookmarks/#{create("ada", "Mine")["id"]}"
      expect(status("grace", "DELETE", path)).to eq(404)
      expect(status("ada", "GET", path)).to eq(200)
    end
  end

  describe "routes" do
    it "answers 405 with Allow for a method a path does not take, 404 for an unknown path" do
      response = as("ada", "PUT", "/bookmarks")
      expect(response.status).to eq(405)
      expect(response.headers["allow"]).to eq("GET, POST")
      made = create("ada", "One")
      expect(as("ada", "PATCH", "/bookmarks/#{made["id"]}").headers["allow"]).to eq("GET, DELETE")
      expect(as("ada", "GET", "/nothing").status).to eq(404)
    end
  end
end
