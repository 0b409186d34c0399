"""Demo webinars, on the subjects of the organisation's own text, in English and
Spanish (every series, the webinars page and four public sessions, past and upcoming,
with their speakers; the other sessions stay in English, so their pages show the
fallback).

Sessions are dated relative to the day the command first runs, so a fresh demo
always has some upcoming sessions and some past ones with recordings. Built with the
webinars' factories; like every demo module it is idempotent: it creates what is
missing (by slug) and leaves what exists alone. Speakers and their organisations are
invented; video and registration addresses are on example.org. See home/demo.py for
how the glossaries are written.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from demo.building import inline, publish
from demo.site_copy import SITE_COPY_ES, SPARC, site_copy_html, site_copy_paragraph
from demo.translation import translate_demo_object
from home.models import Network, Topic
from members.models import MemberProfilePage
from privacy.restricting import restrict_page_to_members
from webinars.factories import (
    SeriesFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSpeakerFactory,
)
from webinars.models import Series, WebinarIndexPage, WebinarPage

SERIES = [
    (
        "peer-exchange",
        "Partnership Peer Exchange",
        "Monthly peer-to-peer meetings where members share what is working in their states.",
    ),
    ("policy-briefing", "Policy briefings", "Experts on federal policy actions and state trends."),
    ("sparc", "SPARC learning series", "Cross-state learning on child welfare policy reform."),
    (
        "capacity-building",
        "Communications and capacity building",
        "Skills for advocates: communications, data and organizational capacity.",
    ),
]

# Speakers from member organisations, by name: their profiles list the webinar.
SPEAKER_MEMBERS = {
    "Daniel Park": "texas-child-advocacy-forum-demo",
    "Aisha Bello": "ohio-child-advocacy-forum-demo",
}

REGISTER = "https://events.example.org/partnership/{slug}"
RECORDING = "https://video.example.org/partnership/{slug}"

# (days from today, hour Eastern, minutes, slug, title, series, topics, networks, summary,
#  speakers, members only)
WEBINARS = [
    (
        -84,
        14,
        60,
        "child-tax-credits-in-the-states",
        "Expanding access to child tax credits in the states",
        "policy-briefing",
        ["child-tax-credits", "income-supports"],
        ["partnership"],
        "How state child tax credits are designed, who they reach, and how advocates won them.",
        [
            ("Maya Robinson", "Senior Policy Analyst", "Example State Budget Center"),
            ("Luis Ortega", "Executive Director", "Kids Forward Example"),
        ],
        False,
    ),
    (
        -56,
        13,
        60,
        "summer-meals-and-child-nutrition",
        "Child nutrition: summer meals and school meals for all",
        "policy-briefing",
        ["child-nutrition", "income-supports"],
        ["partnership"],
        "What the latest federal rules mean for summer meals, and how states are responding.",
        [("Grace Whitaker", "Nutrition Policy Lead", "Example Children's Alliance")],
        False,
    ),
    (
        -35,
        15,
        90,
        "state-budget-advocacy",
        "State budget advocacy in a tight fiscal year",
        "capacity-building",
        ["state-budgets"],
        ["partnership"],
        "Reading a state budget, finding the children's share, and telling its story.",
        [
            ("Daniel Park", "Fiscal Policy Director", "Texas Child Advocacy Forum (demo)"),
            ("Aisha Bello", "Communications Director", "Ohio Child Advocacy Forum (demo)"),
        ],
        False,
    ),
    (
        -21,
        14,
        60,
        "sparc-child-welfare-reform",
        "Child-welfare reform across states: lessons from SPARC",
        "sparc",
        ["child-welfare", "race-equity"],
        ["sparc"],
        "SPARC members compare notes on keeping families together and reforming state systems.",
        [("Renee Jackson", "SPARC Network Lead", "Partnership for America’s Children")],
        False,
    ),
    (
        -7,
        12,
        60,
        "peer-exchange-parent-advocacy",
        "Peer Exchange: centering parent advocacy in early childhood policy",
        "peer-exchange",
        ["early-childhood"],
        ["partnership"],
        "Members share how they bring parents into the room, and keep them there.",
        [("Sofia Mendes", "Early Childhood Director", "Example Children's Campaign")],
        True,
    ),
    (
        9,
        14,
        60,
        "protecting-child-health-coverage",
        "Protecting child health coverage: Medicaid and CHIP",
        "policy-briefing",
        ["child-health"],
        ["partnership"],
        "Where children's coverage stands, and what state advocates can do this session.",
        [("Hannah Cole", "Health Policy Director", "Example Children's Defense Center")],
        False,
    ),
    (
        23,
        13,
        75,
        "counting-all-kids-2030-census",
        "Counting all kids: getting ready for the 2030 Census",
        "capacity-building",
        ["census-and-data", "race-equity", "early-childhood"],
        ["partnership"],
        "Why young children are undercounted, and how state coalitions can prepare now.",
        [
            ("Marcus Lee", "Census Campaign Manager", "Count All Kids Example Coalition"),
            ("Priya Natarajan", "Data Director", "Example Kids Count Center"),
        ],
        False,
    ),
    (
        30,
        12,
        60,
        "peer-exchange-state-wins",
        "Peer Exchange: this year's state wins for children",
        "peer-exchange",
        ["state-budgets", "income-supports"],
        ["partnership"],
        "A members-only round of the year's legislative wins, and what made them possible.",
        [("Jordan Ellis", "Network Director", "Partnership for America’s Children")],
        True,
    ),
    (
        44,
        15,
        60,
        "sparc-kinship-care",
        "SPARC: supporting kinship caregivers",
        "sparc",
        ["child-welfare"],
        ["sparc"],
        "How states are licensing and supporting relatives who raise children.",
        [("Renee Jackson", "SPARC Network Lead", "Partnership for America’s Children")],
        False,
    ),
]


WEBINARS_PAGE = {
    "title": "Webinars",
    "slug": "webinars",
    "show_in_menus": True,
    "summary": "Webinars with experts on policy, communications and organizational capacity "
    "building, and the monthly Partnership Peer Exchange.",
    "introduction": site_copy_paragraph("The Partnership believes"),
}

# Spanish (load_spanish): each English string of the translated pages and snippets, and
# its Spanish.
GLOSSARY = {
    # The webinars page
    "Webinars": "Seminarios web",
    "webinars": "seminarios-web",
    "Webinars with experts on policy, communications and organizational capacity building, "
    "and the monthly Partnership Peer Exchange.": (
        "Seminarios web con expertos en políticas públicas, comunicaciones y fortalecimiento "
        "organizacional, y el Partnership Peer Exchange (intercambio entre pares) de cada mes."
    ),
    # The series (snippets, all translated), and as the sessions' descriptions name them
    "Partnership Peer Exchange": "Partnership Peer Exchange (intercambio entre pares)",
    "Monthly peer-to-peer meetings where members share what is working in their states.": (
        "Reuniones mensuales entre pares en las que los miembros comparten lo que les está dando "
        "resultado en sus estados."
    ),
    "Policy briefings": "Informes sobre políticas",
    "Experts on federal policy actions and state trends.": (
        "Expertos hablan de las medidas de política federal y de las tendencias en los estados."
    ),
    "SPARC learning series": "Serie de aprendizaje de SPARC",
    "Cross-state learning on child welfare policy reform.": (
        "Aprendizaje entre estados sobre la reforma de las políticas de bienestar infantil."
    ),
    "Communications and capacity building": "Comunicaciones y fortalecimiento organizacional",
    "Skills for advocates: communications, data and organizational capacity.": (
        "Habilidades para defensores: comunicaciones, datos y capacidad organizacional."
    ),
    "Part of the Policy briefings series.": "Parte de la serie Informes sobre políticas.",
    "Part of the Communications and capacity building series.": (
        "Parte de la serie Comunicaciones y fortalecimiento organizacional."
    ),
    # Speakers: their names are not translated (wagtail-localize keeps them in step), nor
    # are the organisations' own names.
    "Senior Policy Analyst": "Analista sénior de políticas",
    "Example State Budget Center": "Example State Budget Center",
    "Executive Director": "Director ejecutivo",
    "Kids Forward Example": "Kids Forward Example",
    "Nutrition Policy Lead": "Responsable de políticas de nutrición",
    "Example Children's Alliance": "Example Children's Alliance",
    "Health Policy Director": "Directora de políticas de salud",
    "Example Children's Defense Center": "Example Children's Defense Center",
    "Census Campaign Manager": "Gerente de la campaña del censo",
    "Count All Kids Example Coalition": "Count All Kids Example Coalition",
    "Data Director": "Directora de datos",
    "Example Kids Count Center": "Example Kids Count Center",
    # Counting all kids (upcoming)
    "Counting all kids: getting ready for the 2030 Census": (
        "Contar a todos los niños: cómo prepararse para el Censo de 2030"
    ),
    "counting-all-kids-2030-census": "contar-a-todos-los-ninos-censo-2030",
    "Why young children are undercounted, and how state coalitions can prepare now.": (
        "Por qué muchos niños pequeños quedan sin contar y cómo pueden prepararse desde ya las "
        "coaliciones estatales."
    ),
    # Child nutrition (past, with a recording)
    "Child nutrition: summer meals and school meals for all": (
        "Nutrición infantil: comidas de verano y comidas escolares para todos"
    ),
    "summer-meals-and-child-nutrition": "nutricion-infantil-comidas-de-verano",
    "What the latest federal rules mean for summer meals, and how states are responding.": (
        "Qué significan las nuevas normas federales para las comidas de verano y cómo están "
        "respondiendo los estados."
    ),
    "Welcome, everyone, to “Child nutrition: summer meals and school meals for all”. Today we "
    "will hear from Grace Whitaker, Nutrition Policy Lead at Example Children's Alliance.": (
        "Les damos la bienvenida a “Nutrición infantil: comidas de verano y comidas escolares para "
        "todos”. Hoy escucharemos a Grace Whitaker, responsable de políticas de nutrición en "
        "Example Children's Alliance."
    ),
    # Child tax credits (past, with a recording)
    "Expanding access to child tax credits in the states": (
        "Ampliar el acceso a los créditos tributarios por hijos en los estados"
    ),
    "child-tax-credits-in-the-states": "creditos-tributarios-por-hijos-en-los-estados",
    "How state child tax credits are designed, who they reach, and how advocates won them.": (
        "Cómo se diseñan los créditos tributarios estatales por hijos, a quiénes llegan y cómo "
        "los consiguieron los defensores de la niñez."
    ),
    "Welcome, everyone, to “Expanding access to child tax credits in the states”. Today we "
    "will hear from Maya Robinson, Senior Policy Analyst at Example State Budget Center.": (
        "Les damos la bienvenida a “Ampliar el acceso a los créditos tributarios por hijos en los "
        "estados”. Hoy escucharemos a Maya Robinson, analista sénior de políticas en Example "
        "State Budget Center."
    ),
    # Child health coverage (upcoming)
    "Protecting child health coverage: Medicaid and CHIP": (
        "Proteger la cobertura de salud de los niños: Medicaid y CHIP"
    ),
    "protecting-child-health-coverage": "proteger-la-cobertura-de-salud-de-los-ninos",
    "Where children's coverage stands, and what state advocates can do this session.": (
        "En qué punto está la cobertura de salud de los niños y qué pueden hacer los "
        "defensores estatales en esta sesión legislativa."
    ),
}

SPANISH_WEBINARS = [
    "counting-all-kids-2030-census",
    "summer-meals-and-child-nutrition",
    "child-tax-credits-in-the-states",
    "protecting-child-health-coverage",
]


def load(home_page, log) -> None:
    index = load_index(home_page, log)
    series = {
        slug: SeriesFactory(  # get or create, by slug
            slug=slug,
            locale=home_page.locale,  # the English series; load_spanish translates them
            name=name,
            description=description,
        )
        for slug, name, description in SERIES
    }
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home_page.locale)}
    networks = {
        network.slug: network for network in Network.objects.filter(locale=home_page.locale)
    }
    members = Group.objects.filter(name="Members").first()

    created = 0
    for entry in WEBINARS:
        if index.get_children().filter(slug=entry[3]).exists():
            continue
        load_webinar(index, entry, series, topics, networks, members)
        created += 1
    log(f"  webinars: {created} created, {WebinarPage.objects.child_of(index).count()} in all")


def load_index(home_page, log) -> WebinarIndexPage:
    index = WebinarIndexPage.objects.child_of(home_page).first()
    if index is not None:
        return index
    index = publish(WebinarIndexPageFactory(parent=home_page, **WEBINARS_PAGE))
    log("  webinars page: created")
    return index


def load_webinar(index, entry, series, topics, networks, members) -> WebinarPage:
    (days, hour, minutes, slug, title, series_slug, topic_slugs, network_slugs, summary,
     speakers, members_only) = entry  # fmt: skip
    day = timezone.localdate() + timedelta(days=days)
    while day.weekday() >= 5:  # sessions are on weekdays
        day += timedelta(days=1)
    starts_at = timezone.make_aware(datetime.combine(day, time(hour)))
    speaker_members = {
        member.slug: member
        for member in MemberProfilePage.objects.filter(
            slug__in=SPEAKER_MEMBERS.values(), locale=index.locale
        )
    }
    with_recording = days < 0 and not members_only
    body = [("paragraph", f"<p>Part of the {series[series_slug].name} series.</p>")]
    if series_slug == "sparc":
        body.append(("paragraph", site_copy_html(SPARC)))
    if "census-and-data" in topic_slugs:
        body.append(("paragraph", site_copy_html("Accurate Census Data")))
    webinar = WebinarPageFactory(
        parent=index,
        title=title,
        slug=slug,
        summary=summary,
        starts_at=starts_at,
        duration=timedelta(minutes=minutes),
        webinar_series=series[series_slug],
        registration_url=REGISTER.format(slug=slug),
        body=body,
        recording_url=RECORDING.format(slug=slug) if with_recording else "",
        transcript=(
            f"<p>Welcome, everyone, to “{title}”. Today we will hear from "
            f"{speakers[0][0]}, {speakers[0][1]} at {speakers[0][2]}.</p>"
            if with_recording
            else ""
        ),
        speakers=[
            inline(
                WebinarSpeakerFactory,
                name=name,
                role=role,
                organisation=organisation,
                member=speaker_members.get(SPEAKER_MEMBERS.get(name)),
                bio="",
            )
            for name, role, organisation in speakers
        ],
        topics=[topics[slug] for slug in topic_slugs if slug in topics],
        networks=[networks[slug] for slug in network_slugs if slug in networks],
    )
    publish(webinar)
    if members_only and members is not None:
        restrict_page_to_members(webinar)
    return webinar


def load_spanish(home_page, log) -> None:
    glossary = SITE_COPY_ES | GLOSSARY
    series = Series.objects.filter(locale=Locale.get_default())
    created = [translate_demo_object(one, glossary)[1] for one in series]
    log(f"  webinar series: {sum(created)} translated into Spanish ({len(created)} in all)")

    index = WebinarIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in SPANISH_WEBINARS)]
    created = [translate_demo_object(page, glossary)[1] for page in pages]
    log(f"  webinars: {sum(created)} translated into Spanish ({len(pages)} pages in all)")
