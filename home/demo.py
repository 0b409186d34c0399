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

from demo.site_copy import site_copy_html, site_copy_paragraph
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
FORMED = "The Partnership for America’s Children was formed"
SPARC = "The Partnership for America’s Children is the home"

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

# The two halves of the Census paragraph: the campaign page shows them apart.
CENSUS_FUNDING_ES = (
    "Contar con datos precisos del censo es fundamental para la defensa de la niñez. Estos "
    "datos influyen en la distribución de los fondos federales para muchos programas "
    "dirigidos a niños y familias, como los de vivienda, educación, salud pública, nutrición "
    "y otros."
)
CENSUS_WORK_ES = (
    "En 2020, la Partnership desempeñó un papel de liderazgo, en coalición con la campaña "
    "Count All Kids (Cuenten a Todos los Niños), para que todos los niños, en especial los "
    "más pequeños y los niños de color, fueran contados con precisión en el Censo de 2020. "
    "Ahora estamos plenamente enfocados en 2030: trabajamos para que la preparación del "
    "próximo censo, desde la metodología de investigación hasta las comunicaciones y las "
    "coaliciones estatales, siga centrada en un conteo preciso de los niños pequeños, que no "
    "solo son el grupo de edad más diverso, sino también el que corre más riesgo de quedar "
    "sin contar. También colaboramos con socios estatales y federales para que los recursos "
    "de la Oficina del Censo, como la Encuesta sobre la Comunidad Estadounidense (American "
    "Community Survey), representen con precisión a los niños y las familias."
)

