"""Home and standard pages: tree rules, admin round trip, rendering, API."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_goes_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_goes_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_standard_page_has_only_standard_children(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


@pytest.mark.django_db
def test_editor_creates_standard_page_through_the_admin(home_page, admin_client):
    data = nested_form_data(
        {
            "title": "Our history",
            "slug": "our-history",
            "summary": "Formed in 2013 by executive directors.",
            "introduction": "How the network began.",
            "body": streamfield(
                [
                    ("heading", {"text": "Since 2013", "level": "h2"}),
                    ("paragraph", rich_text("<p>Advocates learn from each other.</p>")),
                    ("statistic", {"value": "46", "label": "SPARC members", "source": ""}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/", data, follow=True
    )
    assert response.status_code == 200
    page = StandardPage.objects.get(slug="our-history")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "statistic"]

    public = admin_client.get(page.url)
    html = public.content.decode()
    assert "<h1>Our history</h1>" in html
    assert "<h2>Since 2013</h2>" in html
    assert "SPARC members" in html


@pytest.mark.django_db
def test_standard_page_missing_title_is_a_form_error_not_a_500(home_page, admin_client):
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        nested_form_data({"title": "", "slug": "", "body-count": 0, "action-publish": "1"}),
    )
    assert response.status_code == 200
    assert not StandardPage.objects.exists()
    assert "This field is required" in response.content.decode()


@pytest.mark.django_db
def test_home_page_renders_hero_landmarks_and_skip_link(home_page, client):
    html = client.get("/").content.decode()
    assert "Building a Future Where All Our Children Can Thrive." in html
    assert 'href="#main-content"' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<footer" in html
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_menu_shows_live_public_menu_pages_only(home_page, client):
    StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Hidden page", show_in_menus=False)
    StandardPageFactory(parent=home_page, title="Draft page", show_in_menus=True, live=False)
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert "About us" in nav
    assert "Hidden page" not in nav
    assert "Draft page" not in nav


@pytest.mark.django_db
def test_standard_page_has_seo_and_open_graph_meta(home_page, client):
    page = StandardPageFactory(
        parent=home_page, title="About us", summary="Who we are.", search_description=""
    )
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Who we are.">' in html
    assert '<meta property="og:title" content="About us">' in html
    assert f'<link rel="canonical" href="{page.full_url}">' in html


@pytest.mark.django_db
def test_standard_page_in_api_has_its_fields(home_page, client):
    page = StandardPageFactory(parent=home_page, title="About us", introduction="Intro.")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["title"] == "About us"
    assert data["introduction"] == "Intro."
    assert data["meta"]["type"] == "home.StandardPage"
