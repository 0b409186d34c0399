"""Finding 10 of issue 17: members' changes must not show in public validators (an
activity oracle), and Last-Modified never runs ahead of the clock. A change bumps the
public content version only if what it touches is public before or after it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date
from wagtail.models import Collection

from content_api.tests.helpers import PAGES, etag
from tests.conftest import restrict_to_members

DOCUMENTS = "/api/v2/documents/"


def publish(page, title):
    page.title = title
    page.save_revision().publish()


PRIVATE_CHANGES = {
    "publish a members-only page": lambda site: publish(site.secret, "New strategy"),
    "publish a page in the members library": lambda site: publish(site.hidden_brief, "Brief 2"),
    "save a members-only draft": lambda site: site.secret.save_revision(),
    "move within the members area": lambda site: site.secret.move(
        site.members_library, "last-child"
    ),
    "unpublish a members-only page": lambda site: site.secret.unpublish(),
    "delete a members-only page": lambda site: site.secret.delete(),
    "edit a private document": lambda site: rename(site.private_document),
    "publish a draft-only page's draft": lambda site: site.draft.save_revision(),
}


def rename(item):
    item.title = f"{item.title} (revised)"
    item.save()


@pytest.mark.django_db
@pytest.mark.parametrize("change", PRIVATE_CHANGES)
def test_a_change_nobody_outside_the_members_area_sees_keeps_public_validators(
    api_site, client, change
):
    before = {url: etag(client, url) for url in (PAGES, DOCUMENTS, f"{PAGES}{api_site.about.pk}/")}
    PRIVATE_CHANGES[change](api_site)
    for url, tag in before.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304, (change, url)


def move_document(document, collection):
    document.collection = collection
    document.save()


PUBLIC_CHANGES = {
    "restrict a public page": lambda site: restrict_to_members(site.about),
    "move a public page into the members area": lambda site: site.about.move(
        site.members_only, "last-child"
    ),
    "move a members-only page out": lambda site: site.secret.move(site.home_page, "last-child"),
    "open the members area": lambda site: site.members_only.view_restrictions.all().delete(),
    "unpublish a public page": lambda site: site.about.unpublish(),
    "delete a public page": lambda site: site.report.delete(),
    "publish a public page": lambda site: publish(site.about, "About the Partnership"),
    "publish a draft": lambda site: site.draft.save_revision().publish(),
    "make a private document public": lambda site: move_document(
        site.private_document, Collection.get_first_root_node()
    ),
    "make a public document private": lambda site: move_document(
        site.public_document, site.private_document.collection
    ),
    "edit a public document": lambda site: rename(site.public_document),
}


@pytest.mark.django_db
@pytest.mark.parametrize("change", PUBLIC_CHANGES)
def test_a_change_the_public_can_see_changes_public_validators(api_site, client, change):
    before = {url: etag(client, url) for url in (PAGES, DOCUMENTS)}
    PUBLIC_CHANGES[change](api_site)
    for url, tag in before.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200, (change, url)


@pytest.mark.django_db
def test_last_modified_never_runs_ahead_of_the_clock(
    api_site, client, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(timezone.now() + timedelta(seconds=10), tick=False)  # one second
    for n in range(3):  # three changes in that second, each committed
        with django_capture_on_commit_callbacks(execute=True):
            publish(api_site.about, f"About us, take {n}")
    response = client.get(PAGES)
    assert parse_http_date(response["Last-Modified"]) <= timezone.now().timestamp()
