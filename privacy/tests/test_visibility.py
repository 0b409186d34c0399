"""The door's answers, one rule at a time (every entry point: test_privacy_matrix.py)."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import CustomDocument
from library.factories import DocumentFactory
from privacy.restricting import private_collection, restrict_page_to_logged_in
from privacy.visibility import (
    pages_visible_to,
    public_media,
    public_pages,
    restricted_page_ids,
)


@pytest.mark.django_db
def test_documents_in_private_collections_and_their_children_are_not_public():
    public = DocumentFactory(title="Public")
    DocumentFactory(title="Private", collection=private_collection())
    DocumentFactory(title="Nested", collection=private_collection().add_child(name="2025"))

    assert list(public_media(CustomDocument.objects.all())) == [public]


@pytest.fixture
def section_and_alias(home_page):
    section = StandardPageFactory(parent=home_page, title="Members area", slug="members")
    restrict_page_to_logged_in(section)
    secret = StandardPageFactory(parent=section, title="Secret", slug="secret")
    alias = secret.create_alias(parent=home_page, update_slug="secret-alias")
    open_page = StandardPageFactory(parent=home_page, title="Open", slug="open")
    return section, secret, alias, open_page


@pytest.mark.django_db
def test_an_alias_of_a_page_in_a_restricted_section_is_not_public_wherever_it_sits(
    section_and_alias,
):
    section, secret, alias, open_page = section_and_alias
    titles = set(public_pages().values_list("title", flat=True))

    assert "Open" in titles
    assert not {"Members area", "Secret"} & titles
    assert not public_pages(Page.objects.filter(pk=alias.pk)).exists()


@pytest.mark.django_db
def test_a_visitor_who_fails_a_restriction_sees_neither_its_pages_nor_their_aliases(
    section_and_alias, django_user_model
):
    section, secret, alias, open_page = section_and_alias
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    anonymous = set(pages_visible_to(request, Page.objects.all()).values_list("pk", flat=True))
    request.user = django_user_model.objects.create_user("reader", password="a-password-1")
    logged_in = set(pages_visible_to(request, Page.objects.all()).values_list("pk", flat=True))

    assert open_page.pk in anonymous and not {section.pk, secret.pk, alias.pk} & anonymous
    assert {open_page.pk, section.pk, secret.pk, alias.pk} <= logged_in


@pytest.mark.django_db
def test_restricted_page_ids_names_the_pages_a_restriction_applies_to(section_and_alias):
    section, secret, alias, open_page = section_and_alias

    pages = [section, secret, alias, open_page]

    assert restricted_page_ids(pages) == {section.pk, secret.pk, alias.pk}


# Outside privacy/ (and tests), code asks the door; it never reads restrictions itself.
RESTRICTION_READS = re.compile(
    r"ViewRestriction|view_restrictions|\.public\(\)|\.not_public\(\)|\.private\(\)|private_q"
)


def test_only_the_privacy_room_reads_view_restrictions():
    root = Path(__file__).resolve().parents[2]
    readers = []
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root)
        if relative.parts[0] in {"privacy", ".venv", "var"} or "tests" in relative.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if RESTRICTION_READS.search(line):
                readers.append(f"{relative}:{number}: {line.strip()}")
    assert not readers, "Go through privacy.visibility instead:\n" + "\n".join(readers)
