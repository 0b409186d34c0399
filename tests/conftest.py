"""A small page tree of every section, in English and Spanish, for the content API tests."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from home.factories import NetworkFactory, StandardPageFactory, TopicFactory
from languages.tests.translating import publish_translation
from library.factories import (
    DocumentFactory,
    ImageFactory,
    LibraryIndexPageFactory,
    ResourcePageFactory,
    private_collection,
)
from library.models import ResourceType
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from webinars.factories import SeriesFactory, WebinarIndexPageFactory, WebinarPageFactory


def restrict_to_members(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Members")])
    return restriction


@pytest.fixture
def api_site(home_page):
    """Every section with public, members-only and draft content; Spanish translations
    of the home page, a standard page and a resource."""
    spanish = Locale.objects.get(language_code="es")
    nutrition = TopicFactory(name="Child nutrition", slug="child-nutrition")
    health = TopicFactory(name="Child health", slug="child-health")
    sparc = NetworkFactory(name="State Policy Advocacy and Reform Center", slug="sparc")
    partnership = NetworkFactory(name="Partnership", slug="partnership")
    series = SeriesFactory(name="SPARC learning series", slug="sparc-series")
    image = ImageFactory(title="Children at a fair")

    members_only = StandardPageFactory(parent=home_page, title="Members area", slug="members-area")
    restrict_to_members(members_only)
    secret = StandardPageFactory(parent=members_only, title="Secret strategy", slug="secret")
    draft = StandardPageFactory(parent=home_page, title="Draft plan", slug="draft", live=False)
    private_document = DocumentFactory(title="Members' budget", collection=private_collection())
    public_document = DocumentFactory(title="Public report")

    about = StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        social_image=image,
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                f'<p>See <a linktype="page" id="{secret.pk}">our strategy</a>, '
                f'<a linktype="page" id="{home_page.pk}">home</a>, '
                f'<a linktype="page" id="{draft.pk}">the plan</a>, '
                f'<a linktype="document" id="{private_document.pk}">the budget</a> and '
                f'<a linktype="document" id="{public_document.pk}">the report</a>.</p>',
            ),
            ("image", {"image": image, "alt_text": "Children playing", "decorative": False}),
        ],
    )

    webinars = WebinarIndexPageFactory(parent=home_page)
    now = timezone.now()
    upcoming = WebinarPageFactory(
        parent=webinars,
        title="SPARC budget advocacy",
        slug="sparc-budget",
        starts_at=now + timedelta(days=10),
        webinar_series=series,
        networks=[sparc],
        topics=[health],
    )
    past = WebinarPageFactory(
        parent=webinars,
        title="Census lessons",
        slug="census-lessons",
        starts_at=now - timedelta(days=10),
        networks=[partnership],
    )

    library = LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")
    brief = ResourcePageFactory(
        parent=library,
        title="School meals in Ohio",
        slug="school-meals-ohio",
        resource_type=ResourceType.POLICY_BRIEF,
        published_on=date(2025, 4, 1),
    )
    brief.topics.set([nutrition])
    brief.states.set(["OH"])
    brief.save_revision().publish()
    report = ResourcePageFactory(parent=library, title="National report", slug="national")
    members_library = LibraryIndexPageFactory(
        parent=library, title="Members library", slug="members-library"
    )
    restrict_to_members(members_library)
    hidden_brief = ResourcePageFactory(
        parent=members_library, title="Hidden brief", resource_type=ResourceType.POLICY_BRIEF
    )

    directory = MemberDirectoryPageFactory(parent=home_page)
    arizona = MemberProfilePageFactory(
        parent=directory, title="Children's Action Alliance", home_state_id="AZ"
    )
    ohio = MemberProfilePageFactory(
        parent=directory, title="Groundwork Ohio", home_state_id="OH", networks=[sparc]
    )

    home_es = publish_translation(home_page, spanish)
    about_es = publish_translation(about, spanish)
    library_es = publish_translation(library, spanish)
    brief_es = publish_translation(brief, spanish)

    return SimpleNamespace(**locals())
