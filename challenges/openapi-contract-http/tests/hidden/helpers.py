"""What the tests share: the server's own OpenAPI document, and the checks of real answers against it."""
import copy
import json
import os
import uuid
from urllib.parse import urljoin

import jsonschema
import requests
import yaml

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
TIMEOUT_S = 5
HERE = os.path.dirname(os.path.abspath(__file__))

# The statement's operations and the statuses each must document by their own code.
OPERATIONS = {
    ("get", "/tasks"): ("200", "400"),
    ("post", "/tasks"): ("201", "422"),
    ("get", "/tasks/{id}"): ("200", "404"),
    ("patch", "/tasks/{id}"): ("200", "404", "422"),
    ("delete", "/tasks/{id}"): ("204", "404"),
}


def url(path):
    return BASE + path


def call(method, path, **kwargs):
    return requests.request(method, url(path), timeout=TIMEOUT_S, **kwargs)


def new_project():
    return "p-" + uuid.uuid4().hex[:16]


def the_document():
    """The document the server serves: at /openapi.yaml, or else at /openapi.json."""
    response = call("GET", "/openapi.yaml")
    if response.status_code == 404:
        response = call("GET", "/openapi.json")
    assert response.status_code == 200, f"GET /openapi.yaml (or /openapi.json) answered {response.status_code}"
    document = yaml.safe_load(response.text)
    assert isinstance(document, dict) and isinstance(document.get("openapi"), str), \
        "the document is not a YAML or JSON object with an openapi version"
    assert document["openapi"].startswith(("3.0.", "3.1.")), f"openapi {document['openapi']!r} is neither 3.0 nor 3.1"
    outside = _references_outside(document)
    assert not outside, f"the document is not self-contained: {outside[:3]}"
    return document


def _references_outside(node):
    """Every $ref that is not local and every $id: the schemas are read within the document alone, never
    from a URL or a file."""
    if isinstance(node, list):
        return [found for value in node for found in _references_outside(value)]
    if not isinstance(node, dict):
        return []
    found = [f"$id {node['$id']!r}"] if "$id" in node else []
    if isinstance(node.get("$ref"), str) and not node["$ref"].startswith("#"):
        found.append(f"$ref {node['$ref']!r}")
    return found + [f for value in node.values() for f in _references_outside(value)]


