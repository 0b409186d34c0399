"""Answers kept for one GET request, or until public content changes (operations.memo)."""

from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import translation
from wagtail.models import Locale

from home.factories import TopicFactory
from home.models import Topic
from languages.terms import in_language
from operations import memo

pytestmark = pytest.mark.django_db


@contextmanager
def request(method="GET"):
    """The bounds of a request, as the test client sends them (without closing the
    test's database connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None, environ={"REQUEST_METHOD": method})
        try:
            yield
        finally:
            request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_an_answer_is_asked_once_per_get_request():
    compute, calls = counter()
    with request("GET"):
        assert memo.for_request("k", compute) == memo.for_request("k", compute) == 1
    with request("HEAD"):
        memo.for_request("k", compute)
    assert len(calls) == 2


def test_an_answer_is_asked_every_time_outside_a_request_and_in_one_that_may_write():
    compute, calls = counter()
    memo.for_request("k", compute)
    memo.for_request("k", compute)
    with request("POST"):
        memo.for_request("k", compute)
        memo.for_request("k", compute)
    assert len(calls) == 4


def test_a_write_during_a_request_forgets_its_answers():
    compute, calls = counter()
    with request():
        memo.for_request("k", compute)
        TopicFactory(name="Child health", slug="child-health")
        memo.for_request("k", compute)
    assert len(calls) == 2


def test_a_new_term_shows_on_the_next_request():
    with request():
        assert in_language(Topic, "en") == {}
    topic = TopicFactory(name="Child health", slug="child-health")
    with request():
        assert list(in_language(Topic, "en").values()) == [topic]


def test_the_active_locale_is_read_once_per_get_request(django_assert_num_queries):
    with request(), django_assert_num_queries(1):
        assert Locale.get_active() is Locale.get_active()
        assert Locale.get_default().language_code == "en"
    with request(), translation.override("es"), django_assert_num_queries(1):
        assert Locale.get_active().language_code == "es"
        assert Locale.get_active().language_code == "es"
