import os

import requests

BASE = os.environ["ASSAY_BASE_URL"]


def clamp(**params):
    return requests.get(f"{BASE}/clamp", params=params)


def test_inside_the_range():
    assert clamp(value=5, low=0, high=10).json() == {"result": 5}


def test_outside_the_range():
    assert [clamp(value=v, low=0, high=10).json()["result"] for v in (-3, 42)] == [0, 10]


def test_rejects_an_empty_range():
    assert clamp(value=1, low=10, high=0).status_code == 400
