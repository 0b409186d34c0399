"""Demo webinars, on the subjects of the organisation's own text.

Sessions are dated relative to the day the command first runs, so a fresh demo
always has some upcoming sessions and some past ones with recordings. Like every
demo module it is idempotent: it creates what is missing (by slug) and leaves what
exists alone. Speakers and their organisations are invented; video and
registration addresses are on example.org.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from home.demo import SPARC, publish, site_copy_html, site_copy_paragraph
from home.models import Network, Topic
from privacy.members import restrict_page_to_members
from webinars.models import Series, WebinarIndexPage, WebinarPage, WebinarSpeaker

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
            ("Daniel Park", "Fiscal Policy Director", "Example Voices for Children"),
            ("Aisha Bello", "Communications Director", "Example Kids Count Center"),
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


def load(home_page, log) -> None:
    index = load_index(home_page, log)
    series = {
        slug: Series.objects.get_or_create(
            slug=slug,
            locale=home_page.locale,  # the English series; webinars/demo_es.py translates them
            defaults={"name": name, "description": description},
        )[0]
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
    index = home_page.add_child(
        instance=WebinarIndexPage(
            title="Webinars",
            slug="webinars",
            show_in_menus=True,
            summary="Webinars with experts on policy, communications and organizational "
            "capacity building, and the monthly Partnership Peer Exchange.",
            introduction=site_copy_paragraph("The Partnership believes"),
        )
    )
    publish(index)
    log("  webinars page: created")
    return index


def load_webinar(index, entry, series, topics, networks, members) -> WebinarPage:
    (days, hour, minutes, slug, title, series_slug, topic_slugs, network_slugs, summary,
     speakers, members_only) = entry  # fmt: skip
    day = timezone.localdate() + timedelta(days=days)
    while day.weekday() >= 5:  # sessions are on weekdays
        day += timedelta(days=1)
    starts_at = timezone.make_aware(datetime.combine(day, time(hour)))
    is_past = days < 0
    body = [("paragraph", f"<p>Part of the {series[series_slug].name} series.</p>")]
    if series_slug == "sparc":
        body.append(("paragraph", site_copy_html(SPARC)))
    if "census-and-data" in topic_slugs:
        body.append(("paragraph", site_copy_html("Accurate Census Data")))
    webinar = WebinarPage(
        title=title,
        slug=slug,
        summary=summary,
        starts_at=starts_at,
        duration=timedelta(minutes=minutes),
        webinar_series=series[series_slug],
        registration_url=REGISTER.format(slug=slug),
        body=body,
        recording_url=RECORDING.format(slug=slug) if is_past and not members_only else "",
        transcript=(
            f"<p>Welcome, everyone, to “{title}”. Today we will hear from "
            f"{speakers[0][0]}, {speakers[0][1]} at {speakers[0][2]}.</p>"
            if is_past and not members_only
            else ""
        ),
    )
    webinar.topics = [topics[slug] for slug in topic_slugs if slug in topics]
    webinar.networks = [networks[slug] for slug in network_slugs if slug in networks]
    webinar.speakers = [
        WebinarSpeaker(name=name, role=role, organisation=organisation)
        for name, role, organisation in speakers
    ]
    index.add_child(instance=webinar)
    publish(webinar)
    if members_only and members is not None:
        restrict_page_to_members(webinar)
    return webinar
