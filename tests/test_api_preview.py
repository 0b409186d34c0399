"""Headless preview: an editor's draft reaches the front end through a signed, expiring
token, and through nothing else."""

import json
import re
import time
from contextlib import contextmanager
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from content_api.headless_preview import HEADLESS_PREVIEW_MODE
from home.factories import StandardPageFactory
from webinars.models import WebinarPage

PREVIEW = "/api/v2/page_preview/"
PAGES = "/api/v2/pages/"
FRONT_END = "https://front.example.org/preview"


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "REDIRECT_ON_PREVIEW": True,
    }
    settings.CONTENT_API_PREVIEW_MAX_AGE = 15 * 60


@contextmanager
def clock_moved(seconds):
    """The clock (which tokens are signed with) `seconds` away from now."""
    now = time.time()
    with mock.patch.object(signing.time, "time", return_value=now + seconds):
        yield


def to_milliseconds(data):
    """`data` with its times to the millisecond: drafts are stored as JSON, which keeps
    no more (as in Wagtail's own revisions)."""
    return json.loads(re.sub(r"(T[0-9:]{8}\.[0-9]{3})[0-9]{3}", r"\1", json.dumps(data)))


def standard_page_form(title, introduction, paragraph, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "A plain content page.",
            "introduction": introduction,
            "body": streamfield([("paragraph", rich_text(paragraph))]),
        }
    )


def preview_in_admin(admin_client, page, form_data, mode=HEADLESS_PREVIEW_MODE):
    """What the editor's preview panel does: post the form, then load the preview."""
    url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = admin_client.post(url, form_data)
    assert posted.json()["is_valid"], posted.json()
    return admin_client.get(url, {"mode": mode})


def link_query(response) -> dict:
    """The query of the front end's preview link, from the admin's redirect."""
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(FRONT_END + "/?"), location
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}


def fetch_draft(client, query, **extra):
    params = {"content_type": query["content_type"], "token": query["token"]} | extra
    return client.get(PREVIEW, params)


# The editor's side ---------------------------------------------------------------------


@pytest.mark.django_db
def test_front_end_gets_the_draft_through_the_token_while_the_public_api_keeps_the_live_page(
    api_site, admin_client, client, front_end
):
    about = api_site.about
    response = preview_in_admin(
        admin_client,
        about,
        standard_page_form(
            "About us (draft)", "A new opening.", "<p>Rewritten, not live yet.</p>", "about"
        ),
    )
    query = link_query(response)
    assert query["content_type"] == "home.standardpage"
    assert query["locale"] == "en"
    assert "no-store" in response["Cache-Control"]

    draft = fetch_draft(client, query)
    assert draft.status_code == 200, draft.content
    data = draft.json()
    assert data["id"] == about.pk
    assert data["title"] == "About us (draft)"
    assert data["introduction"] == "A new opening."
    assert "Rewritten, not live yet." in data["body"][0]["value"]

    live = client.get(f"{PAGES}{about.pk}/").json()
    assert live["title"] == "About us"
    assert "Rewritten" not in str(live)


@pytest.mark.django_db
def test_spanish_draft_is_previewed_in_spanish(api_site, admin_client, client, front_end):
    response = preview_in_admin(
        admin_client,
        api_site.about_es,
        standard_page_form("Quiénes somos", "Una introducción.", "<p>Borrador.</p>", "about"),
    )
    query = link_query(response)
    assert query["locale"] == "es"
    data = fetch_draft(client, query).json()
    assert data["title"] == "Quiénes somos"
    assert data["meta"]["locale"] == "es"
    assert [t["locale"] for t in data["meta"]["translations"]] == ["en"]


@pytest.mark.django_db
def test_routable_page_types_preview_in_the_front_end_too(api_site, admin_client, front_end):
    webinar = WebinarPage.objects.get(pk=api_site.upcoming.pk)
    webinar.title = "SPARC budget advocacy (new date)"
    revision = webinar.save_revision()
    response = admin_client.get(
        f"/admin/pages/{webinar.pk}/revisions/{revision.pk}/view/",
        {"mode": HEADLESS_PREVIEW_MODE},
    )
    query = link_query(response)
    assert query["content_type"] == "webinars.webinarpage"