def openapi_errors(document):
    """Where the document breaks the OpenAPI Initiative's JSON Schema of its version, the first few."""
    version = "3.0" if document["openapi"].startswith("3.0.") else "3.1"
    with open(os.path.join(HERE, f"oas-{version}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft4Validator if version == "3.0" else jsonschema.Draft202012Validator
    errors = sorted(cls(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:3]]


def _escape(key):
    return str(key).replace("~", "~0").replace("/", "~1")


def _pointed(document, pointer):
    node = document
    for part in pointer.lstrip("/").split("/") if pointer else []:
        part = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"the document has no #{pointer}"
        node = node[part]
    return node


def follow(document, node, pointer):
    """The node and its JSON pointer, past any local $ref (a reference object)."""
    seen = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        assert ref.startswith("#") and ref not in seen, f"only acyclic local references are followed: {ref}"
        seen.add(ref)
        pointer = ref[1:]
        node = _pointed(document, pointer)
    return node, pointer


def _templated(path):
    """/tasks/{taskId} and /tasks/{id} name the same path."""
    return "/".join("{}" if part.startswith("{") and part.endswith("}") else part for part in path.split("/"))


def operation(document, method, template):
    """The operation object, its pointer, and its parameters (the path item's and its own)."""
    paths = document.get("paths") or {}
    for path, item in paths.items():
        if _templated(path) == _templated(template):
            item, item_pointer = follow(document, item, "/paths/" + _escape(path))
            assert method in item, f"the document has no {method.upper()} {template}"
            op_pointer = f"{item_pointer}/{method}"
            parameters = {}
            for where, owner in ((item_pointer, item), (op_pointer, item[method])):
                for i, parameter in enumerate(owner.get("parameters") or []):
                    parameter, pointer = follow(document, parameter, f"{where}/parameters/{i}")
                    parameters[(parameter.get("in"), parameter.get("name"))] = (parameter, pointer)
            return item[method], op_pointer, parameters
    raise AssertionError(f"the document has no path {template}")


def _as_json_schema(document):
    """OpenAPI 3.0's `nullable: true` is JSON Schema's null type; 3.1's schemas are JSON Schema already."""
    if document["openapi"].startswith("3.1."):
        return document
    def convert(node):
        if isinstance(node, dict):
            node = {k: convert(v) for k, v in node.items()}
            if node.get("nullable") is True and isinstance(node.get("type"), str):
                node["type"] = [node["type"], "null"]
            return node
        if isinstance(node, list):
            return [convert(v) for v in node]
        return node
    return convert(copy.deepcopy(document))


def validator(document, pointer):
    """A validator of the schema at `pointer`, whose $refs resolve in the document itself."""
    cls = jsonschema.Draft4Validator if document["openapi"].startswith("3.0.") else jsonschema.Draft202012Validator
    return cls({**_as_json_schema(document), "$ref": "#" + pointer})


def accepts(document, pointer, instance):
    return validator(document, pointer).is_valid(instance)


def response_pointer(document, method, template, status, media_type):
    """The pointer of the schema documented for `status` as `media_type`, or why there is none."""
    op, op_pointer, _ = operation(document, method, template)
    responses = op.get("responses") or {}
    assert status in responses, f"the document lists no {status} for {method.upper()} {template}"
    response, pointer = follow(document, responses[status], f"{op_pointer}/responses/{status}")
    content = response.get("content") or {}
    assert media_type in content, \
        f"{method.upper()} {template} {status} is documented as {sorted(content) or 'no content'}, not {media_type}"
    media, pointer = follow(document, content[media_type], f"{pointer}/content/{_escape(media_type)}")
    assert "schema" in media, f"{method.upper()} {template} {status} {media_type} has no schema"
    return f"{pointer}/schema"


def request_pointer(document, method, template):
    op, op_pointer, _ = operation(document, method, template)
    assert "requestBody" in op, f"{method.upper()} {template} documents no request body"
    body, pointer = follow(document, op["requestBody"], f"{op_pointer}/requestBody")
    media = (body.get("content") or {}).get("application/json")
    assert media is not None and "schema" in media, f"{method.upper()} {template} documents no application/json body"
    return f"{pointer}/content/application~1json/schema"


def check(document, method, template, response, status):
    """The answer has the status the statement asks for, documented for the operation, and a body that
    validates against the schema the document gives for that status and content type."""
    what = f"{method.upper()} {response.request.path_url}"
    assert response.status_code == int(status), \
        f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"
    op, op_pointer, _ = operation(document, method, template)
    responses = op.get("responses") or {}
    assert status in responses, f"{what} answered {status}, which the document does not list for {method.upper()} {template}"
    if not response.content:
        documented, _ = follow(document, responses[status], f"{op_pointer}/responses/{status}")
        assert not documented.get("content"), f"{what} answered {status} with no body; the document promises one"
        return None
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body = response.json()
    errors = list(validator(document, response_pointer(document, method, template, status, media_type)).iter_errors(body))
    assert not errors, f"{what} {status}: the body does not match its documented schema: " + \
        jsonschema.exceptions.best_match(errors).message
    return body


def created(document, project, title, **fields):
    response = call("POST", "/tasks", json={"project": project, "title": title, **fields})
    task = check(document, "post", "/tasks", response, "201")
    location = response.headers.get("Location")
    assert location is not None and urljoin(BASE + "/", location) == url(f"/tasks/{task['id']}"), \
        f"201 with Location {location!r}, not the task's URL /tasks/{task['id']}"
    return task
