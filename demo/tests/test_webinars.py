"""The webinars demo content: dated from today, on the organisation's subjects, idempotent."""

import pytest

from demo.tests.helpers import load_demo
from webinars.models import WebinarPage

pytestmark = pytest.mark.django_db


def test_demo_has_upcoming_and_past_webinars_and_a_second_run_changes_nothing():
    webinars = WebinarPage.objects.live()
    first = {page.slug: page.latest_revision_id for page in webinars}

    assert len(first) >= 8
    assert webinars.upcoming().exists()
    assert webinars.past().exclude(recording_url="").count() >= 3
    assert webinars.filter(networks__slug="sparc").exists()
    assert webinars.filter(webinar_series__slug="peer-exchange").count() >= 2

    load_demo()
    second = {page.slug: page.latest_revision_id for page in WebinarPage.objects.live()}
    assert second == first
