"""Demo content for the site's common ground, in English and Spanish: the taxonomy, the
home page, “About us”, “Specialized networks”, the default site, its settings and notice,
and the demo admin.

The English is written from the organisation's own text (demo/content/site-copy.txt,
read through demo.site_copy). The Spanish, made through wagtail-localize
(demo.translation), is written for the families and advocates the network serves:
plain, respectful Spanish (“usted”), the organisation's name and its programmes' names
kept as they are known (Partnership for America’s Children, SPARC, Count All Kids), with
a Spanish gloss where a reader needs one. Glossary keys are the English exactly as the
demo writes it, so a change to the English fails the load until its Spanish is written.

Everything is built with the app's factories, the tests' own. Every function creates
what is missing and leaves what exists alone, so `load_demo_content` can run again.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from demo.building import publish
from demo.site_copy import (
    FORMED,
    SITE_COPY_ES,
    SPARC,
    site_copy_html,
    site_copy_paragraph,
)
from demo.translation import translate_demo_object
from home.factories import (
    HomePageFactory,
    NetworkFactory,
    SiteNoticeFactory,
    SiteSettingsFactory,
    StandardPageFactory,
    TopicFactory,
)
from home.models import HomePage, Network, SiteNotice, SiteSettings, Topic

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "partnership-demo"  # noqa: S105 - a demo account, printed by `make run`
CONTACT_EMAIL = "info@partnership.example.org"

# Openings of the paragraphs of the organisation's text that the demo uses.

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

# (slug, name, short name, the opening of the paragraph that describes it)
NETWORKS = [
    ("partnership", "Partnership for America’s Children", "Partnership", FORMED),
    ("sparc", "State Policy Advocacy and Reform Center", "SPARC", SPARC),
]

HOME_PAGE = {
    "title": "Home",
    "slug": "home",
    "seo_title": "Partnership for America’s Children",
    "summary": "A network of state and local child advocacy organizations, building a future "
    "where all our children can thrive.",
    "hero_heading": site_copy_paragraph("Building a Future"),
    "hero_text": "A strong, connected, and dynamic network of state and local child advocates "
    "advancing transformative policy for children and families.",
    "mission": site_copy_html(FORMED) + site_copy_html("Most policy decisions"),
    "vision_heading": "Our vision",
    "vision": site_copy_html("To achieve our vision"),
    "provisions_heading": "What we provide to our members",
    "provisions": [
        ("provision", {"heading": heading, "text": site_copy_paragraph(opening)})
        for heading, opening in [
            ("Peer network", "The Partnership brings together"),
            ("Information and learning", "The Partnership believes"),
            ("Funding", "Working with national and regional funders"),
            ("Specialized networks", "The Partnership provides targeted leadership"),
        ]
    ],
    "body": [
        (
            "statistic",
            {"value": "$10 million", "label": "regranted to members since 2018", "source": ""},
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
}

STANDARD_PAGES = [
    {
        "title": "About us",
        "slug": "about",
        "summary": "Who we are: a network of state and local child advocates, formed in 2013.",
        "introduction": site_copy_paragraph(FORMED),
        "body": [
            ("heading", {"text": "Why state and local advocacy", "level": "h2"}),
            ("paragraph", site_copy_html("Most policy decisions")),
            ("heading", {"text": "What we provide", "level": "h2"}),
            ("paragraph", site_copy_html("To achieve our vision")),
            ("paragraph", site_copy_html("The Partnership brings together")),
            ("paragraph", site_copy_html("The Partnership believes")),
            ("paragraph", site_copy_html("Working with national and regional funders")),
        ],
    },
    {
        "title": "Specialized networks",
        "slug": "specialized-networks",
        "summary": "Targeted leadership on child welfare (SPARC) and an accurate Census count "
        "of young children.",
        "introduction": site_copy_paragraph("The Partnership provides targeted leadership"),
        "body": [
            (
                "heading",
                {"text": "SPARC: the State Policy Advocacy and Reform Center", "level": "h2"},
            ),
            ("paragraph", site_copy_html(SPARC)),
            ("heading", {"text": "Count All Kids: the Census", "level": "h2"}),
            ("paragraph", site_copy_html("Accurate Census Data")),
        ],
    },
]

SITE_NOTICE = (
    "We’re in the process of redesigning our website, and some pages are currently "
    "unavailable. If you’re looking for a specific resource or have any questions, please "
    f"contact us at {CONTACT_EMAIL}."
)

# Spanish (load_spanish): each English string of the translated pages and snippets, and
# its Spanish.

GLOSSARY = {
    # Topics
    "Child health": "Salud infantil",
    "Child nutrition": "Nutrición infantil",
    "State budgets": "Presupuestos estatales",
    "Child tax credits": "Créditos tributarios por hijos",
    "Income supports": "Apoyos a los ingresos familiares",
    "Early childhood and parent advocacy": "Primera infancia y liderazgo de madres y padres",
    "Child welfare": "Bienestar infantil",
    "Census and data": "Censo y datos",
    "Race equity": "Equidad racial",
    # Networks: the organisations' own names stay as they are known.
    "Partnership for America’s Children": "Partnership for America’s Children",
    "Partnership": "Partnership",
    "State Policy Advocacy and Reform Center": (
        "Centro de Incidencia y Reforma de Políticas Estatales"
    ),
    "SPARC": "SPARC",
    # The site-wide notice
    "We’re in the process of redesigning our website, and some pages are currently "
    "unavailable. If you’re looking for a specific resource or have any questions, please "
    "contact us at info@partnership.example.org.": (
        "Estamos rediseñando nuestro sitio web y algunas páginas no están disponibles por el "
        "momento. Si busca un recurso en particular o tiene alguna pregunta, escríbanos a "
        "info@partnership.example.org."
    ),
    # Home page
    "Home": "Inicio",
    "home": "inicio",
    "A network of state and local child advocacy organizations, building a future where all "
    "our children can thrive.": (
        "Una red de organizaciones estatales y locales de defensa de la niñez que construye un "
        "futuro en el que todos nuestros niños puedan prosperar."
    ),
    "A strong, connected, and dynamic network of state and local child advocates advancing "
    "transformative policy for children and families.": (
        "Una red fuerte, conectada y dinámica de defensores estatales y locales de la niñez "
        "que impulsan políticas transformadoras para los niños y las familias."
    ),
    "Our vision": "Nuestra visión",
    "What we provide to our members": "Lo que ofrecemos a nuestros miembros",
    "Peer network": "Red de pares",
    "Information and learning": "Información y aprendizaje",
    "Funding": "Financiamiento",
    "Specialized networks": "Redes especializadas",
    "$10 million": "$10 millones",
    "regranted to members since 2018": "otorgados en subvenciones a los miembros desde 2018",
    "80%": "80 %",
    "of the Partnership’s 2022 budget went to regrants for members": (
        "del presupuesto de 2022 de la Partnership se destinó a subvenciones para los miembros"
    ),
    # About us
    "About us": "Quiénes somos",
    "about": "quienes-somos",
    "Who we are: a network of state and local child advocates, formed in 2013.": (
        "Quiénes somos: una red de defensores estatales y locales de la niñez, fundada en 2013."
    ),
    "Why state and local advocacy": "Por qué defender a la niñez a nivel estatal y local",
    "What we provide": "Lo que ofrecemos",
    # Specialized networks
    "specialized-networks": "redes-especializadas",
    "Targeted leadership on child welfare (SPARC) and an accurate Census count of young "
    "children.": (
        "Liderazgo específico en bienestar infantil (SPARC) y en un conteo preciso de los "
        "niños pequeños en el censo."
    ),
    "SPARC: the State Policy Advocacy and Reform Center": (
        "SPARC: el Centro de Incidencia y Reforma de Políticas Estatales"
    ),
    "Count All Kids: the Census": "Cuenten a todos los niños: el censo",
}


# The standard pages translated; the rest of the home page's children are sections,
# translated (or not) by their own demo modules.
SPANISH_STANDARD_PAGES = ["about", "specialized-networks"]


def load(log) -> HomePage:
    """The English site; returns its home page, which every section builds on."""
    load_taxonomy(log)
    home = load_home_page(log)
    load_standard_pages(home, log)
    load_site_settings(home, log)
    load_demo_admin(log)
    return home


def load_taxonomy(log) -> None:
    english = Locale.get_default()
    for name, slug in TOPICS:
        TopicFactory(slug=slug, locale=english, name=name)  # get or create, by slug
    for slug, name, short_name, opening in NETWORKS:
        NetworkFactory(
            slug=slug,
            locale=english,
            name=name,
            short_name=short_name,
            description=site_copy_paragraph(opening),
        )
    log(f"  taxonomy: {Topic.objects.count()} topics, {Network.objects.count()} networks")


def load_home_page(log) -> HomePage:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        log("  home page: already there")
        return home

    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a "Welcome to Wagtail" page where ours goes.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    root.refresh_from_db()
    home = publish(HomePageFactory(parent=root, **HOME_PAGE))

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8000
    site.site_name = "Partnership for America’s Children"
    site.root_page = home
    site.save()
    log("  home page: created, and made the root of the default site")
    return home


def load_standard_pages(home: HomePage, log) -> None:
    for fields in STANDARD_PAGES:
        if home.get_children().filter(slug=fields["slug"]).exists():
            continue
        page = publish(StandardPageFactory(parent=home, show_in_menus=True, **fields))
        log(f"  page: {page.title}")


def load_site_settings(home: HomePage, log) -> None:
    site = home.get_site()
    if not SiteSettings.objects.filter(site=site).exists():
        SiteSettingsFactory(site=site, contact_email=CONTACT_EMAIL)
        log("  site settings: contact email")
    if not SiteNotice.objects.exists():
        SiteNoticeFactory(locale=Locale.get_default(), text=SITE_NOTICE)
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


def load_spanish(home_page: HomePage, log) -> None:
    """Every topic, network and notice, the home page and the standard pages in Spanish."""
    glossary = SITE_COPY_ES | GLOSSARY
    snippets = [
        *Topic.objects.filter(locale=home_page.locale),
        *Network.objects.filter(locale=home_page.locale),
        *SiteNotice.objects.filter(locale=home_page.locale),
    ]
    children = home_page.get_children()
    pages = [home_page, *(children.get(slug=slug) for slug in SPANISH_STANDARD_PAGES)]
    created = [translate_demo_object(item, glossary)[1] for item in [*snippets, *pages]]
    log(
        f"  site: {sum(created)} translated into Spanish ({len(snippets)} topics, networks "
        f"and notices, {len(pages)} pages in all)"
    )
