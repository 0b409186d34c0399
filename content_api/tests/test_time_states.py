"""The clock-driven states of the content (a webinar ending) are kept in each process
until they next change or the content version does (content_api.caching.time_states):
a cache hit asks neither the database nor the cache for them."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from content_api.caching import time_states
from webinars.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db


def test_time_states_are_kept_in_the_process_until_the_next_change(
    home_page, django_assert_num_queries
):
    webinar = WebinarPageFactory(
        parent=home_page,
        starts_at=timezone.now() + timedelta(hours=1),
        duration=timedelta(hours=1),
    )
    before = time_states()
    cache.clear()  # not from the shared cache either
    with django_assert_num_queries(0):
        assert time_states() == before

    # The webinar ends: the states change at that moment, without any edit.
    with time_machine.travel(webinar.ends_at + timedelta(minutes=1)):
        assert time_states() != before


def test_a_new_content_version_asks_again(home_page):
    before = time_states()
    WebinarPageFactory(
        parent=home_page,
        starts_at=timezone.now() - timedelta(hours=2),
        duration=timedelta(hours=1),
    )
    assert time_states() != before