# The organisation's own text (demo/content/site-copy.txt) in Spanish, paragraph by
# paragraph. Every section's pages quote it, so every section's glossary includes it.
SITE_COPY_ES = {
    "The Partnership for America’s Children was formed in 2013 by the executive directors of "
    "state and local child advocacy organizations because of their firm conviction that "
    "advocates are more effective when they learn from and support each other. Each member "
    "contributes expertise, leadership, and passion to the network in order to fulfill the "
    "Partnership’s vision.": (
        "La Partnership for America’s Children fue fundada en 2013 por los directores "
        "ejecutivos de organizaciones estatales y locales de defensa de la niñez, convencidos "
        "de que quienes abogan por los niños son más eficaces cuando aprenden unos de otros y "
        "se apoyan mutuamente. Cada miembro aporta a la red su experiencia, su liderazgo y su "
        "pasión para hacer realidad la visión de la Partnership."
    ),
    "Building a Future Where All Our Children Can Thrive.": (
        "Construyendo un futuro en el que todos nuestros niños puedan prosperar."
    ),
    "Most policy decisions that affect children’s lives are made at the state or local level. "
    "States provide two-thirds of the funding for children’s programs and administer many of "
    "the federally-funded programs. As local and state experts on effective policies for "
    "children, our members contribute data, insight, and recommendations that influence "
    "policies and funding federally as well. Bold, inclusive, and robust child advocacy at the "
    "state, local, and federal levels is critical to ensuring that every child, from every "
    "race, ethnicity, ability, and zip code can thrive.": (
        "La mayoría de las decisiones de política pública que afectan la vida de los niños se "
        "toman a nivel estatal o local. Los estados aportan dos tercios de los fondos de los "
        "programas para la niñez y administran muchos de los programas financiados por el "
        "gobierno federal. Como expertos locales y estatales en políticas eficaces para los "
        "niños, nuestros miembros aportan datos, conocimientos y recomendaciones que también "
        "influyen en las políticas y los fondos a nivel federal. Una defensa de la niñez "
        "audaz, inclusiva y sólida a nivel estatal, local y federal es fundamental para que "
        "todos los niños, sin importar su raza, origen étnico, capacidad o código postal, "
        "puedan prosperar."
    ),
    "To achieve our vision of a strong, connected, and dynamic network of state and local "
    "child advocates advancing transformative policy for children and families, the "
    "Partnership provides the following to our members:": (
        "Para hacer realidad nuestra visión de una red fuerte, conectada y dinámica de "
        "defensores estatales y locales de la niñez que impulsan políticas transformadoras "
        "para los niños y las familias, la Partnership ofrece a sus miembros lo siguiente:"
    ),
    "The Partnership brings together child advocates from around the country in a community "
    "of practice, strategy, inspiration and mutual support. We facilitate peer-to-peer "
    "knowledge sharing activities including monthly Partnership Peer Exchange meetings; "
    "affinity groups for Executive Directors, staff of color and others; and an annual retreat "
    "for Partnership member leaders.": (
        "La Partnership reúne a defensores de la niñez de todo el país en una comunidad de "
        "práctica, estrategia, inspiración y apoyo mutuo. Facilitamos actividades para "
        "compartir conocimientos entre pares, como las reuniones mensuales del Partnership "
        "Peer Exchange (intercambio entre pares); grupos de afinidad para directores "
        "ejecutivos, personal de color y otros; y un retiro anual para los líderes de las "
        "organizaciones miembro."
    ),
    "The Partnership believes that child advocates – equipped with information, knowledge and "
    "skills – can more effectively promote policies that transform the lives of children and "
    "their families. We ensure that state and local advocates have information about important "
    "federal policy actions and state trends; facilitate webinars featuring experts on policy, "
    "communications, organizational capacity building and other issues; and curate a library "
    "of organizational and policy resources for our members.": (
        "La Partnership cree que los defensores de la niñez, con información, conocimientos y "
        "habilidades, pueden promover con más eficacia políticas que transformen la vida de "
        "los niños y sus familias. Nos aseguramos de que los defensores estatales y locales "
        "estén informados sobre las medidas federales importantes y las tendencias en los "
        "estados; organizamos seminarios web con expertos en políticas públicas, "
        "comunicaciones, fortalecimiento organizacional y otros temas; y mantenemos para "
        "nuestros miembros una biblioteca de recursos organizacionales y de políticas."
    ),
    "Working with national and regional funders, the Partnership provides targeted grant "
    "opportunities to our members to support state and local advocacy efforts as well as "
    "organizational support. Opportunities have focused on a diverse array of topics "
    "including: child health policy; child nutrition; state budget advocacy; expanding access "
    "to child tax credits; expanding income supports for families; centering parent advocacy "
    "in early childhood policy efforts; and more. Since 2018 the Partnership has regranted "
    "more than $10 million, and in 2022, the Partnership dedicated more than 80% of its budget "
    "to regrants for members.": (
        "En colaboración con financiadores nacionales y regionales, la Partnership ofrece a "
        "sus miembros subvenciones específicas para apoyar su labor de defensa estatal y "
        "local, así como su fortalecimiento organizacional. Estas oportunidades han abarcado "
        "temas muy diversos, entre ellos: políticas de salud infantil; nutrición infantil; "
        "defensa en torno a los presupuestos estatales; ampliar el acceso a los créditos "
        "tributarios por hijos; ampliar los apoyos a los ingresos de las familias; dar un "
        "lugar central a la voz de madres y padres en las políticas de primera infancia; y "
        "más. Desde 2018, la Partnership ha otorgado a sus miembros más de 10 millones de "
        "dólares en subvenciones, y en 2022 destinó más del 80 % de su presupuesto a "
        "subvenciones para ellos."
    ),
    "The Partnership provides targeted leadership for specific issue areas critical for "
    "children, their families, and communities. We facilitate targeted communities of practice "
    "and represent our members in leadership roles within specific national campaigns that "
    "impact state advocacy.": (
        "La Partnership ejerce un liderazgo específico en temas clave para los niños, sus "
        "familias y sus comunidades. Facilitamos comunidades de práctica especializadas y "
        "representamos a nuestros miembros en puestos de liderazgo dentro de campañas "
        "nacionales que influyen en la defensa de la niñez en los estados."
    ),
    "The Partnership for America’s Children is the home of the State Policy Advocacy and "
    "Reform Center (SPARC) — a network of state child advocacy organizations with the goal of "
    "accelerating and supporting policy change in state child welfare systems around the "
    "country. Consisting of 46 members representing 37 states/localities, SPARC works to "
    "strengthen the connections between member organizations; encourages peer learning and "
    "support; and provides technical assistance, research, policy support, funding, and "
    "cross-state campaign coordination. SPARC is an initiative funded by the Annie E. Casey "
    "Foundation and the Conrad N. Hilton Foundation.": (
        "La Partnership for America’s Children es la sede del State Policy Advocacy and Reform "
        "Center (SPARC, Centro de Incidencia y Reforma de Políticas Estatales), una red de "
        "organizaciones estatales de defensa de la niñez cuyo objetivo es acelerar y apoyar "
        "el cambio de políticas en los sistemas estatales de bienestar infantil de todo el "
        "país. Con 46 miembros que representan a 37 estados y localidades, SPARC fortalece "
        "los vínculos entre las organizaciones miembro; fomenta el aprendizaje y el apoyo "
        "entre pares; y ofrece asistencia técnica, investigación, apoyo en políticas "
        "públicas, financiamiento y coordinación de campañas entre estados. SPARC es una "
        "iniciativa financiada por la Annie E. Casey Foundation y la Conrad N. Hilton "
        "Foundation."
    ),
    "Accurate Census Data is critical to children’s advocacy efforts. It impacts the "
    "allocation of federal funding for multiple child and family programs, including housing, "
    "education, public health, nutrition, and other programs. In 2020, the Partnership played "
    "a leadership role, in coalition with the Count All Kids Campaign, to ensure that all "
    "children, particularly young children and children of color, were accurately counted in "
    "the 2020 Census. We are now squarely focused on 2030, working to ensure that preparation "
    "for the upcoming census – from research methodology to communications to state-level "
    "coalitions – stays focused on an accurate count of young children who are the not only "
    "the most diverse age group but also the most likely to be undercounted. We are also "
    "collaborating with state and federal partners to ensure that Census Bureau resources, "
    "like the American Community Survey, accurately represent children and families.": (
        f"{CENSUS_FUNDING_ES} {CENSUS_WORK_ES}"
    ),
}

# Every other string of the site's pages and snippets.
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


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def inline(factory, **fields):
    """An inline child of a page (a speaker, a file, a milestone), built with its factory
    but not saved: given to the page's factory, it is saved with the page, in order."""
    return factory.build(page=None, **fields)


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
