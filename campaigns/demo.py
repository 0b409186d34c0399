"""Demo campaigns, written from the organisation's own text: Count All Kids (the Census)
and SPARC, the State Policy Advocacy and Reform Center. In Spanish: the campaigns page
and Count All Kids; SPARC stays in English, so its page shows the untranslated fallback.

SPARC's membership is never typed here: its page counts it from the member profiles
(the members demo makes 46 members in 37 states and localities). Contacts are teams with
example.org addresses. Built with the campaigns' factories. Idempotent: each page is
looked up by its slug and created only when missing. Runs after the other sections, so
editors' picks can point at their pages. See home/demo.py for how the glossaries are
written.
"""

import datetime
import io
import re

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Collection, Page

from campaigns.factories import (
    CampaignContactFactory,
    CampaignIndexPageFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CampaignPartnerFactory,
    CampaignRelatedPageFactory,
    ImageFactory,
)
from campaigns.models import CampaignIndexPage, CampaignPage, PartnerRole
from demo.building import inline, publish
from demo.site_copy import (
    CENSUS_FUNDING_ES,
    CENSUS_WORK_ES,
    SITE_COPY_ES,
    SPARC,
    site_copy_paragraph,
)
from demo.translation import translate_demo_object
from home.models import CustomImage, Network, Topic
from privacy.visibility import public_pages

CENSUS = "Accurate Census Data"
SPECIALIZED = "The Partnership provides targeted leadership"

