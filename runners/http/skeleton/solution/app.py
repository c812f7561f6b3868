from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.get("/clamp")
def clamp():
    value, low, high = (request.args.get(k, type=int) for k in ("value", "low", "high"))
    if None in (value, low, high) or low > high:
        return jsonify(error="value, low and high are integers, low <= high"), 400
    return {"result": max(low, min(value, high))}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
