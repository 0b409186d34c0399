"""Every privacy rule at every entry point: restricted content changes no public response.

For each rule a site with every section is built and every public response read: each
page in both languages, with its listing filters and search; the routes a routable page
declares (calendars); the sitemap; the site search and its suggestions; every content API
endpoint's listings and details. Then content restricted by that rule is added (a
resource, a webinar, a member profile and a standard page, filed under the campaign's
network and the site's topics, worded with a word nothing else uses) and every response
is read again. Each must be the same as before, byte for byte, apart from its validators:
an entry point that let the content through would show it, or count it. The restricted
pages themselves must not open, be found by id or path, or be found by search.

Entry points are discovered, not listed: every page of the tree, every route a routable
page declares without arguments, every endpoint on the API router. A URL pattern the
crawl does not reach must be named in EXEMPT with the reason
(`test_every_url_pattern_is_crawled_or_exempt`), so a new entry point joins the matrix.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from content_api.router import api_router
from home.factories import NetworkFactory, StandardPageFactory, TopicFactory
from languages.tests.translating import publish_translation
from library.factories import (
    DocumentFactory,
    ImageFactory,
    LibraryIndexPageFactory,
    ResourceFileFactory,
    ResourcePageFactory,
)
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from privacy.restricting import (
    private_collection,
    restrict_page_to_logged_in,
    restrict_page_to_members,
    restrict_page_with_password,
)
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

SECRET = "zanzibarite"  # noqa: S105 - the word only restricted content uses
API = "/api/v2"
# Routes the crawl does not read, and why. Everything else must be crawled.
EXEMPT = {
    "admin/": "editors only, behind a login",
    "documents/": "checked file by file: test_restricted_files_never_download_anonymously",
    "healthz": "says whether services answer; no content",
    "member_login": "the login form; no content",
    "member_logout": "logging out; no content",
    "wagtailcore_login": "Wagtail's login form for restricted pages; no content",
    "wagtailcore_authenticate_with_password": "the password form's POST; no content",
    "api_unknown_path": "a JSON 404 for any unknown API path",
    "page_preview": "a draft behind a signed token, never public (tests/test_api_preview.py)",
}
# Routes the crawl reads (site_urls, api_urls).
CRAWLED = {
    "wagtail_serve": "every page of the tree, with its routes and listing filters",
    "search:results": "the site search, for the restricted word",
    "search:suggest": "suggestions, for the restricted word",
    "sitemap": "the sitemap (or, past one file, its index)",
    "sitemap_section": "the sitemap's files",
    "robots_txt": "robots.txt",
    "api/v2/": "every endpoint on the router (api_urls)",
}


@dataclass
class Site:
    home: Page
    sections: dict = field(default_factory=dict)
    secrets: list = field(default_factory=list)  # the restricted pages
    secret_files: list = field(default_factory=list)  # documents and images


def build_site(home_page) -> Site:
    """One public page of every kind, in English and Spanish, and a campaign that lists
    the pages of its network; nothing restricted."""
    health = TopicFactory(name="Child health", slug="child-health")
    sparc = NetworkFactory(name="SPARC", slug="sparc")
    publish_translation(home_page, title="Inicio")
    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    library = LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")
    resource = ResourcePageFactory(parent=library, title="Open brief", topics=[health])
    ResourceFileFactory(page=resource, document=DocumentFactory(title="Open brief file"))
    ImageFactory(title="Open photo")
    webinars = WebinarIndexPageFactory(parent=home_page)
    WebinarPageFactory(parent=webinars, title="Open session", networks=[sparc])
    directory = MemberDirectoryPageFactory(parent=home_page)
    MemberProfilePageFactory(parent=directory, title="Open Alliance", networks=[sparc])
    campaigns = CampaignIndexPageFactory(parent=home_page)
    CampaignPageFactory(parent=campaigns, title="SPARC", networks=[sparc], topics=[health])
    for page in Page.objects.filter(depth__gt=2).specific():
        page.save_revision().publish()  # as editors publish: with a revision and its time
    for page in (about, library, webinars, directory):
        publish_translation(page)
    return Site(
        home=home_page,
        sections={
            "about": about,
            "library": library,
            "webinars": webinars,
            "directory": directory,
            "topic": health,
            "network": sparc,
        },
    )


# The secrets: one page of each kind, restricted by one rule ---------------------------


def secret_pages(site: Site, parents: dict) -> list[Page]:
    """A resource, a webinar, a member and a standard page (in the menu) under `parents`,
    each filed under the site's topic and network and named with the secret word."""
    topic, network = site.sections["topic"], site.sections["network"]
    pages = [
        ResourcePageFactory(
            parent=parents["library"], title=f"The {SECRET} report", summary=f"On {SECRET}."
        ),
        WebinarPageFactory(
            parent=parents["webinars"],
            title=f"The {SECRET} session",
            summary=f"On {SECRET}.",
            starts_at=timezone.now() + timedelta(days=3),
        ),
        MemberProfilePageFactory(
            parent=parents["directory"],
            title=f"The {SECRET} alliance",
            description=f"On {SECRET}.",
            home_state_id="WY",
        ),
        StandardPageFactory(
            parent=parents["home"],
            title=f"The {SECRET} page",
            summary=f"On {SECRET}.",
            show_in_menus=True,
        ),
    ]
    for page in pages:
        if hasattr(page, "topics"):
            page.topics = [topic]
            page.networks = [network]
        if getattr(page, "states", None) is not None:
            page.states = ["WY"]
        page.save_revision().publish()
    return [Page.objects.get(pk=page.pk).specific for page in pages]


