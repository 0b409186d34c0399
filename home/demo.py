"""Demo content for the site's common ground, written from the organisation's own text.

The organisation's own text is in demo/content/site-copy.txt (demo.site_copy). Every
function here is idempotent: it creates what is missing and leaves what exists alone, so
`load_demo_content` can run again safely.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from demo.site_copy import site_copy_html, site_copy_paragraph
from home.models import HomePage, Network, SiteNotice, SiteSettings, StandardPage, Topic

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "partnership-demo"  # noqa: S105 - a demo account, printed by `make run`
CONTACT_EMAIL = "info@partnership.example.org"

TOPICS = [
    ("Child health", "child-health"),
    ("Child nutrition", "child-nutrition"),
    ("State budgets", "state-budgets"),
    ("Child tax credits", "child-tax-credits"),
    ("Income supports", "income-supports"),
    ("Early childhood and parent advocacy", "early-childhood"),
    ("Child welfare", "child-welfare"),
    ("Census and data", "census-and-data"),
    ("Race equity", "race-equity"),
]


# Openings of the paragraphs of the organisation's text that the demo uses.
FORMED = "The Partnership for America’s Children was formed"
SPARC = "The Partnership for America’s Children is the home"


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def load_taxonomy(log):
    for name, slug in TOPICS:
        Topic.objects.get_or_create(
            slug=slug, locale_id=_default_locale_id(), defaults={"name": name}
        )
    Network.objects.get_or_create(
        slug="partnership",
        locale_id=_default_locale_id(),
        defaults={
            "name": "Partnership for America’s Children",
            "short_name": "Partnership",
            "description": site_copy_paragraph(FORMED),
        },
    )
    Network.objects.get_or_create(
        slug="sparc",
        locale_id=_default_locale_id(),
        defaults={
            "name": "State Policy Advocacy and Reform Center",
            "short_name": "SPARC",
            "description": site_copy_paragraph(
                "The Partnership for America’s Children is the home"
            ),
        },
    )
    log(f"  taxonomy: {Topic.objects.count()} topics, {Network.objects.count()} networks")


def _default_locale_id():
    from wagtail.models import Locale

    return Locale.get_default().pk


def load_home_page(log) -> HomePage:
    home = HomePage.objects.filter(locale_id=_default_locale_id()).first()
    if home is not None:
        log("  home page: already there")
        return home

    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a "Welcome to Wagtail" page where ours goes.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(
            title="Home",
            slug="home",
            seo_title="Partnership for America’s Children",
            summary="A network of state and local child advocacy organizations, "
            "building a future where all our children can thrive.",
            hero_heading=site_copy_paragraph("Building a Future"),
            hero_text="A strong, connected, and dynamic network of state and local child "
            "advocates advancing transformative policy for children and families.",
            mission=site_copy_html(FORMED) + site_copy_html("Most policy decisions"),
            vision_heading="Our vision",
            vision=site_copy_html("To achieve our vision"),
            provisions_heading="What we provide to our members",
            provisions=[
                (
                    "provision",
                    {
                        "heading": "Peer network",
                        "text": site_copy_paragraph("The Partnership brings together"),
                    },
                ),
                (
                    "provision",
                    {
                        "heading": "Information and learning",
                        "text": site_copy_paragraph("The Partnership believes"),
                    },
                ),
                (
                    "provision",
                    {
                        "heading": "Funding",
                        "text": site_copy_paragraph("Working with national and regional funders"),
                    },
                ),
                (
                    "provision",
                    {
                        "heading": "Specialized networks",
                        "text": site_copy_paragraph("The Partnership provides targeted leadership"),
                    },
                ),
            ],
            body=[
                (
                    "statistic",
                    {
                        "value": "$10 million",
                        "label": "regranted to members since 2018",
                        "source": "",
                    },
                ),
                (
                    "statistic",
                    {
                        "value": "80%",
                        "label": "of the Partnership’s 2022 budget went to regrants for members",
                        "source": "",
                    },
                ),
            ],
        )
    )
    publish(home)

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8000
    site.site_name = "Partnership for America’s Children"
    site.root_page = home
    site.save()
    log("  home page: created, and made the root of the default site")
    return home


def load_standard_pages(home: HomePage, log) -> None:
    pages = [
        {
            "title": "About us",
            "slug": "about",
            "summary": "Who we are: a network of state and local child advocates, formed in 2013.",
            "introduction": site_copy_paragraph(
                "The Partnership for America’s Children was formed"
            ),
            "body": [
                ("heading", {"text": "Why state and local advocacy", "level": "h2"}),
                ("paragraph", site_copy_html("Most policy decisions")),
                ("heading", {"text": "What we provide", "level": "h2"}),
                ("paragraph", site_copy_html("To achieve our vision")),
                ("paragraph", site_copy_html("The Partnership brings together")),
                ("paragraph", site_copy_html("The Partnership believes")),
                (
                    "paragraph",
                    site_copy_html("Working with national and regional funders"),
                ),
            ],
        },
        {
            "title": "Specialized networks",
            "slug": "specialized-networks",
            "summary": "Targeted leadership on child welfare (SPARC) and an accurate Census "
            "count of young children.",
            "introduction": site_copy_paragraph("The Partnership provides targeted leadership"),
            "body": [
                (
                    "heading",
                    {"text": "SPARC: the State Policy Advocacy and Reform Center", "level": "h2"},
                ),
                (
                    "paragraph",
                    site_copy_html(SPARC),
                ),
                ("heading", {"text": "Count All Kids: the Census", "level": "h2"}),
                ("paragraph", site_copy_html("Accurate Census Data")),
            ],
        },
    ]
    for fields in pages:
        if home.get_children().filter(slug=fields["slug"]).exists():
            continue
        page = home.add_child(instance=StandardPage(show_in_menus=True, **fields))
        publish(page)
        log(f"  page: {page.title}")


def load_site_settings(home: HomePage, log) -> None:
    site = home.get_site()
    _, created = SiteSettings.objects.get_or_create(
        site=site, defaults={"contact_email": CONTACT_EMAIL}
    )
    if created:
        log("  site settings: contact email")
    if not SiteNotice.objects.exists():
        SiteNotice.objects.create(
            locale_id=_default_locale_id(),
            text="We’re in the process of redesigning our website, and some pages are "
            "currently unavailable. If you’re looking for a specific resource or have any "
            f"questions, please contact us at {CONTACT_EMAIL}.",
        )
        log("  site notice: the redesign notice")


def load_demo_admin(log) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=DEMO_ADMIN_USERNAME,
        defaults={"email": "admin@partnership.example.org", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save()
    log(f"  demo admin: {'created' if created else 'already there'}")


def load(log) -> HomePage:
    load_taxonomy(log)
    home = load_home_page(log)
    load_standard_pages(home, log)
    load_site_settings(home, log)
    load_demo_admin(log)
    return home
