"""Books API: to be written. Every request but GET /healthz is answered 501 for now.

Keep this file (Flask, or Python's http.server), or delete it and write server.js (Node's http) instead.
"""
import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return "ok"


@app.route("/<path:path>", methods=["GET", "POST", "PATCH", "PUT", "DELETE"])
def not_implemented(path):
    response = jsonify(type="about:blank", title="Not Implemented", status=501, detail=f"/{path} is not written yet")
    response.status_code = 501
    response.content_type = "application/problem+json"
    return response


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)