def public_parents(site: Site) -> dict:
    return {
        "home": site.home,
        "library": site.sections["library"],
        "webinars": site.sections["webinars"],
        "directory": site.sections["directory"],
    }


def restricted_sections(site: Site, restrict=restrict_page_to_members) -> dict:
    """A members-only section of each kind, beside the public ones."""
    home = site.home
    sections = {
        "home": StandardPageFactory(parent=home, title="Members area", slug="members-area"),
        "library": LibraryIndexPageFactory(
            parent=site.sections["library"], title="Members library", slug="members-library"
        ),
        "webinars": WebinarIndexPageFactory(parent=home, title="Members", slug="member-sessions"),
        "directory": MemberDirectoryPageFactory(parent=home, slug="member-directory"),
    }
    for section in sections.values():
        restrict(section)
    return sections


def rule_login(site, client, on_commit):
    site.secrets = secret_pages(site, public_parents(site))
    for page in site.secrets:
        restrict_page_to_logged_in(page)


def rule_group(site, client, on_commit):
    site.secrets = secret_pages(site, public_parents(site))
    for page in site.secrets:
        restrict_page_to_members(page)


def rule_password(site, client, on_commit):
    site.secrets = secret_pages(site, public_parents(site))
    for page in site.secrets:
        restrict_page_with_password(page, "a-shared-secret")


def rule_unpublished(site, client, on_commit):
    """Published and read by every entry point (so any cache holds them), then
    unpublished: drafts again."""
    site.secrets = secret_pages(site, public_parents(site))
    crawl(client, site_urls(site))
    for page in site.secrets:
        page.unpublish()


def rule_section(site, client, on_commit):
    site.secrets = secret_pages(site, restricted_sections(site))


def rule_restricted_after_publishing(site, client, on_commit):
    """Public first, and read by every entry point (so any cache holds them), then
    restricted."""
    site.secrets = secret_pages(site, public_parents(site))
    crawl(client, site_urls(site))
    for page in site.secrets:
        restrict_page_to_members(page)


def rule_alias(site, client, on_commit):
    """Aliases, in the public sections, of pages in members-only sections."""
    sources = secret_pages(site, restricted_sections(site))
    aliases = [
        source.create_alias(parent=public_parents(site)[key], update_slug=f"{source.slug}-alias")
        for key, source in zip(["library", "webinars", "directory", "home"], sources, strict=True)
    ]
    site.secrets = sources + aliases


def rule_alias_then_restricted(site, client, on_commit):
    """Aliases of public pages, read by every entry point (so any cache holds them); then
    the sources are restricted, and edited again as members-only pages."""
    sources = secret_pages(site, public_parents(site))
    aliases = [source.create_alias(update_slug=f"{source.slug}-alias") for source in sources]
    crawl(client, site_urls(site))
    for page in sources:
        restrict_page_to_members(page)
        page.title = f"{page.title} (members' edit)"
        page.save_revision().publish()  # aliases follow their source's edits
    site.secrets = sources + aliases


