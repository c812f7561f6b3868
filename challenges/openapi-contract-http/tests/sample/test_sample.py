"""Sample tests: start your server (python3 app.py), then run pytest here (python3-jsonschema and
python3-yaml, or pip's jsonschema and PyYAML). Set ASSAY_BASE_URL if your server is not on
http://127.0.0.1:8080.
"""
from helpers import call, check, created, new_project, openapi_errors, the_document


def test_the_document_is_valid_openapi():
    document = the_document()
    errors = openapi_errors(document)
    assert not errors, f"not valid OpenAPI {document['openapi']}: " + "; ".join(errors)


def test_a_task_is_created_and_read_as_documented():
    document = the_document()
    task = created(document, new_project(), "Fuel the rocket")
    assert check(document, "get", "/tasks/{id}", call("GET", f"/tasks/{task['id']}"), "200") == task
    check(document, "get", "/tasks/{id}", call("GET", "/tasks/999999999"), "404")
