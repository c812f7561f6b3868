from flask import Flask

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}


# GET /clamp?value=&low=&high= answers {"result": value limited to [low, high]}, and 400 for an empty range.

if __name__ == "__main__":
    app.run(port=8080, host="127.0.0.1")
