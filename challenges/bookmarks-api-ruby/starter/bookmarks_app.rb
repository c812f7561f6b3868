require "json"

# A Rack application serving each user's bookmarks: the user is the X-User header.
class BookmarksApp
  def call(env)
    [501, { "content-type" => "application/json" }, [JSON.generate({ "error" => "not implemented" })]]
  end
end
