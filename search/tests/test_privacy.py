"""Restricted content never shows in search: not in results, counts, excerpts or suggestions.

The answer is the same for everyone (members and editors included), so the page can be
cached: members find members-only content in the library itself.
"""

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from home.factories import HomePageFactory
from library.factories import (
    LibraryIndexPageFactory,
    ResourcePageFactory,
    restrict_page_to_logged_in,
    restrict_page_to_members,
)
from search.tests.helpers import (
    SEARCH_URL,
    SUGGEST_URL,
    facet_counts,
    result_titles,
    suggestion_titles,
)

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zanzibar"
HIDDEN_BODY = [("paragraph", "<p>The confidential zanzibar strategy for members.</p>")]


def _secret_page(make, **kwargs):
    return make(title=f"Zanzibar plan ({kwargs.pop('label')})", body=HIDDEN_BODY, **kwargs)


def login_restricted(ctx):
    page = _secret_page(ctx["resource"], label="login", topics=[ctx["topic"]])
    restrict_page_to_logged_in(page)


def members_only_webinar(ctx):
    page = _secret_page(ctx["webinar"], label="webinar", topics=[ctx["topic"]])
    restrict_page_to_members(page)


def password_protected(ctx):
    page = ctx["standard_page"](title="Zanzibar plan (password)", summary=HIDDEN_WORD)
    PageViewRestriction.objects.create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="opensesame",  # noqa: S106
    )


def under_members_only_section(ctx):
    section = LibraryIndexPageFactory(parent=ctx["home_page"], title="Members’ library")
    restrict_page_to_members(section)
    ResourcePageFactory(
        parent=section, title="Zanzibar plan (section)", body=HIDDEN_BODY, topics=[ctx["topic"]]
    )


def alias_of_members_only_page(ctx):
    section = LibraryIndexPageFactory(parent=ctx["home_page"], title="Members’ library")
    restrict_page_to_members(section)
    source = ResourcePageFactory(parent=section, title="Zanzibar plan (alias)", body=HIDDEN_BODY)
    # Made in code, so no admin hook carries the restriction over to the alias.
    source.create_alias(parent=ctx["library"], update_slug="zanzibar-alias")


def draft(ctx):
    page = _secret_page(ctx["resource"], label="draft")
    page.unpublish()


def on_another_site(ctx):
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="other-site")
    Site.objects.create(hostname="other.example.org", root_page=other_home)
    library = LibraryIndexPageFactory(parent=other_home)
    ResourcePageFactory(parent=library, title="Zanzibar plan (other site)", body=HIDDEN_BODY)


HIDDEN = [
    login_restricted,
    members_only_webinar,
    password_protected,
    under_members_only_section,
    alias_of_members_only_page,
    draft,
    on_another_site,
]


@pytest.fixture(params=HIDDEN, ids=lambda make: make.__name__)
def hidden_page(request, home_page, library, resource, webinar, standard_page, tax_credits):
    """A page no search may show, and a public page that matches the same words."""
    resource(
        title="Public plan",
        summary="A public page that mentions zanzibar in passing.",
        topics=[tax_credits],
    )
    context = {
        "home_page": home_page,
        "library": library,
        "resource": resource,
        "webinar": webinar,
        "standard_page": standard_page,
        "topic": tax_credits,
    }
    request.param(context)


@pytest.fixture(params=["anonymous", "member", "superuser"])
def anyone(request, client, member, django_user_model):
    if request.param == "member":
        client.force_login(member)
    elif request.param == "superuser":
        client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org"))
    return client


def test_hidden_pages_never_appear_in_results(anyone, hidden_page):
    response = anyone.get(SEARCH_URL, {"q": HIDDEN_WORD})

    assert result_titles(response) == ["Public plan"]
    assert response.context["results"].paginator.count == 1
    assert "Zanzibar plan" not in response.content.decode()


def test_hidden_pages_are_not_counted_in_any_facet(anyone, hidden_page):
    response = anyone.get(SEARCH_URL, {"q": HIDDEN_WORD})

    assert facet_counts(response, "type") == {"resource": 1}
    assert facet_counts(response, "topic") == {"child-tax-credits": 1}
    assert facet_counts(response, "language")["en"] == 1


def test_hidden_pages_never_lend_their_text_to_excerpts(anyone, hidden_page):
    response = anyone.get(SEARCH_URL, {"q": HIDDEN_WORD})
    html = response.content.decode()

    assert [str(item["excerpt"]) for item in response.context["items"]] == [
        "A public page that mentions <mark>zanzibar</mark> in passing."
    ]
    assert "confidential" not in html
    assert "strategy" not in html


def test_hidden_pages_are_never_suggested(anyone, hidden_page):
    response = anyone.get(SUGGEST_URL, {"q": "zanz"})

    assert suggestion_titles(response) == []
    assert "Zanzibar plan" not in response.content.decode()


def test_hidden_pages_are_never_promoted(anyone, hidden_page):
    from search.factories import SearchPromotionFactory

    for page in Page.objects.filter(title__startswith="Zanzibar plan"):
        SearchPromotionFactory(query_string=HIDDEN_WORD, page=page)

    response = anyone.get(SEARCH_URL, {"q": HIDDEN_WORD})

    assert response.context["promoted"] == []
    assert "Zanzibar plan" not in response.content.decode()