def rule_moved_into_members_section(site, client, on_commit):
    """Public pages with Spanish translations and aliases, read by every entry point;
    then each source is moved into a members-only section."""
    sources = secret_pages(site, public_parents(site))
    translations = [publish_translation(page) for page in sources]
    aliases = [source.create_alias(update_slug=f"{source.slug}-alias") for source in sources]
    crawl(client, site_urls(site))
    sections = restricted_sections(site)
    with on_commit(execute=True):  # wagtail-localize and the mirror act on commit
        for key, page in zip(["library", "webinars", "directory", "home"], sources, strict=True):
            page.move(sections[key], pos="last-child")
    site.secrets = [
        Page.objects.get(pk=page.pk).specific for page in [*sources, *translations, *aliases]
    ]


def rule_copy(site, client, on_commit):
    """Copies an editor makes (in the admin) in the public sections of members-only pages."""
    sources = secret_pages(site, restricted_sections(site))
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", password="x-pass-1"))
    site.secrets = list(sources)
    for key, source in zip(["library", "webinars", "directory", "home"], sources, strict=True):
        parent = public_parents(site)[key]
        response = editor.post(
            f"/admin/pages/{source.pk}/copy/",
            {
                "new_title": source.title,
                "new_slug": f"{source.slug}-copy",
                "new_parent_page": parent.pk,
                "publish_copies": "on",
            },
        )
        assert response.status_code == 302, response.content[:300]
        site.secrets.append(parent.get_children().get(slug=f"{source.slug}-copy").specific)


def rule_translation(site, client, on_commit):
    """Pages translated into Spanish while public; then the English is restricted."""
    sources = secret_pages(site, public_parents(site))
    translations = [publish_translation(page) for page in sources]
    with on_commit(execute=True):  # wagtail-localize and the mirror act on commit
        for page in sources:
            restrict_page_to_members(page)
    site.secrets = sources + translations


def rule_child_collection(site, client, on_commit):
    """Files in a child collection of the members-only collection."""
    child = private_collection().add_child(name=f"{SECRET} files")
    site.secret_files = [
        DocumentFactory(title=f"The {SECRET} budget", collection=child),
        ImageFactory(title=f"The {SECRET} photo", collection=child),
    ]


RULES = {
    "login": rule_login,
    "group": rule_group,
    "password": rule_password,
    "unpublished": rule_unpublished,
    "section": rule_section,
    "restricted_after_publishing": rule_restricted_after_publishing,
    "alias": rule_alias,
    "alias_then_restricted": rule_alias_then_restricted,
    "moved_into_members_section": rule_moved_into_members_section,
    "copy": rule_copy,
    "translation": rule_translation,
    "child_collection": rule_child_collection,
}


# The crawl ------------------------------------------------------------------------------


def routes_without_arguments(page) -> list[str]:
    """The sub-page routes of a routable page that take no argument (e.g. calendar/)."""
    if not isinstance(page, RoutablePageMixin):
        return []
    routes = []
    for pattern in page.get_resolver().url_patterns:
        if pattern.pattern.regex.groups == 0 and str(pattern.pattern) not in ("", "^$"):
            routes.append(page.reverse_subpage(pattern.name))
    return routes


# Query strings every page and listing is read with: filters the restricted content is
# filed under, and its word.
LISTING_QUERIES = ["", "?topic=child-health", "?network=sparc", "?state=WY", f"?q={SECRET}"]


def site_urls(site: Site) -> list[str]:
    urls = []
    pages = [
        page
        for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path")
        if page.url
    ]
    for page in pages:
        routes = [page.url, *(page.url + route for route in routes_without_arguments(page))]
        # A section (a page with pages below it) is read with every filter; others once.
        queries = LISTING_QUERIES if page.get_children().exists() else [""]
        urls += [route + query for route in routes for query in queries]
    for prefix in ("", "/es"):
        urls += [
            f"{prefix}/search/?q={SECRET}",
            f"{prefix}/search/?q=open",
            f"{prefix}/search/suggest/?q={SECRET[:4]}",
        ]
    urls += ["/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"]
    return urls + api_urls(pages)