# Spanish (load_spanish): each English string of the translated pages and snippets, and
# its Spanish.
GLOSSARY = {
    # The campaigns page
    "Campaigns": "Campañas",
    "campaigns": "campanas",
    "National campaigns that impact state advocacy: SPARC and an accurate count of young "
    "children in the Census.": (
        "Campañas nacionales que influyen en la defensa de la niñez en los estados: SPARC y un "
        "conteo preciso de los niños pequeños en el censo."
    ),
    # Count All Kids
    "Count All Kids": "Cuenten a todos los niños",
    "count-all-kids": "cuenten-a-todos-los-ninos",
    "Count All Kids: an accurate count of young children in the Census": (
        "Cuenten a todos los niños: un conteo preciso de los niños pequeños en el censo"
    ),
    "Making sure all children, particularly young children and children of color, are "
    "counted: in 2020, in 2030 and in the American Community Survey.": (
        "Para que todos los niños, en especial los más pequeños y los niños de color, sean "
        "contados: en 2020, en 2030 y en la Encuesta sobre la Comunidad Estadounidense."
    ),
    "An accurate count of every young child in the Census": (
        "Un conteo preciso de cada niño pequeño en el censo"
    ),
    "Accurate Census Data is critical to children’s advocacy efforts. It impacts the "
    "allocation of federal funding for multiple child and family programs, including housing, "
    "education, public health, nutrition, and other programs.": CENSUS_FUNDING_ES,
    "In 2020, the Partnership played a leadership role, in coalition with the Count All Kids "
    "Campaign, to ensure that all children, particularly young children and children of color, "
    "were accurately counted in the 2020 Census. We are now squarely focused on 2030, working "
    "to ensure that preparation for the upcoming census – from research methodology to "
    "communications to state-level coalitions – stays focused on an accurate count of young "
    "children who are the not only the most diverse age group but also the most likely to be "
    "undercounted. We are also collaborating with state and federal partners to ensure that "
    "Census Bureau resources, like the American Community Survey, accurately represent "
    "children and families.": CENSUS_WORK_ES,
    "An accurate count of young children in the 2030 Census": (
        "Un conteo preciso de los niños pequeños en el Censo de 2030"
    ),
    "Preparation for the upcoming census, from research methodology to communications to "
    "state-level coalitions, stays focused on young children: the most diverse age group, and "
    "the most likely to be undercounted.": (
        "Que la preparación del próximo censo, desde la metodología de investigación hasta las "
        "comunicaciones y las coaliciones estatales, siga centrada en los niños pequeños: el "
        "grupo de edad más diverso y el que corre más riesgo de quedar sin contar."
    ),
    "Census Bureau resources that represent children": (
        "Recursos de la Oficina del Censo que representen a los niños"
    ),
    "With state and federal partners, making sure resources like the American Community "
    "Survey accurately represent children and families.": (
        "Junto con socios estatales y federales, lograr que recursos como la Encuesta sobre la "
        "Comunidad Estadounidense representen con precisión a los niños y las familias."
    ),
    "Fair funding for children's programs": "Fondos justos para los programas infantiles",
    "Census data decides how federal funding for housing, education, public health, nutrition "
    "and other programs reaches children.": (
        "Los datos del censo determinan cómo llegan a los niños los fondos federales para "
        "vivienda, educación, salud pública, nutrición y otros programas."
    ),
    "Why the count matters": "Por qué importa el conteo",
    "2020": "2020",
    "the Census in which the Partnership helped lead the effort to count all kids": (
        "el censo en el que la Partnership ayudó a liderar el esfuerzo por contar a todos los niños"
    ),
    "Partnership for America’s Children": "Partnership for America’s Children",
    "Ages 0–4": "De 0 a 4 años",
    "the most diverse age group, and the most likely to be undercounted": (
        "el grupo de edad más diverso y el que corre más riesgo de quedar sin contar"
    ),
    "2030": "2030",
    "the next Census: preparation is under way now": (
        "el próximo censo: la preparación ya está en marcha"
    ),
    "Help count all kids in 2030": "Ayude a contar a todos los niños en 2030",
    "Join the state and local advocates preparing for the next census.": (
        "Únase a los defensores estatales y locales que se preparan para el próximo censo."
    ),
    "Sign up for census updates": "Reciba novedades sobre el censo",
    # Timeline
    "Census Day 2020": "Día del Censo 2020",
    "In coalition with the Count All Kids Campaign, the Partnership works to make sure all "
    "children, particularly young children and children of color, are counted.": (
        "En coalición con la campaña Count All Kids, la Partnership trabaja para que todos los "
        "niños, en especial los más pequeños y los niños de color, sean contados."
    ),
    "Preparing for the 2030 Census": "Preparación para el Censo de 2030",
    "Research methodology, communications and state-level coalitions focused on an accurate "
    "count of young children.": (
        "Metodología de investigación, comunicaciones y coaliciones estatales centradas en un "
        "conteo preciso de los niños pequeños."
    ),
    "Census Day 2030": "Día del Censo 2030",
    "The next decennial count.": "El próximo censo, que se realiza cada diez años.",
    # Partners: a coalition keeps its own name.
    "Count All Kids Campaign": "Campaña Count All Kids",
    "State Census coalitions (demo)": "Coaliciones estatales por el censo (demostración)",
    # Contacts
    "Census campaign team": "Equipo de la campaña del censo",
    "Count All Kids and the 2030 Census": "Count All Kids y el Censo de 2030",
}

SPANISH_CAMPAIGNS = ["count-all-kids"]


def sentences(opening: str) -> list[str]:
    """The sentences of the organisation's paragraph that starts with `opening`."""
    # A full stop after a lower-case letter ends a sentence; "Annie E. Casey" does not.
    return re.split(r"(?<=[a-z)]\.)\s+(?=[A-Z])", site_copy_paragraph(opening))


def load(home_page, log) -> None:
    index = load_index(home_page, log)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home_page.locale)}
    networks = {
        network.slug: network for network in Network.objects.filter(locale=home_page.locale)
    }
    existing = set(index.get_children().values_list("slug", flat=True))
    created = 0
    for slug, build in [("count-all-kids", count_all_kids), ("sparc", sparc)]:
        if slug in existing:
            continue
        publish(build(index, topics, networks))
        created += 1
    log(f"  campaigns: {created} created, {CampaignPage.objects.child_of(index).count()} in all")


def load_index(home_page, log) -> CampaignIndexPage:
    index = CampaignIndexPage.objects.child_of(home_page).first()
    if index is not None:
        return index
    index = publish(
        CampaignIndexPageFactory(
            parent=home_page,
            title="Campaigns",
            slug="campaigns",
            show_in_menus=True,
            summary="National campaigns that impact state advocacy: SPARC and an accurate "
            "count of young children in the Census.",
            introduction=site_copy_paragraph(SPECIALIZED),
        )
    )
    log("  campaigns page: created")
    return index


