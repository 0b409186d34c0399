"""The content API's contract: anonymous and JSON only, every field of every type,
images with renditions, safe rich text, translations, vocabularies, find in every
language, and locale combined with filters, search, ordering and pagination."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.conftest import restrict_to_members

PAGES = "/api/v2/pages/"


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def titles(client, url):
    return [item["title"] for item in get_json(client, url)["items"]]


# Anonymous, JSON only ----------------------------------------------------------------


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def member_client(client, django_user_model):
    user = django_user_model.objects.create_user("member", password="pw")
    user.groups.add(Group.objects.get(name="Members"))
    client.force_login(user)
    return client


def contract_urls(site):
    return [
        PAGES,
        f"{PAGES}?type=library.ResourcePage&fields=*",
        f"{PAGES}?search=strategy",
        f"{PAGES}?child_of={site.members_only.pk}",
        f"{PAGES}{site.secret.pk}/",
        f"{PAGES}{site.hidden_brief.pk}/",
        f"{PAGES}{site.about.pk}/",
        f"{PAGES}find/?html_path=/members-area/secret/",
        f"{PAGES}find/?id={site.secret.pk}",
        "/api/v2/documents/",
        f"/api/v2/documents/{site.private_document.pk}/",
        "/api/v2/member-states/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["superuser_client", "member_client"])
def test_logged_in_user_gets_exactly_the_anonymous_response(api_site, client, request, who):
    anonymous = {url: client.get(url) for url in contract_urls(api_site)}
    logged_in = request.getfixturevalue(who)
    for url, expected in anonymous.items():
        response = logged_in.get(url)
        assert response.status_code == expected.status_code, url
        assert response.content == expected.content, url
        assert response.get("ETag") == expected.get("ETag"), url
    assert "Secret strategy" not in str([r.content for r in anonymous.values()])
    assert "Hidden brief" not in str([r.content for r in anonymous.values()])


@pytest.mark.django_db
def test_passing_a_page_password_in_the_session_does_not_open_the_page_in_the_api(api_site, client):
    restriction = PageViewRestriction.objects.create(
        page=api_site.report, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert client.get(f"{PAGES}{api_site.report.pk}/").status_code == 404
    assert "National report" not in titles(client, f"{PAGES}?limit=100")


@pytest.mark.django_db
def test_no_api_response_varies_by_cookie_or_offers_html(api_site, superuser_client):
    for url in contract_urls(api_site) + ["/api/v2/topics/", "/api/v2/openapi.json"]:
        response = superuser_client.get(url, HTTP_ACCEPT="text/html,application/json")
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert "Set-Cookie" not in response, url
        if response.status_code != 302:
            assert response["Content-Type"] == "application/json", url
    html_only = superuser_client.get(PAGES, HTTP_ACCEPT="text/html")
    assert html_only["Content-Type"] == "application/json"
    assert html_only.status_code == 406


@pytest.mark.django_db
def test_api_responses_follow_locale_not_the_browsers_language(api_site, client):
    urls = contract_urls(api_site) + [
        "/api/v2/topics/",
        "/api/v2/resource-types/?locale=es",
        f"{PAGES}?limit=-1",
        f"{PAGES}?locale=xx",
        "/api/v2/page_preview/",
    ]
    for url in urls:
        default = client.get(url)
        spanish_browser = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
        assert spanish_browser.content == default.content, url
        assert spanish_browser.get("ETag") == default.get("ETag"), url
        assert spanish_browser["Content-Language"] == default["Content-Language"], url
        # So a CDN keeps one copy per URL, not one per Accept-Language header.
        assert "accept-language" not in spanish_browser.get("Vary", "").lower(), url
    assert client.get("/api/v2/resource-types/?locale=es")["Content-Language"] == "es"
    # Even Django REST framework's own messages.
    refused = client.post("/api/v2/topics/", HTTP_ACCEPT_LANGUAGE="es")
    assert refused.status_code == 405
    assert refused.json() == {"message": 'Method "POST" not allowed.'}
    assert "accept-language" not in refused.get("Vary", "").lower()
    # The HTML site does follow the browser's language.
    assert "accept-language" in client.get("/about/")["Vary"].lower()


@pytest.mark.django_db
def test_api_ignores_basic_auth(api_site, client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    response = client.get(f"{PAGES}{api_site.secret.pk}/", HTTP_AUTHORIZATION="Basic YWRtaW46cHc=")
    assert response.status_code == 404


# Representation ----------------------------------------------------------------------


@pytest.mark.django_db
def test_every_api_field_of_every_page_type_is_in_its_detail(api_site, client):
    from content_api.schema import api_fields_of

    for page in [
        api_site.home_page,
        api_site.about,
        api_site.webinars,
        api_site.upcoming,
        api_site.library,
        api_site.brief,
        api_site.directory,
        api_site.arizona,
    ]:
        data = get_json(client, f"{PAGES}{page.pk}/")
        expected = {field.name for field in api_fields_of(type(page.specific))}
        assert expected <= set(data), (type(page.specific), expected - set(data))
        assert set(data["meta"]) >= {"type", "html_url", "locale", "translations", "parent"}


@pytest.mark.django_db
def test_stream_field_image_comes_with_a_rendition_and_its_alt_text(api_site, client):
    body = get_json(client, f"{PAGES}{api_site.about.pk}/")["body"]
    (image,) = [block["value"] for block in body if block["type"] == "image"]
    assert image["alt"] == "Children playing"
    assert image["width"] > 0 and image["height"] > 0
    assert image["url"].startswith("/media/images/") and "max-1600x1600" in image["url"]
    assert image["full_url"].startswith("http")
    assert image["decorative"] is False


@pytest.mark.django_db
def test_rich_text_keeps_links_visitors_can_open_and_drops_the_rest(api_site, client):
    body = get_json(client, f"{PAGES}{api_site.about.pk}/")["body"]
    (html,) = [block["value"] for block in body if block["type"] == "paragraph"]
    assert '<a href="/">home</a>' in html
    assert "the report</a>" in html and "/documents/" in html
    # Members-only page, draft page and private document: text kept, link gone.
    for text in ("our strategy", "the plan", "the budget"):
        assert text in html
        assert f">{text}</a>" not in html
    assert "linktype" not in html and "/secret/" not in html and "/draft/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("rich_text_format", ["db_html", "markdown", "db_markdown"])
def test_hidden_links_are_dropped_in_every_rich_text_format(api_site, client, rich_text_format):
    url = f"{PAGES}{api_site.about.pk}/?rich_text_format={rich_text_format}"
    body = get_json(client, url)["body"]
    (text,) = [block["value"] for block in body if block["type"] == "paragraph"]
    assert "our strategy" in text
    assert f'id="{api_site.secret.pk}"' not in text
    assert f"page:{api_site.secret.pk}" not in text and "/secret/" not in text


@pytest.mark.django_db
def test_page_meta_lists_its_live_public_translations(api_site, client):
    meta = get_json(client, f"{PAGES}{api_site.about.pk}/")["meta"]
    assert meta["translations"] == [
        {
            "locale": "es",
            "id": api_site.about_es.pk,
            "title": api_site.about_es.title,
            "html_url": "http://localhost/es/about/",
            "detail_url": f"http://localhost/api/v2/pages/{api_site.about_es.pk}/",
        }
    ]
    spanish = get_json(client, f"{PAGES}{api_site.about_es.pk}/")["meta"]
    assert [t["locale"] for t in spanish["translations"]] == ["en"]

    api_site.about_es.unpublish()
    assert get_json(client, f"{PAGES}{api_site.about.pk}/")["meta"]["translations"] == []


@pytest.mark.django_db
def test_translations_can_be_listed(api_site, client):
    data = get_json(client, f"{PAGES}?type=home.StandardPage&fields=translations&locale=en")
    by_title = {item["title"]: item["meta"]["translations"] for item in data["items"]}
    assert [t["locale"] for t in by_title["About us"]] == ["es"]


# Vocabularies ------------------------------------------------------------------------


@pytest.mark.django_db
def test_vocabularies_list_the_values_filters_take(api_site, client):
    topics = get_json(client, "/api/v2/topics/")["items"]
    assert [t["slug"] for t in topics] == ["child-health", "child-nutrition"]
    assert topics[1]["pages_url"] == "http://localhost/api/v2/pages/?topic=child-nutrition"
    networks = get_json(client, "/api/v2/networks/")["items"]
    assert {n["slug"] for n in networks} == {"sparc", "partnership"}
    states = get_json(client, "/api/v2/states/")
    assert states["meta"]["total_count"] >= 51
    assert get_json(client, "/api/v2/states/oh/")["name"] == "Ohio"
    series = get_json(client, "/api/v2/webinar-series/")["items"]
    assert series[0]["slug"] == "sparc-series"
    assert "series=sparc-series" in series[0]["pages_url"]
    kinds = get_json(client, "/api/v2/resource-types/")["items"]
    assert {"slug": "policy-brief", "label": "Policy brief"}.items() <= kinds[3].items()
    assert get_json(client, "/api/v2/topics/child-health/")["name"] == "Child health"


@pytest.mark.django_db
def test_topics_come_in_the_language_asked_for(api_site, client):
    from wagtail.models import Locale

    health = api_site.health
    spanish = health.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = "Salud infantil"
    spanish.save()
    items = get_json(client, "/api/v2/topics/?locale=es")["items"]
    by_slug = {item["slug"]: item for item in items}
    assert by_slug["child-health"]["name"] == "Salud infantil"
    assert by_slug["child-health"]["locale"] == "es"
    # Not yet translated: the English name, said so.
    assert by_slug["child-nutrition"] == by_slug["child-nutrition"] | {"locale": "en"}
    # A label of a choice vocabulary follows ?locale=, not the browser's language.
    english = client.get("/api/v2/resource-types/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert english["items"][0]["label"] == "Report"


# find and locale ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/about/", "about"),
        ("about", "about"),
        ("/es/about/", "about_es"),
        ("/es/", "home_es"),
        ("/", "home_page"),
        ("/library/school-meals-ohio/", "brief"),
        ("/es/library/school-meals-ohio/", "brief_es"),
    ],
)
def test_find_resolves_paths_in_every_language(api_site, client, path, page):
    response = client.get(f"{PAGES}find/", {"html_path": path, "fields": "title"})
    assert response.status_code == 302
    expected = getattr(api_site, page).pk
    assert response["Location"] == f"http://localhost/api/v2/pages/{expected}/?fields=title"
    assert client.get(response["Location"]).json()["id"] == expected


@pytest.mark.django_db
def test_spanish_path_of_an_untranslated_page_is_not_found(api_site, client):
    assert client.get(f"{PAGES}find/?html_path=/es/webinars/").status_code == 404


@pytest.mark.django_db
def test_locale_combines_with_filters_search_ordering_and_pagination(api_site, client):
    base = f"{PAGES}?type=library.ResourcePage"
    assert titles(client, f"{base}&locale=es&topic=child-nutrition&state=OH") == [
        api_site.brief_es.title
    ]
    assert titles(client, f"{base}&locale=en&resource_type=policy-brief") == [
        "School meals in Ohio"
    ]
    assert titles(client, f"{base}&locale=es&resource_type=report") == []
    assert titles(client, f"{base}&locale=en&order=-title&limit=1&offset=1") == ["National report"]
    assert titles(client, f"{PAGES}?locale=es&search=meals") == [api_site.brief_es.title]
    data = get_json(client, f"{base}&locale=en&order=title&limit=1")
    assert data["meta"]["total_count"] == 2 and len(data["items"]) == 1


@pytest.mark.django_db
def test_partner_questions_are_answered_in_one_request_each(api_site, client):
    upcoming_sparc = f"{PAGES}?type=webinars.WebinarPage&network=sparc&status=upcoming"
    assert titles(client, upcoming_sparc) == ["SPARC budget advocacy"]
    briefs = (
        f"{PAGES}?type=library.ResourcePage&resource_type=policy-brief"
        "&topic=child-nutrition&state=OH&locale=es"
    )
    assert titles(client, briefs) == [api_site.brief_es.title]
    arizona = f"{PAGES}?type=members.MemberProfilePage&state=AZ"
    assert titles(client, arizona) == ["Children's Action Alliance"]


@pytest.mark.django_db
def test_members_only_resources_never_appear_in_filtered_listings(api_site, client):
    restrict_to_members(api_site.brief)
    listing = f"{PAGES}?type=library.ResourcePage&resource_type=policy-brief"
    # Its Spanish translation too: a translation is as private as its source.
    assert titles(client, listing) == []


@pytest.mark.django_db
def test_documents_in_private_collections_are_not_found_by_search(api_site, client):
    found = titles(client, "/api/v2/documents/?search=budget")
    assert "Members' budget" not in found
    assert titles(client, "/api/v2/documents/?search=report") == ["Public report"]
