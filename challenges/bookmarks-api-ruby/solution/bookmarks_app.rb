require "json"
require "uri"

# A Rack application serving each user's bookmarks: the user is the X-User header.
class BookmarksApp
  MAX_TITLE = 100

  def initialize
    @bookmarks = {}
    @next_id = 0
  end

  def call(env)
    user = env["HTTP_X_USER"].to_s.strip
    return error(401, "missing X-User") if user.empty?

    case env["PATH_INFO"]
    when %r{\A/bookmarks/?\z} then collection(env, user)
    when %r{\A/bookmarks/(\d+)\z} then member(env, user, Integer(Regexp.last_match(1)))
    else error(404, "not found")
    end
  end

  private

  def collection(env, user)
    case env["REQUEST_METHOD"]
    when "GET" then json(200, @bookmarks.values.select { |b| b[:owner] == user }.map { |b| public_view(b) })
    when "POST" then create(env, user)
    else error(405, "method not allowed", "allow" => "GET, POST")
    end
  end

  def member(env, user, id)
    bookmark = @bookmarks[id]
    # Another user's bookmark is not found, never forbidden: its existence is not theirs to learn.
    return error(404, "not found") unless bookmark && bookmark[:owner] == user

    case env["REQUEST_METHOD"]
    when "GET" then json(200, public_view(bookmark))
    when "DELETE"
      @bookmarks.delete(id)
      [204, {}, []]
    else error(405, "method not allowed", "allow" => "GET, DELETE")
    end
  end

  def create(env, user)
    body = JSON.parse(env["rack.input"].read.to_s)
    return error(400, "the body must be a JSON object") unless body.is_a?(Hash)

    errors = validate(body)
    return json(422, { "errors" => errors }) unless errors.empty?

    @next_id += 1
    bookmark = { id: @next_id, owner: user, url: body["url"], title: body["title"].strip }
    @bookmarks[@next_id] = bookmark
    json(201, public_view(bookmark), "location" => "/bookmarks/#{@next_id}")
  rescue JSON::ParserError
    error(400, "the body must be JSON")
  end

  def validate(body)
    errors = {}
    url = body["url"]
    errors["url"] = "must be an http or https URL" unless url.is_a?(String) && http_url?(url)
    title = body["title"]
    if !title.is_a?(String) || title.strip.empty?
      errors["title"] = "is required"
    elsif title.strip.length > MAX_TITLE
      errors["title"] = "is longer than #{MAX_TITLE} characters"
    end
    errors
  end

  def http_url?(text)
    uri = URI.parse(text)
    %w[http https].include?(uri.scheme) && !uri.host.to_s.empty?
  rescue URI::InvalidURIError
    false
  end

  def public_view(bookmark)
    { "id" => bookmark[:id], "url" => bookmark[:url], "title" => bookmark[:title] }
  end

  def json(status, value, headers = {})
    [status, { "content-type" => "application/json" }.merge(headers), [JSON.generate(value)]]
  end

  def error(status, message, headers = {})
    json(status, { "error" => message }, headers)
  end
end