def count_all_kids(index, topics, networks) -> CampaignPage:
    census = sentences(CENSUS)
    return CampaignPageFactory(
        parent=index,
        title="Count All Kids",
        slug="count-all-kids",
        seo_title="Count All Kids: an accurate count of young children in the Census",
        tagline="An accurate count of every young child in the Census",
        summary="Making sure all children, particularly young children and children of "
        "color, are counted: in 2020, in 2030 and in the American Community Survey.",
        introduction=" ".join(census[:2]),
        goals=[
            (
                "goal",
                {
                    "title": "An accurate count of young children in the 2030 Census",
                    "text": "Preparation for the upcoming census, from research methodology to "
                    "communications to state-level coalitions, stays focused on young "
                    "children: the most diverse age group, and the most likely to be "
                    "undercounted.",
                },
            ),
            (
                "goal",
                {
                    "title": "Census Bureau resources that represent children",
                    "text": "With state and federal partners, making sure resources like the "
                    "American Community Survey accurately represent children and families.",
                },
            ),
            (
                "goal",
                {
                    "title": "Fair funding for children's programs",
                    "text": "Census data decides how federal funding for housing, education, "
                    "public health, nutrition and other programs reaches children.",
                },
            ),
        ],
        body=[
            ("heading", {"text": "Why the count matters", "level": "h2"}),
            ("paragraph", f"<p>{' '.join(census[:2])}</p>"),
            ("paragraph", f"<p>{' '.join(census[2:])}</p>"),
        ],
        statistics=[
            (
                "statistic",
                {
                    "value": "2020",
                    "label": "the Census in which the Partnership helped lead the effort to "
                    "count all kids",
                    "source": "Partnership for America’s Children",
                },
            ),
            (
                "statistic",
                {
                    "value": "Ages 0–4",
                    "label": "the most diverse age group, and the most likely to be undercounted",
                    "source": "Partnership for America’s Children",
                },
            ),
            (
                "statistic",
                {
                    "value": "2030",
                    "label": "the next Census: preparation is under way now",
                    "source": "",
                },
            ),
        ],
        call_to_action=[
            (
                "call_to_action",
                {
                    "heading": "Help count all kids in 2030",
                    "text": "Join the state and local advocates preparing for the next census.",
                    "link": {"page": None, "url": "https://partnership.example.org/census/sign-up"},
                    "label": "Sign up for census updates",
                },
            )
        ],
        milestones=[
            inline(
                CampaignMilestoneFactory,
                date=datetime.date(2020, 4, 1),
                year=None,
                label="Census Day 2020",
                text="In coalition with the Count All Kids Campaign, the Partnership works to "
                "make sure all children, particularly young children and children of color, are "
                "counted.",
            ),
            inline(
                CampaignMilestoneFactory,
                date=None,
                year=2030,
                label="Preparing for the 2030 Census",
                text="Research methodology, communications and state-level coalitions focused "
                "on an accurate count of young children.",
            ),
            inline(
                CampaignMilestoneFactory,
                date=datetime.date(2030, 4, 1),
                year=None,
                label="Census Day 2030",
                text="The next decennial count.",
            ),
        ],
        partners=[
            inline(
                CampaignPartnerFactory,
                name="Count All Kids Campaign",
                role=PartnerRole.PARTNER,
                logo=None,
                link="",
            ),
            inline(
                CampaignPartnerFactory,
                name="State Census coalitions (demo)",
                role=PartnerRole.PARTNER,
                logo=placeholder_logo("State Census coalitions (demo)", "#2e7d32"),
                link="https://census-coalitions.example.org/",
            ),
        ],
        contacts=[
            inline(
                CampaignContactFactory,
                name="Census campaign team",
                role="Count All Kids and the 2030 Census",
                email="census@partnership.example.org",
                phone="",
            )
        ],
        related_page_links=_picks(["about"]),
        topics=_pick(topics, ["census-and-data", "race-equity", "early-childhood"]),
        networks=[],
    )


