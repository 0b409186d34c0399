"""What the content API's fault and privacy tests share."""

from django.db import transaction

PAGES = "/api/v2/pages/"


def commit_pending():
    """Run what committing the test's transaction so far would run (it never commits):
    the fixtures' changes then have a committed content version, as in production."""
    connection = transaction.get_connection()
    pending, connection.run_on_commit = connection.run_on_commit, []
    for _, callback, _ in pending:
        callback()


def etag(client, url=PAGES):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response["ETag"]
