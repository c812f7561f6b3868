"""Runs against the seeded tables in the grading sandbox."""
from orders_api import execute


def test_the_first_two_customers():
    response = execute("{ customers(first: 2) { edges { node { id name } } pageInfo { hasNextPage } } }")
    assert response == {"data": {"customers": {
        "edges": [{"node": {"id": 6, "name": "Ada Lovelace"}}, {"node": {"id": 12, "name": "Ada Lovelace"}}],
        "pageInfo": {"hasNextPage": True},
    }}}
