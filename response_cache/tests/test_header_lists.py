"""A hit asks the shared cache once: each process keeps the header lists it has seen
(response_cache.header_lists), and a stale one only costs a miss."""

import pytest
from django.core.cache import cache

from response_cache.header_lists import HeaderLists
from response_cache.middleware import header_lists
from response_cache.tests.helpers import cached

pytestmark = pytest.mark.django_db


def test_a_hit_needs_only_the_response_from_the_shared_cache(home_page, client):
    cached(client, "/")
    # Only the response stays in the shared cache: the header list is this process's.
    header_keys = [key for key in cache._cache if "cache_header" in key]
    assert header_keys
    for key in header_keys:
        del cache._cache[key]
    assert client.get("/")["X-Cache"] == "hit"


def test_a_process_without_the_list_reads_it_from_the_shared_cache(home_page, client):
    cached(client, "/")
    header_lists.clear_kept()  # as a process that did not store the page
    assert client.get("/")["X-Cache"] == "hit"


def test_the_copies_kept_are_bounded_and_the_oldest_go_first():
    lists = HeaderLists(cache, max_kept=2)
    for key in ("a", "b", "c"):
        lists.set(key, [key])
    cache.clear()
    assert [lists.get(key) for key in ("a", "b", "c")] == [None, ["b"], ["c"]]
