"""Member counts quoted by other sections, and the demo network they describe."""

import pytest
from wagtail.models import Locale

from home import demo as home_demo
from members import demo as members_demo
from members.models import MemberProfilePage
from members.stats import network_membership

pytestmark = pytest.mark.django_db


def test_network_membership_counts_members_and_distinct_places(make_member, networks):
    sparc = networks["sparc"]
    make_member("A (demo)", state="CA", networks=[sparc])
    make_member("B (demo)", state="CA", networks=[sparc])  # same place as A
    make_member("C (demo)", state="CA", locality="Los Angeles County", networks=[sparc])
    make_member("D (demo)", state="CA", locality="los angeles county", networks=[sparc])
    make_member("E (demo)", state="NY", locality="Los Angeles County", networks=[sparc])
    make_member("F (demo)", state="OH", networks=[networks["partnership"]])

    membership = network_membership(sparc)
    assert membership.member_count == 5
    # (CA, statewide), (CA, Los Angeles County), (NY, Los Angeles County)
    assert membership.place_count == 3
    assert network_membership("sparc") == membership


def test_network_membership_leaves_out_drafts_restricted_members_and_translations(
    make_member, networks, restrict
):
    sparc = networks["sparc"]
    member = make_member("Counted (demo)", state="OH", networks=[sparc])
    make_member("Draft (demo)", state="TX", networks=[sparc], live=False)
    restrict(make_member("Private (demo)", state="WA", networks=[sparc]))

    spanish = Locale.objects.get(language_code="es")
    translation = member.copy_for_translation(spanish, copy_parents=True)
    translation.save_revision().publish()
    assert MemberProfilePage.objects.live().filter(locale=spanish).count() == 1

    assert network_membership(sparc).member_count == 1
    assert network_membership(sparc).place_count == 1


def test_demo_sparc_network_has_46_members_in_37_states_and_localities(home_page):
    home_demo.load_taxonomy(lambda message: None)
    members_demo.load(home_page, lambda message: None)

    sparc = network_membership("sparc")
    assert (sparc.member_count, sparc.place_count) == (46, 37)
    assert network_membership("partnership").member_count > 40

    count = MemberProfilePage.objects.count()
    members_demo.load(home_page, lambda message: None)
    assert MemberProfilePage.objects.count() == count


def test_demo_members_have_demo_names_and_example_addresses():
    for member in members_demo.demo_members():
        assert member.title.endswith("(demo)")
    assert len({member.slug for member in members_demo.demo_members()}) == len(
        members_demo.demo_members()
    )
