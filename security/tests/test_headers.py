"""Every response carries the security headers: the CSP (strict on the public site, with
the nonce the page's scripts carry; looser in the admin), Referrer-Policy,
Permissions-Policy and Cross-Origin-Opener-Policy."""

import re

import pytest
from django.http import HttpResponse
from django.urls import reverse

from security.csp import directives_for

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_other_headers(response):
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "browsing-topics"):
        assert f"{feature}=()" in policy


def test_every_public_page_type_sends_the_strict_policy(client, site_pages):
    for name, page in site_pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, name
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["style-src"] == ["'self'"]
        script_src = policy["script-src"]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert_other_headers(response)


def test_the_json_ld_carries_the_nonce_of_its_own_response(client, site_pages):
    nonces = set()
    for _ in range(2):
        response = client.get(site_pages["webinar"].url)
        (nonce,) = re.findall(
            r'<script type="application/ld\+json" nonce="([^"]+)">', response.content.decode()
        )
        assert f"'nonce-{nonce}'" in directives(response)["script-src"]
        nonces.add(nonce)
    assert len(nonces) == 2, "a fresh nonce per response"


def test_no_inline_script_or_style_attribute_without_a_nonce(client, site_pages):
    for name, page in site_pages.items():
        html = client.get(page.url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "nonce=" in tag, (name, tag)
        assert " style=" not in html and "<style" not in html, name


def test_other_responses_send_the_headers_too(client, site_pages):
    for url in ("/search/?q=child", "/sitemap.xml", "/api/v2/pages/", "/login/", "/no-such/"):
        response = client.get(url)
        assert directives(response)["default-src"] == ["'self'"], url
        assert_other_headers(response)


def test_the_admin_has_its_own_policy(client, admin_user):
    response = client.get(reverse("wagtailadmin_login"))
    assert directives(response)["script-src"] == ["'self'", "'unsafe-inline'"]
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's templates have inline scripts and styles; nothing else is loosened.
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert_other_headers(response)


def test_a_view_that_allows_same_origin_framing_is_framed_by_the_site_only(rf):
    """Wagtail's preview (xframe_options_sameorigin_override) is shown in the editor's
    iframe: frame-ancestors follows X-Frame-Options there instead of forbidding it."""
    framed, denied = HttpResponse(), HttpResponse()
    framed["X-Frame-Options"] = "SAMEORIGIN"
    request = rf.get("/admin/pages/1/edit/preview/")
    assert directives_for(request, framed)["frame-ancestors"] == ["'self'"]
    assert directives_for(request, denied)["frame-ancestors"] == ["'none'"]


@pytest.mark.s3
def test_images_on_s3_are_allowed_from_the_bucket(client, site_pages, s3_storage, s3_endpoint):
    endpoint, _ = s3_endpoint
    policy = directives(client.get(site_pages["home"].url))
    assert policy["img-src"] == ["'self'", "data:", endpoint]


def test_images_on_this_host_need_no_other_origin(client, site_pages):
    assert directives(client.get(site_pages["home"].url))["img-src"] == ["'self'", "data:"]