@pytest.mark.django_db
def test_front_end_is_shown_in_an_iframe_when_redirects_are_off(
    api_site, admin_client, settings, front_end
):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}}
    response = preview_in_admin(
        admin_client, api_site.about, standard_page_form("About us", "", "<p>Hi</p>", "about")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<iframe src="{FRONT_END}/?content_type=home.standardpage&amp;token=' in html


@pytest.mark.django_db
def test_site_preview_stays_the_default_mode(api_site, admin_client, front_end):
    page = api_site.about.specific
    assert page.preview_modes[0][0] == ""
    assert HEADLESS_PREVIEW_MODE in dict(page.preview_modes)
    response = preview_in_admin(
        admin_client,
        page,
        standard_page_form("About us", "", "<p>Rendered here.</p>", "about"),
        mode="",
    )
    assert response.status_code == 200
    assert "Rendered here." in response.content.decode()
    assert not PagePreview.objects.exists()


@pytest.mark.django_db
def test_headless_mode_is_offered_only_when_a_front_end_is_configured(api_site, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}}
    assert HEADLESS_PREVIEW_MODE not in dict(api_site.about.specific.preview_modes)


@pytest.mark.django_db
def test_new_page_is_previewed_without_id(api_site, admin_client, client, front_end):
    url = f"/admin/pages/add/home/standardpage/{api_site.home_page.pk}/preview/"
    form = standard_page_form("Our history", "Since 2013.", "<p>Not saved yet.</p>", "history")
    assert admin_client.post(url, form).json()["is_valid"]
    query = link_query(admin_client.get(url, {"mode": HEADLESS_PREVIEW_MODE}))

    data = fetch_draft(client, query).json()
    assert data["id"] is None
    assert data["meta"]["detail_url"] is None
    assert data["meta"]["parent"]["id"] == api_site.home_page.pk
    assert data["title"] == "Our history"


# The token -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_preview_presents_a_draft_exactly_as_the_pages_endpoint_presents_a_live_page(
    api_site, client, front_end
):
    for page in [api_site.about, api_site.upcoming, api_site.brief, api_site.about_es]:
        # What the editor previews: the latest revision, here the live one.
        page = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
        token = page.create_page_preview().token
        preview = client.get(PREVIEW, {"token": token}).json()
        live = client.get(f"{PAGES}{page.pk}/").json()
        assert to_milliseconds(preview) == to_milliseconds(live), page
        fields = {"token": token, "fields": "-body,-social_image"}
        assert "body" not in client.get(PREVIEW, fields).json()


@pytest.mark.django_db
def test_preview_is_never_cached_and_shares_no_validator(api_site, client, front_end):
    token = api_site.about.specific.create_page_preview().token
    public_etag = client.get(f"{PAGES}{api_site.about.pk}/")["ETag"]

    response = client.get(PREVIEW, {"token": token}, HTTP_IF_NONE_MATCH=public_etag)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")
    assert client.get(PREVIEW, {"token": token}, HTTP_IF_NONE_MATCH="*").status_code == 200


@pytest.mark.django_db
def test_missing_token_is_a_400(api_site, client, front_end):
    for params in [{}, {"token": ""}, {"content_type": "home.standardpage"}]:
        response = client.get(PREVIEW, params)
        assert response.status_code == 400
        assert response.json()["message"].startswith("token:")
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_tampered_or_made_up_tokens_are_403_and_reveal_nothing(api_site, client, front_end):
    about = api_site.about.specific
    token = about.create_page_preview().token
    identifier, timestamp, signature = token.split(":")
    bad_tokens = [
        f"{identifier}:{timestamp}:{signature[:-2]}xx",  # altered signature
        f"id={api_site.upcoming.pk}:{timestamp}:{signature}",  # another page, same signature
        f"{identifier}:{signing.b62_encode(int(time.time()) + 3600)}:{signature}",  # later
        signing.TimestampSigner(key="not-the-site-key", salt="headlesspreview.token").sign(
            identifier
        ),
        "id=1",
        "not a token",
        "::",
    ]
    for bad in bad_tokens:
        response = client.get(PREVIEW, {"token": bad})
        assert response.status_code == 403, bad
        assert response.json() == {"message": "token: not a valid preview token"}


@pytest.mark.django_db
def test_expired_token_is_a_403_and_its_draft_is_deleted(api_site, client, front_end):
    about = api_site.about.specific
    with clock_moved(-16 * 60):
        token = about.create_page_preview().token
    response = client.get(PREVIEW, {"token": token})
    assert response.status_code == 403
    assert "expired" in response.json()["message"]
    assert not PagePreview.objects.filter(token=token).exists()


@pytest.mark.django_db
def test_token_is_valid_until_the_configured_max_age(api_site, client, front_end, settings):
    settings.CONTENT_API_PREVIEW_MAX_AGE = 60 * 60
    with clock_moved(-30 * 60):
        token = api_site.about.specific.create_page_preview().token
    assert client.get(PREVIEW, {"token": token}).status_code == 200


