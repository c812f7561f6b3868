"""Tasks API, described by openapi.yaml beside it: every answer, errors included, is one the document lists."""
import os
import threading

from flask import Flask, Response, jsonify, request

PRIORITIES = ("low", "normal", "high")
HERE = os.path.dirname(os.path.abspath(__file__))

app = Flask(__name__)
lock = threading.Lock()
tasks = {}  # id -> task
next_id = [1]


class Problem(Exception):
    def __init__(self, status, title, detail):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@app.errorhandler(Problem)
def problem_response(err):
    response = jsonify(type="about:blank", title=err.title, status=err.status, detail=err.detail)
    response.status_code = err.status
    response.content_type = "application/problem+json"
    return response


@app.errorhandler(404)
@app.errorhandler(405)
def http_error(err):
    return problem_response(Problem(err.code, err.name, err.description))


def invalid(detail):
    return Problem(422, "Unprocessable Content", detail)


def valid_title(value):
    return isinstance(value, str) and 1 <= len(value) <= 200


def body_fields(allowed):
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise invalid("the body must be a JSON object")
    unknown = set(body) - set(allowed)
    if unknown:
        raise invalid(f"unknown fields: {', '.join(sorted(unknown))}")
    return body


def check_fields(body):
    if "title" in body and not valid_title(body["title"]):
        raise invalid("title must be a string of 1 to 200 characters")
    if "priority" in body and body["priority"] not in PRIORITIES:
        raise invalid("priority must be low, normal or high")
    if "done" in body and not isinstance(body["done"], bool):
        raise invalid("done must be a boolean")


def find(task_id):
    task = tasks.get(task_id)
    if task is None:
        raise Problem(404, "Not Found", "no such task")
    return task


@app.get("/healthz")
def healthz():
    return "ok"


@app.get("/openapi.yaml")
def document():
    with open(os.path.join(HERE, "openapi.yaml"), encoding="utf-8") as f:
        return Response(f.read(), content_type="application/yaml")


@app.post("/tasks")
def create_task():
    body = body_fields(("project", "title", "priority"))
    project = body.get("project")
    if not (isinstance(project, str) and 1 <= len(project) <= 40):
        raise invalid("project must be a string of 1 to 40 characters")
    if "title" not in body:
        raise invalid("title is required")
    check_fields(body)
    with lock:
        task = {"id": next_id[0], "project": project, "title": body["title"],
                "priority": body.get("priority", "normal"), "done": False}
        tasks[task["id"]] = task
        next_id[0] += 1
    response = jsonify(task)
    response.status_code = 201
    response.headers["Location"] = f"/tasks/{task['id']}"
    return response


@app.get("/tasks")
def list_tasks():
    project = request.args.get("project")
    if not project:
        raise Problem(400, "Bad Request", "the project parameter is required")
    done = request.args.get("done")
    if done not in (None, "true", "false"):
        raise Problem(400, "Bad Request", "done must be true or false")
    with lock:
        items = [t for _, t in sorted(tasks.items()) if t["project"] == project
                 and (done is None or t["done"] == (done == "true"))]
    return jsonify(items=items)


@app.get("/tasks/<int:task_id>")
def read_task(task_id):
    with lock:
        return jsonify(find(task_id))


@app.patch("/tasks/<int:task_id>")
def update_task(task_id):
    with lock:
        task = find(task_id)
        body = body_fields(("title", "priority", "done"))
        if not body:
            raise invalid("send at least one of title, priority and done")
        check_fields(body)
        task.update(body)
        return jsonify(task)


@app.delete("/tasks/<int:task_id>")
def delete_task(task_id):
    with lock:
        find(task_id)
        del tasks[task_id]
    return "", 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)
