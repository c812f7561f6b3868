"""The books resource: create, read, list with filtering and pages, partial update, delete."""
from helpers import (a_book, assert_problem, assert_status, call, create, listing, location_of, new_author,
                     new_isbn, url)

INVALID_BOOKS = [{"title": "Dune", "author": "Frank Herbert", "year": 1965},
                 {"author": "Frank Herbert", "year": 1965, "isbn": "9780441013593"},
                 {"title": "", "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593"},
                 {"title": "   ", "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593"},
                 {"title": "x" * 201, "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "y" * 101, "year": 1965, "isbn": "9780441013593"},
                 {"title": "Dune", "author": 7, "year": 1965, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": "1965", "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1449, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 2101, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": True, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965.5, "isbn": "9780441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": "978044101359"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": "978-0441013593"},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": 9780441013593},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593", "id": 1},
                 {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593", "genre": "sf"}]
INVALID_CHANGES = [{}, {"title": ""}, {"title": None}, {"author": ["Frank"]}, {"year": 2101}, {"year": False},
                   {"isbn": "97804410135"}, {"id": 9}, {"genre": "sf"}]


def test_create_returns_201_with_a_location():
    book, response = create(title="Dune Messiah", year=1969)
    assert location_of(response) == url(f"/v1/books/{book['id']}"), "the Location is not the new book's URL"
    read = call("GET", f"/v1/books/{book['id']}")
    assert_status(read, 200, "GET the created book")
    assert read.json() == book
    second, _ = create()
    assert second["id"] != book["id"], "two books got one id"


def test_create_validates_input():
    for body in INVALID_BOOKS:
        author = new_author()
        body = {**body, "author": author} if body.get("author") == "Frank Herbert" else body
        assert_status(call("POST", "/v1/books", json=body), 422, f"POST {body}")
        assert listing(author=author)["items"] == [], f"POST {body} was refused yet stored"


def test_a_body_that_is_not_a_json_object_is_400():
    for what, kwargs in (("broken JSON", {"data": '{"title": "Dune",', "headers": {"Content-Type": "application/json"}}),
                         ("a JSON array", {"json": [a_book()]}), ("a JSON string", {"json": "Dune"})):
        assert_status(call("POST", "/v1/books", **kwargs), 400, f"POST {what}")
    book, _ = create()
    assert_status(call("PATCH", f"/v1/books/{book['id']}", json=[1]), 400, "PATCH a JSON array")


def test_an_isbn_belongs_to_one_book():
    book, _ = create()
    assert_status(call("POST", "/v1/books", json=a_book(isbn=book["isbn"])), 409, "POST a taken ISBN")
    other, _ = create()
    assert_status(call("PATCH", f"/v1/books/{other['id']}", json={"isbn": book["isbn"]}), 409, "PATCH to a taken ISBN")
    assert call("GET", f"/v1/books/{other['id']}").json() == other, "a refused change was kept"
    same = call("PATCH", f"/v1/books/{book['id']}", json={"isbn": book["isbn"], "year": 1966})
    assert_status(same, 200, "PATCH a book with its own ISBN")


def test_an_unknown_book_is_404():
    for path in ("/v1/books/999999999", "/v1/books/abc"):
        assert_status(call("GET", path), 404, f"GET {path}")
    assert_status(call("PATCH", "/v1/books/999999999", json={"year": 1970}), 404, "PATCH an unknown book")
    assert_status(call("PATCH", "/v1/books/999999999", json={"year": "soon"}), 404, "PATCH an unknown book, invalid body")


def test_lists_filter_by_author():
    author, other = new_author(), new_author()
    first, _ = create(author=author, title="Dune")
    create(author=other)
    second, _ = create(author=author, title="Children of Dune")
    assert listing(author=author) == {"items": [first, second], "total": 2}
    assert listing(author=new_author()) == {"items": [], "total": 0}


def test_pages_cover_every_book_once():
    author = new_author()
    books = [create(author=author, title=f"Volume {n}")[0] for n in range(7)]
    pages = [listing(author=author, limit=3, offset=offset) for offset in (0, 3, 6)]
    assert [len(p["items"]) for p in pages] == [3, 3, 1], "pages of 3 over 7 books"
    assert [b for p in pages for b in p["items"]] == books, "the pages, one after another, are not every book once, by id"
    assert all(p["total"] == 7 for p in pages), "total is the number of matching books, not of one page"
    assert listing(author=author, offset=7) == {"items": [], "total": 7}
    assert listing(author=author)["items"] == books, "without limit, up to 20 books"
    many = listing(limit=100)
    assert len(many["items"]) == min(100, many["total"])


def test_bad_paging_parameters_are_400():
    for params in ({"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"offset": -1}, {"offset": "1.5"}):
        assert_status(call("GET", "/v1/books", params=params), 400, f"GET /v1/books {params}")


def test_patch_changes_only_the_fields_sent():
    book, _ = create(title="Dune", year=1965)
    response = call("PATCH", f"/v1/books/{book['id']}", json={"year": 1966})
    assert_status(response, 200, "PATCH the year")
    assert response.json() == {**book, "year": 1966}, "PATCH changed more than the year"
    response = call("PATCH", f"/v1/books/{book['id']}", json={"title": "Dune (revised)", "isbn": new_isbn()})
    assert_status(response, 200, "PATCH title and ISBN")
    changed = response.json()
    assert changed["author"] == book["author"] and changed["year"] == 1966 and changed["title"] == "Dune (revised)"
    assert call("GET", f"/v1/books/{book['id']}").json() == changed, "the change was not kept"


def test_patch_validates_input():
    book, _ = create()
    for body in INVALID_CHANGES:
        assert_status(call("PATCH", f"/v1/books/{book['id']}", json=body), 422, f"PATCH {body}")
    assert call("GET", f"/v1/books/{book['id']}").json() == book, "a refused change was kept"


def test_delete_is_204_then_404():
    book, _ = create()
    path = f"/v1/books/{book['id']}"
    response = call("DELETE", path)
    assert_status(response, 204, "DELETE a book")
    assert response.content == b"", "a 204 has no body"
    assert_status(call("GET", path), 404, "GET a deleted book")
    assert_status(call("DELETE", path), 404, "DELETE it again")
    assert listing(author=book["author"]) == {"items": [], "total": 0}, "a deleted book is still listed"


def test_errors_are_problem_documents():
    book, _ = create()
    assert_problem(call("POST", "/v1/books", data="{", headers={"Content-Type": "application/json"}), 400, "broken JSON")
    assert_problem(call("GET", "/v1/books", params={"limit": 0}), 400, "limit 0")
    assert_problem(call("GET", "/v1/books/999999999"), 404, "an unknown book")
    assert_problem(call("POST", "/v1/books", json=a_book(isbn=book["isbn"])), 409, "a taken ISBN")
    assert_problem(call("POST", "/v1/books", json=a_book(year=1)), 422, "an invalid year")
