"""Site-wide behaviour: redirects, sitemap, robots.txt, error pages, embeds, settings."""

import pytest
from django.template.loader import render_to_string
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_old_url_redirects_permanently_to_the_new_page(home_page, client):
    page = StandardPageFactory(parent=home_page, title="About us", slug="about")
    Redirect.objects.create(old_path="/who-we-are", redirect_page=page, is_permanent=True)
    response = client.get("/who-we-are/")
    assert response.status_code == 301
    assert response["Location"].endswith("/about/")


def test_sitemap_lists_live_public_pages_only(home_page, client):
    StandardPageFactory(parent=home_page, title="Public", slug="public")
    StandardPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    private = StandardPageFactory(parent=home_page, title="Private", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/public/" in xml
    assert "/draft/" not in xml
    assert "/private/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_unknown_page_gets_the_sites_own_404(home_page, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="#main-content"' in html


def test_500_page_renders_without_any_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


def test_footer_shows_the_contact_email_from_site_settings(home_page, client):
    SiteSettings.objects.create(
        site=home_page.get_site(),
        contact_email="info@partnership.example.org",
        x_url="https://x.example/partnership",
    )
    html = client.get("/").content.decode()
    assert 'href="mailto:info@partnership.example.org"' in html
    assert 'href="https://x.example/partnership"' in html


def test_embed_block_renders_a_link_without_calling_the_provider(home_page, client):
    page = StandardPageFactory(
        parent=home_page,
        body=[("embed", "https://www.youtube.com/watch?v=census2030")],
    )
    html = client.get(page.url).content.decode()
    assert 'href="https://www.youtube.com/watch?v=census2030"' in html
    assert "Watch on www.youtube.com" in html
