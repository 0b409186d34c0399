"""The member directory in pages (issue 14, item 5): ordered by state in the database, one
page of members read at a time, the filters kept in the pager's links, and the same
queries for any number of members."""

import re

import pytest
import wagtail_factories

from languages.tests.test_interface_spanish import spanish_catalogue  # noqa: F401
from members.models import LOGO_CARD_SPEC
from members.tests.test_directory import map_counts, member_names, state_headings
from members.tests.test_directory_spanish import directorio  # noqa: F401
from tests.query_budget import uncached, warm_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def per_page(monkeypatch):
    monkeypatch.setattr("members.models.MEMBERS_PER_PAGE", 3)
    return 3


@pytest.fixture
def five_members(make_member, networks):
    """Five members in four states, made out of order."""
    for title, state in [
        ("Lone Star Kids", "TX"),
        ("Buckeye Forum", "OH"),
        ("Golden Alliance", "CA"),
        ("Akron Families", "OH"),
        ("Arizona Children", "AZ"),
    ]:
        make_member(title, state=state, networks=[networks["sparc"]])


def pager_links(html):
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    return dict(re.findall(r'<a href="([^"]*)" rel="(prev|next)"', nav.group(0))) if nav else {}


def test_directory_lists_a_page_of_members_in_state_order_and_the_rest_on_page_two(
    directory, five_members, per_page, client
):
    first = client.get(directory.url).content.decode()
    second = client.get(f"{directory.url}?page=2").content.decode()

    assert member_names(first) == ["Arizona Children", "Golden Alliance", "Akron Families"]
    assert state_headings(first) == ["Arizona", "California", "Ohio"]
    # Ohio goes on over the page break, under its own heading again.
    assert member_names(second) == ["Buckeye Forum", "Lone Star Kids"]
    assert state_headings(second) == ["Ohio", "Texas"]
    for html in (first, second):
        assert "5 organisations" in html
        assert "Page " in html and " of 2" in html


def test_directory_pager_links_keep_the_filters(directory, five_members, per_page, client):
    html = client.get(f"{directory.url}?network=sparc").content.decode()
    assert pager_links(html) == {"?network=sparc&amp;page=2#members": "next"}

    html = client.get(f"{directory.url}?network=sparc&page=2").content.decode()
    assert pager_links(html) == {"?network=sparc&amp;page=1#members": "prev"}
    assert member_names(html) == ["Buckeye Forum", "Lone Star Kids"]


def test_directory_counts_and_pages_only_the_chosen_states(
    directory, five_members, per_page, client
):
    html = client.get(f"{directory.url}?state=OH&state=TX").content.decode()
    assert "3 organisations" in html
    assert member_names(html) == ["Akron Families", "Buckeye Forum", "Lone Star Kids"]
    assert pager_links(html) == {}  # one page


def test_directory_map_counts_every_member_not_only_the_page(
    directory, five_members, per_page, client
):
    counts = map_counts(client.get(f"{directory.url}?page=2").content.decode())
    assert (counts["OH"], counts["CA"], counts["AZ"], counts["TX"]) == (2, 1, 1, 1)


def test_directory_page_past_the_end_is_the_last_page_as_in_the_library(
    directory, five_members, per_page, client
):
    # Django's Paginator.get_page, as the library index: past the end the last page,
    # not a number the first.
    last = client.get(f"{directory.url}?page=99")
    assert last.status_code == 200
    assert member_names(last.content.decode()) == ["Buckeye Forum", "Lone Star Kids"]
    for bad in ("0", "-1", "x", "1e309", "%00"):
        response = client.get(f"{directory.url}?page={bad}")
        assert response.status_code == 200, bad
        assert member_names(response.content.decode()), bad


def test_directory_pages_follow_the_spanish_order_of_state_names(
    directorio,  # noqa: F811
    monkeypatch,
    client,
):
    monkeypatch.setattr("members.models.MEMBERS_PER_PAGE", 2)
    first = client.get(directorio.url).content.decode()
    second = client.get(f"{directorio.url}?page=2").content.decode()
    # English order would be New York, North Carolina, Pennsylvania.
    assert state_headings(first) == ["Carolina del Norte", "Nueva York"]
    assert state_headings(second) == ["Pensilvania"]


@pytest.mark.parametrize("page", ["", "?network=sparc&page=99"])
def test_directory_queries_do_not_grow_with_the_number_of_members_on_any_page(
    directory, make_member, networks, topics, settings, client, page
):
    uncached(settings)

    def add(count, start=0):
        for n in range(start, start + count):
            logo = wagtail_factories.ImageFactory(title=f"Logo {n}")
            logo.get_rendition(LOGO_CARD_SPEC)
            make_member(
                f"Member {n}",
                state=["OH", "AZ", "TX", "CA"][n % 4],
                logo=logo,
                networks=list(networks.values()),
                topics=list(topics.values()),
            )

    # 3 members: one page of 3. 30: the first page of 12, or the last (third) of 6.
    add(3)
    few = warm_queries(client, directory.url + page)
    add(27, start=3)
    many = warm_queries(client, directory.url + page)
    assert many == few