def sparc(index, topics, networks) -> CampaignPage:
    text = sentences(SPARC)
    # The membership sentence ("Consisting of 46 members…") is left out on purpose: the
    # page counts the members from their profiles.
    work = "SPARC works" + text[1].split("SPARC works", 1)[1]
    return CampaignPageFactory(
        parent=index,
        title="SPARC",
        slug="sparc",
        seo_title="SPARC: State Policy Advocacy and Reform Center",
        tagline="State Policy Advocacy and Reform Center",
        summary="A network of state child advocacy organizations accelerating and supporting "
        "policy change in state child welfare systems.",
        introduction=text[0],
        goals=[
            (
                "goal",
                {
                    "title": "Policy change in state child welfare systems",
                    "text": "Accelerating and supporting reform in states around the country.",
                },
            ),
            (
                "goal",
                {
                    "title": "A connected network",
                    "text": "Strengthening the connections between member organizations, and "
                    "encouraging peer learning and support.",
                },
            ),
            (
                "goal",
                {
                    "title": "Support for state advocates",
                    "text": "Technical assistance, research, policy support, funding, and "
                    "cross-state campaign coordination.",
                },
            ),
        ],
        body=[("paragraph", f"<p>{work}</p>"), ("paragraph", f"<p>{text[2]}</p>")],
        call_to_action=[
            (
                "call_to_action",
                {
                    "heading": "Work on child welfare policy in your state?",
                    "text": "State child advocacy organizations can ask the SPARC team about "
                    "joining the network.",
                    "link": {"page": None, "url": "https://partnership.example.org/sparc/join"},
                    "label": "Ask about joining SPARC",
                },
            )
        ],
        milestones=[
            inline(
                CampaignMilestoneFactory,
                date=None,
                year=2013,
                label="The Partnership is formed",
                text="Executive directors of state and local child advocacy organizations form "
                "the Partnership for America’s Children, SPARC's home.",
            ),
        ],
        partners=[
            inline(
                CampaignPartnerFactory,
                name="Annie E. Casey Foundation",
                role=PartnerRole.FUNDER,
                logo=None,
                link="https://www.aecf.org/",
            ),
            inline(
                CampaignPartnerFactory,
                name="Conrad N. Hilton Foundation",
                role=PartnerRole.FUNDER,
                logo=None,
                link="https://www.hiltonfoundation.org/",
            ),
        ],
        contacts=[
            inline(
                CampaignContactFactory,
                name="SPARC team",
                role="Membership, technical assistance and cross-state campaigns",
                email="sparc@partnership.example.org",
                phone="",
            )
        ],
        # A past session with its recording: upcoming SPARC webinars are listed automatically.
        related_page_links=_picks(["sparc-child-welfare-reform"]),
        topics=_pick(topics, ["child-welfare"]),
        networks=_pick(networks, ["sparc"]),
    )


def _pick(terms, slugs):
    return [terms[slug] for slug in slugs if slug in terms]


def _picks(slugs) -> list:
    pages = {page.slug: page for page in public_pages(Page.objects.filter(slug__in=slugs))}
    return [
        inline(CampaignRelatedPageFactory, related_page=pages[slug])
        for slug in slugs
        if slug in pages
    ]


def placeholder_logo(name: str, colour: str) -> CustomImage:
    """A plain generated logo (initials on a colour), created once."""
    title = f"{name} logo"
    existing = CustomImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())[:3]
    picture = Image.new("RGB", (240, 120), colour)
    ImageDraw.Draw(picture).text((20, 45), initials, fill="#ffffff", font_size=40)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return ImageFactory(
        title=title,
        description=f"Logo of {name}",
        file=ImageFile(buffer, name="placeholder-logo.png"),
        collection=Collection.get_first_root_node(),
    )


def load_spanish(home_page, log) -> None:
    glossary = SITE_COPY_ES | GLOSSARY
    index = CampaignIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in SPANISH_CAMPAIGNS)]
    created = [translate_demo_object(page, glossary)[1] for page in pages]
    log(f"  campaigns: {sum(created)} translated into Spanish ({len(pages)} pages in all)")