def api_urls(pages) -> list[str]:
    """Every endpoint on the router: listings with the filters and search that would
    find the restricted content, and the detail of every item listed."""
    urls = []
    client = Client()
    page_types = sorted({f"{type(p)._meta.app_label}.{type(p).__name__}" for p in pages})
    for name in api_router._endpoints:
        if name in EXEMPT:
            continue
        listing = f"{API}/{name}/"
        if name == "pages":
            queries = [f"?type={page_type}&fields=*" for page_type in page_types]
            queries += [f"?search={SECRET}", "?locale=es", "?topic=child-health&network=sparc"]
            urls += [listing, *(listing + query for query in queries), f"{listing}?state=WY"]
            urls += [f"{listing}{page.pk}/" for page in pages]
            urls += [f"{listing}find/?html_path={page.url}" for page in pages]
            continue
        # The queries this endpoint takes (a 400 for a parameter it does not know).
        variants = ["?locale=es", f"?search={SECRET}", "?network=sparc"]
        urls.append(listing)
        urls += [listing + q for q in variants if client.get(listing + q).status_code != 400]
        response = client.get(listing)
        if response.status_code != 200 or "items" not in response.json():
            continue
        for item in response.json()["items"]:
            key = item.get("id") or item.get("slug") or item.get("code")
            # States: the restricted member's and the public one's (not all 56).
            if key in (None, "") or ("code" in item and key not in ("WY", "OH")):
                continue
            urls.append(f"{listing}{key}/")
    return urls


# Each response has a fresh CSP nonce (security/csp.py): not a change of content.
NONCE = re.compile(rb'nonce="[^"]*"')


def crawl(client, urls) -> dict[str, tuple]:
    seen = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        seen[url] = (response.status_code, response.get("Location", ""), NONCE.sub(b"", body))
    return seen


def differences(before: dict, after: dict) -> list[str]:
    return [url for url in before if before[url] != after[url]]


# The tests ------------------------------------------------------------------------------


def titles_of(site: Site) -> list[bytes]:
    return [item.title.encode() for item in [*site.secrets, *site.secret_files]]


@pytest.mark.django_db
@pytest.mark.parametrize("rule", RULES)
def test_restricted_content_changes_no_public_response(
    rule, home_page, django_capture_on_commit_callbacks
):
    site = build_site(home_page)
    anonymous = Client()
    urls = site_urls(site)
    before = crawl(anonymous, urls)

    RULES[rule](site, anonymous, django_capture_on_commit_callbacks)
    after = crawl(anonymous, urls)

    changed = differences(before, after)
    assert not changed, f"{rule}: restricted content changed {len(changed)} responses: {changed}"
    titles = titles_of(site)
    leaks = [url for url, (_s, _l, body) in after.items() if any(t in body for t in titles)]
    assert not leaks, f"{rule}: a restricted title is in {leaks}"
    for page in site.secrets:
        # It asks for a login, or a password (200 with the form), or is not found (a
        # draft), and shows nothing.
        response = anonymous.get(page.url)
        assert response.status_code in (200, 302, 404), (rule, page.url)
        assert f"On {SECRET}." not in response.text, (rule, page.url)
        assert anonymous.get(f"{API}/pages/{page.pk}/").status_code == 404, (rule, page.url)
        find = anonymous.get(f"{API}/pages/find/", {"html_path": page.url})
        assert find.status_code == 404, (rule, page.url)


@pytest.mark.django_db
def test_restricted_files_never_download_anonymously(home_page):
    site = build_site(home_page)
    rule_child_collection(site, Client(), on_commit=None)
    document = site.secret_files[0]

    response = Client().get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def url_pattern_names(patterns, prefix="", namespace="") -> set[str]:
    """Each route of the URLconf by its (namespaced) name; an include that the crawl
    treats as one (the admin, documents, the API router) by its prefix."""
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            route = prefix + str(pattern.pattern)
            if route in EXEMPT or route in CRAWLED:
                names.add(route)
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_pattern_names(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            names.add(namespace + (pattern.name or prefix + str(pattern.pattern)))
    return names


def test_every_url_pattern_is_crawled_or_exempt():
    """A new URL (a feed, an embed, a widget) must be read by the crawl above (add it to
    `site_urls` or `api_urls`, and to CRAWLED) or be named in EXEMPT with the reason."""
    names = url_pattern_names(get_resolver().url_patterns)
    unknown = names - set(CRAWLED) - set(EXEMPT)
    assert not unknown, f"Not crawled for privacy, and not exempt: {sorted(unknown)}"
    assert set(CRAWLED) <= names, f"Crawled but gone: {sorted(set(CRAWLED) - names)}"
