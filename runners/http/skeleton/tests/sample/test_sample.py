import os

import requests

BASE = os.environ["ASSAY_BASE_URL"]


def test_example():
    assert requests.get(f"{BASE}/clamp", params={"value": 5, "low": 0, "high": 10}).json() == {"result": 5}