@pytest.mark.django_db
def test_token_whose_draft_is_gone_is_a_404(api_site, client, front_end):
    preview = api_site.about.specific.create_page_preview()
    preview.delete()
    response = client.get(PREVIEW, {"token": preview.token})
    assert response.status_code == 404
    assert response.json()["message"].startswith("token:")


@pytest.mark.django_db
def test_token_for_one_page_does_not_reveal_another(api_site, client, front_end):
    about = api_site.about.specific
    webinar = api_site.upcoming.specific
    about_token = about.create_page_preview().token
    webinar_token = webinar.create_page_preview().token

    assert client.get(PREVIEW, {"token": about_token}).json()["id"] == about.pk
    assert client.get(PREVIEW, {"token": webinar_token}).json()["id"] == webinar.pk
    wrong_type = client.get(PREVIEW, {"token": about_token, "content_type": "webinars.webinarpage"})
    assert wrong_type.status_code == 404
    assert webinar.title not in wrong_type.content.decode()
    malformed = client.get(PREVIEW, {"token": about_token, "content_type": "../../etc"})
    assert malformed.status_code == 400
    assert malformed.json()["message"].startswith("content_type:")


@pytest.mark.django_db
def test_a_logged_in_editor_gets_no_draft_without_a_token(api_site, admin_client, front_end):
    api_site.about.specific.create_page_preview()
    assert admin_client.get(PREVIEW).status_code == 400


@pytest.mark.django_db
def test_unknown_parameters_are_a_400(api_site, client, front_end):
    token = api_site.about.specific.create_page_preview().token
    response = client.get(PREVIEW, {"token": token, "id": api_site.about.pk})
    assert response.status_code == 400
    assert "id" in response.json()["message"]


@pytest.mark.django_db
def test_expired_drafts_are_collected_when_an_editor_previews(api_site, admin_client, front_end):
    with clock_moved(-20 * 60):
        old = api_site.upcoming.specific.create_page_preview()
    recent = api_site.brief.specific.create_page_preview()
    preview_in_admin(
        admin_client, api_site.about, standard_page_form("About us", "", "<p>Hi</p>", "about")
    )
    tokens = set(PagePreview.objects.values_list("token", flat=True))
    assert old.token not in tokens
    assert recent.token in tokens
    assert len(tokens) == 2


FUZZ = hypothesis_settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@FUZZ
@given(
    token=st.one_of(st.text(max_size=80), st.from_regex(r"id=[0-9]{1,3}:[0-9A-Za-z]{6}:.{0,43}")),
    content_type=st.one_of(st.none(), st.text(max_size=30), st.just("home.standardpage")),
)
def test_no_made_up_token_gets_a_draft_or_a_server_error(
    api_site, client, front_end, token, content_type
):
    params = {"token": token} | ({"content_type": content_type} if content_type else {})
    response = client.get(PREVIEW, params)
    assert response.status_code in (400, 403), (params, response.content[:300])
    assert response.json()["message"]


@pytest.mark.django_db
@FUZZ
@given(position=st.integers(min_value=0, max_value=200), character=st.characters())
def test_no_altered_token_gets_a_draft(api_site, client, front_end, position, character):
    token = api_site.about.specific.create_page_preview().token
    position %= len(token)
    altered = token[:position] + character + token[position + 1 :]
    assume(altered != token)
    response = client.get(PREVIEW, {"token": altered})
    assert response.status_code in (400, 403), (altered, response.content[:300])


@pytest.mark.django_db
def test_a_page_of_another_site_is_previewed_in_that_sites_front_end(admin_client, settings):
    """The front end is chosen by the page's own site, not by the admin's host."""
    partner_front = "https://partner-front.example/preview"
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"partner.example.org": partner_front, "default": FRONT_END},
        "REDIRECT_ON_PREVIEW": True,
    }
    partner_home = StandardPageFactory(
        parent=Page.get_first_root_node(), title="Partner", slug="partner"
    )
    Site.objects.create(hostname="partner.example.org", root_page=partner_home)
    page = StandardPageFactory(parent=partner_home, title="Coalition news", slug="news")

    response = preview_in_admin(
        admin_client, page, standard_page_form("Coalition news", "", "<p>Draft.</p>", "news")
    )
    assert response.status_code == 302
    assert response["Location"].startswith(partner_front + "/?content_type=home.standardpage")
