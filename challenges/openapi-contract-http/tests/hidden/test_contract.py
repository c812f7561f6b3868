"""Every operation, contract-tested: real answers, errors included, match what the document says of them."""
from cases import INVALID_CREATES, INVALID_PATCHES
from helpers import call, check, created, new_project, the_document


def test_create_is_201_with_a_location():
    document, project = the_document(), new_project()
    task = created(document, project, "Fuel the rocket")
    assert task == {"id": task["id"], "project": project, "title": "Fuel the rocket", "priority": "normal", "done": False}
    assert created(document, project, "Count down", priority="high")["priority"] == "high"


def test_invalid_creates_are_refused_as_documented():
    document, project = the_document(), new_project()
    for body in INVALID_CREATES:
        check(document, "post", "/tasks", call("POST", "/tasks", json=body), "422")
    check(document, "post", "/tasks", call("POST", "/tasks", data="title=Fuel",
                                             headers={"Content-Type": "application/json"}), "422")
    check(document, "post", "/tasks", call("POST", "/tasks", json=["Fuel"]), "422")
    listing = check(document, "get", "/tasks", call("GET", "/tasks", params={"project": project}), "200")
    assert listing == {"items": []}, "a refused task was stored"


def test_list_filters_as_documented():
    document, project, other = the_document(), new_project(), new_project()
    first = created(document, project, "Fuel the rocket")
    second = created(document, project, "Count down")
    created(document, other, "Land")
    second = check(document, "patch", "/tasks/{id}",
                   call("PATCH", f"/tasks/{second['id']}", json={"done": True}), "200")
    listing = call("GET", "/tasks", params={"project": project})
    assert check(document, "get", "/tasks", listing, "200") == {"items": [first, second]}
    done = call("GET", "/tasks", params={"project": project, "done": "true"})
    assert check(document, "get", "/tasks", done, "200") == {"items": [second]}
    open_ = call("GET", "/tasks", params={"project": project, "done": "false"})
    assert check(document, "get", "/tasks", open_, "200") == {"items": [first]}
    check(document, "get", "/tasks", call("GET", "/tasks", params={"done": "true"}), "400")
    check(document, "get", "/tasks", call("GET", "/tasks", params={"project": project, "done": "maybe"}), "400")


def test_read_as_documented():
    document = the_document()
    task = created(document, new_project(), "Fuel the rocket")
    assert check(document, "get", "/tasks/{id}", call("GET", f"/tasks/{task['id']}"), "200") == task
    check(document, "get", "/tasks/{id}", call("GET", "/tasks/999999999"), "404")


def test_patch_changes_only_the_fields_sent():
    document = the_document()
    task = created(document, new_project(), "Fuel the rocket", priority="low")
    path = f"/tasks/{task['id']}"
    done = check(document, "patch", "/tasks/{id}", call("PATCH", path, json={"done": True}), "200")
    assert done == {**task, "done": True}
    renamed = check(document, "patch", "/tasks/{id}", call("PATCH", path, json={"title": "Refuel", "priority": "high"}), "200")
    assert renamed == {**task, "done": True, "title": "Refuel", "priority": "high"}
    assert check(document, "get", "/tasks/{id}", call("GET", path), "200") == renamed
    check(document, "patch", "/tasks/{id}", call("PATCH", "/tasks/999999999", json={"done": True}), "404")


def test_invalid_patches_are_refused_as_documented():
    document = the_document()
    task = created(document, new_project(), "Fuel the rocket")
    path = f"/tasks/{task['id']}"
    for body in INVALID_PATCHES:
        check(document, "patch", "/tasks/{id}", call("PATCH", path, json=body), "422")
    assert check(document, "get", "/tasks/{id}", call("GET", path), "200") == task, "a refused change was kept"


def test_delete_as_documented():
    document = the_document()
    task = created(document, new_project(), "Fuel the rocket")
    path = f"/tasks/{task['id']}"
    check(document, "delete", "/tasks/{id}", call("DELETE", path), "204")
    check(document, "get", "/tasks/{id}", call("GET", path), "404")
    check(document, "delete", "/tasks/{id}", call("DELETE", path), "404")
