"""Sample tests: start your server (python3 app.py), then run pytest here. Set ASSAY_BASE_URL if your
server is not on http://127.0.0.1:8080.
"""
from helpers import User, assert_not_modified, assert_problem, etag_of, if_match


def test_a_document_read_again_is_not_modified():
    user = User()
    document = user.create()
    etag = etag_of(user.read(document["id"]))
    assert_not_modified(user.read(document["id"], **{"If-None-Match": etag}))


def test_a_replacement_needs_if_match():
    user = User()
    document = user.create()
    assert_problem(user.put(document["id"], "Changed"), 428)
    etag = etag_of(user.read(document["id"]))
    assert user.put(document["id"], "Changed", **if_match(etag)).status_code == 200
