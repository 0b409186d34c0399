"""Scale (issue 14, item 5): deep pages of the content API and the sitemap's files cost
the same queries whatever the size of the site, and past one file's worth of URLs the
sitemap becomes a sitemap index. (The member directory's pages: members/tests.)"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content_api.params import MAX_OFFSET
from home.factories import StandardPageFactory
from home.sitemap import MultilingualSitemap
from languages.tests.translating import publish_translation
from library.factories import DocumentFactory, ResourceFileFactory, ResourcePageFactory
from tests.query_budget import get, uncached, warm, warm_queries

pytestmark = pytest.mark.django_db

# In English: a page with a Spanish resource costs a query more (its locale and its
# topics' translations), wherever it is.
RESOURCES = "/api/v2/pages/?type=library.ResourcePage&locale=en&limit=20"


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_resources(site, count, start=0):
    for n in range(start, start + count):
        resource = ResourcePageFactory(
            parent=site.library, title=f"Resource {n}", cover_image=site.image
        )
        resource.topics.set([site.nutrition, site.health])
        resource.states.set(["OH", "AZ"])
        resource.save()
        ResourceFileFactory(page=resource, document=DocumentFactory())


def queries(client, url) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        body = get(client, url).json()
    return len(captured), body


# -- Deep pages of the content API ----------------------------------------------------


@pytest.mark.parametrize("fields", ["", "&fields=*"])
def test_a_deep_api_page_costs_the_queries_of_the_first(api_site, client, fields):
    add_resources(api_site, 45)
    total = get(client, RESOURCES).json()["meta"]["total_count"]
    first = warm_queries(client, RESOURCES + fields)
    deep = warm_queries(client, f"{RESOURCES}{fields}&offset={total - 20}")
    assert deep == first


@pytest.mark.parametrize("fields", ["", "&fields=*"])
def test_a_deep_api_page_costs_the_same_queries_on_a_bigger_site(api_site, client, fields):
    add_resources(api_site, 25)
    url = f"{RESOURCES}{fields}&offset=20"
    smaller = warm_queries(client, url)
    add_resources(api_site, 40, start=25)
    warm(client, url)
    bigger, body = queries(client, url)
    assert len(body["items"]) == 20
    assert bigger == smaller


def test_the_deepest_api_offset_answers_within_the_queries_of_the_first_page(api_site, client):
    add_resources(api_site, 3)
    first = warm_queries(client, RESOURCES)
    url = f"{RESOURCES}&offset={MAX_OFFSET}"
    warm(client, url)
    deepest, body = queries(client, url)
    assert body["items"] == []
    assert body["meta"]["total_count"] >= 3
    assert deepest <= first
    assert client.get(f"{RESOURCES}&offset={MAX_OFFSET + 1}").status_code == 400


# -- The sitemap and its index --------------------------------------------------------


@pytest.fixture
def small_files(monkeypatch):
    """Sitemap files of 5 URLs, so that a test site needs several."""
    monkeypatch.setattr(MultilingualSitemap, "limit", 5)
    return 5


def add_pages(home_page, count, start=0):
    for n in range(start, start + count):
        StandardPageFactory(parent=home_page, title=f"Page {n}", slug=f"page-{n}")


def index_locations(xml) -> list[str]:
    assert "<sitemapindex" in xml
    return re.findall(r"<sitemap>\s*<loc>([^<]*)</loc>", xml)


def url_locations(xml) -> list[str]:
    assert "<urlset" in xml
    return re.findall(r"<url>\s*<loc>([^<]*)</loc>", xml)


def files_of(client, index_xml) -> list[str]:
    return [
        client.get(location.removeprefix("http://testserver")).content.decode()
        for location in index_locations(index_xml)
    ]


def test_sitemap_within_one_file_is_served_at_sitemap_xml_itself(home_page, client):
    add_pages(home_page, 3)
    response = client.get("/sitemap.xml")
    assert response["Content-Type"] == "application/xml"
    assert len(url_locations(response.content.decode())) == 4  # the home page and three


def test_sitemap_past_one_file_is_an_index_of_files_of_at_most_the_limit(
    home_page, small_files, client
):
    add_pages(home_page, 11)  # 12 pages with the home page: three files
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert index_locations(xml) == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    files = [url_locations(file) for file in files_of(client, xml)]
    assert [len(file) for file in files] == [5, 5, 2]
    listed = [location for file in files for location in file]
    assert len(set(listed)) == 12
    assert "http://localhost/page-10/" in listed
    # robots.txt names the index, as it named the sitemap.
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_sitemap_file_past_the_last_is_a_404(home_page, small_files, client):
    add_pages(home_page, 6)
    assert client.get("/sitemap-pages.xml?p=2").status_code == 200
    for bad in ("3", "0", "x", "99999999999999999999"):
        assert client.get(f"/sitemap-pages.xml?p={bad}").status_code == 404, bad
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_files_keep_the_hreflang_alternates(home_page, small_files, client):
    publish_translation(home_page, title="Inicio")
    add_pages(home_page, 6)
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    publish_translation(about, title="Quiénes somos", slug="quienes-somos")
    xml = "".join(files_of(client, client.get("/sitemap.xml").content.decode()))
    assert (
        '<xhtml:link rel="alternate" hreflang="es" href="http://localhost/es/quienes-somos/"/>'
        in xml
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/about/"/>' in xml
    )


def test_sitemap_files_leave_out_restricted_and_draft_pages(home_page, small_files, client):
    add_pages(home_page, 8)
    secret = StandardPageFactory(parent=home_page, title="Secret", slug="secret")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    StandardPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    xml = "".join(files_of(client, client.get("/sitemap.xml").content.decode()))
    assert "/secret/" not in xml
    assert "/draft/" not in xml
    assert "/page-7/" in xml


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-pages.xml?p=2"])
def test_sitemap_index_and_files_cost_the_same_queries_with_more_files(
    home_page, small_files, client, url
):
    publish_translation(home_page, title="Inicio")
    add_pages(home_page, 14)  # 16 pages: four files
    smaller = warm_queries(client, url)
    add_pages(home_page, 30, start=14)  # 46 pages: ten files
    bigger = warm_queries(client, url)
    assert "sitemap-pages.xml?p=10" in client.get("/sitemap.xml").content.decode()
    assert bigger == smaller


def test_sitemap_index_gives_each_file_the_newest_lastmod_of_the_site(
    home_page, small_files, client
):
    newest = timezone.now().replace(microsecond=0)
    add_pages(home_page, 5)
    StandardPageFactory(parent=home_page, title="News", slug="news", last_published_at=newest)
    xml = client.get("/sitemap.xml").content.decode()
    assert xml.count(f"<lastmod>{newest.date().isoformat()}") == 2
