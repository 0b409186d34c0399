"""The member directory: grouping by state, filters, the state map, privacy and budgets."""

import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.maps import TILE_POSITIONS
from members.models import LOGO_CARD_SPEC

pytestmark = pytest.mark.django_db


def member_names(html):
    return re.findall(r'class="card__title member-card__name"><a href="[^"]*">([^<]*)</a>', html)


def state_headings(html):
    return re.findall(r'<h3 id="state-[A-Z]{2}" class="member-directory__state">([^<]*)</h3>', html)


def map_counts(html):
    """{USPS code: count} read from the map's links (what a screen reader announces)."""
    svg = html[html.index("<svg") : html.index("</svg>")]
    return {
        code: int(count)
        for code, count in re.findall(
            r'<a href="\?state=([A-Z]{2})[^"]*" aria-label="[^:"]*: (\d+) member', svg
        )
    }


@pytest.fixture
def members(make_member, networks, topics):
    return {
        "ohio": make_member(
            "Buckeye Child Advocacy Forum (demo)",
            state="OH",
            networks=[networks["partnership"], networks["sparc"]],
            topics=[topics["child-welfare"]],
        ),
        "ohio_local": make_member(
            "Cleveland Children’s Budget Project (demo)",
            state="OH",
            locality="Cleveland",
            networks=[networks["partnership"]],
            topics=[topics["child-health"]],
        ),
        "california": make_member(
            "Golden Alliance for Young Families (demo)",
            state="CA",
            networks=[networks["sparc"]],
            topics=[topics["child-health"]],
        ),
        "new_york": make_member(
            "Empire Youth and Family Policy Lab (demo)",
            state="NY",
            networks=[networks["partnership"]],
        ),
    }


def test_directory_groups_members_by_state_in_name_order(directory, members, client):
    html = client.get(directory.url).content.decode()
    assert state_headings(html) == ["California", "New York", "Ohio"]
    ohio_section = html[html.index(">Ohio</h3>") :]
    assert "Buckeye Child Advocacy Forum (demo)" in ohio_section
    assert "Cleveland Children’s Budget Project (demo)" in ohio_section
    assert "Cleveland, Ohio" in ohio_section


def test_directory_filters_by_state_in_the_url(directory, members, client):
    html = client.get(f"{directory.url}?state=oh").content.decode()
    assert state_headings(html) == ["Ohio"]
    assert sorted(member_names(html)) == [
        "Buckeye Child Advocacy Forum (demo)",
        "Cleveland Children’s Budget Project (demo)",
    ]
    assert "Member organisations in Ohio" in html
    assert '<option value="OH" selected>Ohio</option>' in html


def test_directory_filters_by_network_and_topic_together(directory, members, client):
    response = client.get(f"{directory.url}?network=sparc")
    assert sorted(member_names(response.content.decode())) == [
        "Buckeye Child Advocacy Forum (demo)",
        "Golden Alliance for Young Families (demo)",
    ]
    html = client.get(f"{directory.url}?network=sparc&topic=child-health").content.decode()
    assert member_names(html) == ["Golden Alliance for Young Families (demo)"]
    assert 'value="sparc" checked' in html
    assert 'value="child-health" checked' in html


def test_directory_filters_keep_alternatives_within_a_facet(directory, members, client):
    html = client.get(f"{directory.url}?state=CA&state=NY").content.decode()
    assert state_headings(html) == ["California", "New York"]


def test_directory_answers_a_bad_filter_with_400_and_a_message(directory, members, client):
    response = client.get(f"{directory.url}?state=ZZ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Unknown state: ZZ." in html


def test_map_has_a_tile_for_each_state_and_dc_and_lists_territories(directory, client):
    html = client.get(directory.url).content.decode()
    counts = map_counts(html)
    assert set(counts) == set(TILE_POSITIONS)
    assert len(counts) == 51
    territories = html[html.index("state-map__territories") : html.index("</details>")]
    for name in ["Puerto Rico", "Guam", "U.S. Virgin Islands", "American Samoa"]:
        assert name in territories


def test_map_counts_match_the_members(directory, members, make_member, client):
    make_member("Island Children’s Policy Collaborative (demo)", state="PR")
    html = client.get(directory.url).content.decode()
    counts = map_counts(html)
    assert counts["OH"] == 2
    assert counts["CA"] == 1
    assert counts["NY"] == 1
    assert sum(counts.values()) == 4
    assert 'href="?state=PR#members">Puerto Rico</a>: 1' in html


def test_map_counts_follow_the_network_filter_but_not_the_state(directory, members, client):
    html = client.get(f"{directory.url}?network=sparc&state=CA").content.decode()
    counts = map_counts(html)
    assert counts["OH"] == 1
    assert counts["CA"] == 1
    assert counts["NY"] == 0
    # Each state links to its own list, keeping the network filter.
    assert (
        '<a href="?state=OH&amp;network=sparc#members" aria-label="Ohio: 1 member organisation"'
        in html
    )
    assert re.search(r'<a href="\?state=CA[^"]*"[^>]*aria-current="true"', html)


def test_clicking_a_state_on_the_map_lists_its_members(directory, members, client):
    html = client.get(directory.url).content.decode()
    href = re.search(r'<a href="(\?state=CA[^"]*)" aria-label="California', html).group(1)
    listed = client.get(directory.url + href.replace("&amp;", "&")).content.decode()
    assert member_names(listed) == ["Golden Alliance for Young Families (demo)"]


def test_map_has_text_alternatives(directory, members, client):
    html = client.get(directory.url).content.decode()
    assert 'aria-labelledby="state-map-caption"' in html
    table = html[html.index("<table") : html.index("</table>")]
    assert '<th scope="row"><a href="?state=OH#members">Ohio</a></th><td>2</td>' in table


def test_unpublished_and_restricted_members_never_appear(
    directory, members, make_member, restrict, client
):
    make_member("Draft Children’s Fund (demo)", state="OH", live=False)
    restricted = make_member("Private Children’s Fund (demo)", state="OH")
    restrict(restricted)
    html = client.get(directory.url).content.decode()
    assert "Draft Children’s Fund" not in html
    assert "Private Children’s Fund" not in html
    assert map_counts(html)["OH"] == 2


def test_directory_queries_do_not_grow_with_the_number_of_members(
    directory, networks, make_member, client
):
    def add_members(count, start):
        for number in range(start, start + count):
            logo = wagtail_factories.ImageFactory(title=f"Logo {number}")
            logo.get_rendition(LOGO_CARD_SPEC)
            make_member(
                f"Member {number} (demo)",
                state=["OH", "CA", "TX"][number % 3],
                logo=logo,
                networks=[networks["sparc"]],
            )

    def queries():
        client.get(f"{directory.url}?network=sparc")  # warm: what every page shows
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"{directory.url}?network=sparc").status_code == 200
        return len(context.captured_queries)

    add_members(3, start=0)
    client.get(directory.url)  # warm the site and locale caches
    few = queries()
    add_members(12, start=3)
    assert queries() == few
    assert few <= 30
