"""Sample tests: start your server (python3 app.py), then run pytest here. Set ASSAY_BASE_URL if your
server is not on http://127.0.0.1:8080.
"""
from helpers import Browser, assert_status


def test_a_comment_reads_as_written():
    user = Browser().login()
    comment = user.posted("1 < 2 & <b>not bold</b>")
    assert comment.find_all("p", class_="text")[0].text() == "1 < 2 & <b>not bold</b>"


def test_a_post_needs_the_token():
    user = Browser().login()
    assert_status(user.request("POST", f"/channels/{user.channel}/comments", data={"text": "forged"}), 403)
