"""The document: valid OpenAPI, every operation and status the statement lists, and exact schemas."""
from cases import INVALID_CREATES, INVALID_PATCHES, VALID_CREATES, VALID_PATCHES, VALID_TASK
from helpers import OPERATIONS, accepts, follow, openapi_errors, operation, request_pointer, response_pointer, the_document


def test_the_document_is_valid_openapi():
    document = the_document()
    errors = openapi_errors(document)
    assert not errors, f"not valid OpenAPI {document['openapi']}: " + "; ".join(errors)


def test_every_operation_is_documented():
    document = the_document()
    for method, template in OPERATIONS:
        _, _, parameters = operation(document, method, template)
        if template == "/tasks/{id}":
            path = [p for (where, _), (p, _) in parameters.items() if where == "path"]
            assert len(path) == 1 and path[0].get("required") is True, f"{method.upper()} {template}: one required path parameter"
    _, _, parameters = operation(document, "get", "/tasks")
    project, _ = parameters.get(("query", "project"), (None, None))
    assert project is not None and project.get("required") is True, "GET /tasks: project is a required query parameter"
    done, pointer = parameters.get(("query", "done"), (None, None))
    assert done is not None and not done.get("required"), "GET /tasks: done is an optional query parameter"
    assert accepts(document, pointer + "/schema", True) and not accepts(document, pointer + "/schema", "maybe"), \
        "GET /tasks: done is a boolean"
    for method in ("post", "patch"):
        op, pointer, _ = operation(document, method, "/tasks" if method == "post" else "/tasks/{id}")
        body, _ = follow(document, op.get("requestBody") or {}, pointer + "/requestBody")
        assert body.get("required") is True, f"{method.upper()}'s request body is required"
        request_pointer(document, method, "/tasks" if method == "post" else "/tasks/{id}")


def test_every_status_is_documented():
    document = the_document()
    for (method, template), statuses in OPERATIONS.items():
        op, _, _ = operation(document, method, template)
        for status in statuses:
            if status == "204":
                assert status in (op.get("responses") or {}), f"the document lists no 204 for {method.upper()} {template}"
                continue
            if status.startswith("2"):
                response_pointer(document, method, template, status, "application/json")
                continue
            pointer = response_pointer(document, method, template, status, "application/problem+json")
            problem = {"type": "about:blank", "title": "Refused", "status": int(status), "detail": "why"}
            assert accepts(document, pointer, problem), f"{method.upper()} {template} {status}: a problem document is refused"
            for missing in ("type", "title", "status", "detail"):
                assert not accepts(document, pointer, {k: v for k, v in problem.items() if k != missing}), \
                    f"{method.upper()} {template} {status}: the problem's {missing} is not required"
    op, pointer, _ = operation(document, "post", "/tasks")
    created, _ = follow(document, op["responses"]["201"], pointer + "/responses/201")
    assert "location" in {name.lower() for name in created.get("headers") or {}}, "POST /tasks 201 documents no Location header"


def test_the_task_schemas_are_exact():
    document = the_document()
    wrong = [{k: v for k, v in VALID_TASK.items() if k != field} for field in VALID_TASK]
    wrong += [{**VALID_TASK, **change} for change in
              ({"id": "7"}, {"title": 5}, {"priority": "urgent"}, {"done": "no"}, {"owner": "alice"})]
    for method, template, status in (("get", "/tasks/{id}", "200"), ("post", "/tasks", "201"), ("patch", "/tasks/{id}", "200")):
        pointer = response_pointer(document, method, template, status, "application/json")
        assert accepts(document, pointer, VALID_TASK), f"{method.upper()} {template} {status} refuses a valid task"
        for task in wrong:
            assert not accepts(document, pointer, task), f"{method.upper()} {template} {status} accepts {task}"
    pointer = response_pointer(document, "get", "/tasks", "200", "application/json")
    assert accepts(document, pointer, {"items": [VALID_TASK]}) and accepts(document, pointer, {"items": []})
    for listing in ({}, {"items": [wrong[0]]}, {"items": [VALID_TASK], "total": 1}, {"items": VALID_TASK}):
        assert not accepts(document, pointer, listing), f"GET /tasks 200 accepts {listing}"


def test_the_request_schemas_are_exact():
    document = the_document()
    for method, template, valid, invalid in (("post", "/tasks", VALID_CREATES, INVALID_CREATES),
                                             ("patch", "/tasks/{id}", VALID_PATCHES, INVALID_PATCHES)):
        pointer = request_pointer(document, method, template)
        for body in valid:
            assert accepts(document, pointer, body), f"{method.upper()} {template} refuses the valid body {body}"
        for body in invalid:
            assert not accepts(document, pointer, body), f"{method.upper()} {template} accepts the invalid body {body}"
