"""Answers kept for one GET request (operations.memo)."""

import pytest

from home.factories import TopicFactory
from home.models import Topic
from languages.terms import in_language
from operations import memo
from operations.tests.bounds import counter, request

pytestmark = pytest.mark.django_db


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
