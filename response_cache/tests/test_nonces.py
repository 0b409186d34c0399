"""A page from the cache carries a fresh CSP nonce, the same in its header and its body:
a stored page must not hand every visitor the nonce of the first one."""

import re

import pytest

from response_cache.tests.helpers import cached

pytestmark = pytest.mark.django_db


def nonces(response) -> tuple[set[str], set[str]]:
    """(the nonces of the header's script-src, those of the body's tags)."""
    header = {
        value.removeprefix("'nonce-").removesuffix("'")
        for part in response["Content-Security-Policy"].split(";")
        for value in part.split()[1:]
        if value.startswith("'nonce-")
    }
    body = set(re.findall(r'<(?:script|style)\b[^>]*\snonce="([^"]+)"', response.content.decode()))
    return header, body


def test_every_hit_gets_a_fresh_nonce_in_its_header_and_its_body(api_site, client):
    url = api_site.upcoming.url  # its JSON-LD block carries the nonce
    responses = [client.get(url) for _ in range(3)]
    assert [response["X-Cache"] for response in responses] == ["miss", "hit", "hit"]
    seen = []
    for response in responses:
        header, body = nonces(response)
        assert len(header) == 1 and body == header, (response["X-Cache"], header, body)
        seen.append(header.pop())
    assert len(set(seen)) == 3, "a nonce of its own for each response"


def test_a_page_without_inline_scripts_gets_no_nonce_from_the_cache(api_site, client):
    header, body = nonces(cached(client, api_site.about.url))
    assert header == set() and body == set()
