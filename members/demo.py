"""Demo member organisations: the directory, Partnership members across the states, and
the SPARC network of 46 members in 37 states and localities (as the organisation's text
says). Names end in “(demo)”, people are fictional and addresses are example.org.

In Spanish: the directory, and the profiles of a few members in states where many
families speak Spanish. An organisation's name is a proper name and stays as it is;
its description is in Spanish. See home/demo.py for how the glossaries are written.

Built with the members' factories. Idempotent: each page is looked up by its slug and
created only when missing.
"""

import io
from dataclasses import dataclass

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.models import Collection

from demo.building import publish
from demo.site_copy import FORMED, SITE_COPY_ES, site_copy_paragraph
from demo.translation import translate_demo_object
from home.models import CustomImage, Network, State, Topic
from members.factories import ImageFactory, MemberDirectoryPageFactory, MemberProfilePageFactory
from members.models import MemberDirectoryPage
from taxonomy.states import US_STATES

NAME_PATTERNS = [
    "{place} Children’s Policy Collaborative",
    "{place} Child Advocacy Forum",
    "Center for {place}’s Children’s Futures",
    "{place} Alliance for Young Families",
    "{place} Children’s Budget Project",
    "{place} Youth and Family Policy Lab",
]
FIRST_NAMES = ["Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Rowan", "Sasha", "Emery"]
TOPIC_ROTATION = [
    "child-health",
    "child-nutrition",
    "state-budgets",
    "child-tax-credits",
    "income-supports",
    "early-childhood",
    "census-and-data",
    "race-equity",
]

# SPARC: 46 members in 37 distinct (state, locality) pairs (see
# MemberProfileQuerySet.place_count): 34 statewide places (33 states and DC) and 3 local
# ones make 37; nine more organisations share a place with another member.
SPARC_STATEWIDE = [
    "AL", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "IL", "IN", "KS", "KY",
    "LA", "MD", "MA", "MI", "MN", "MO", "NE", "NJ", "NM", "NY", "NC", "OH", "OK", "OR",
    "PA", "RI", "SC", "TX", "WA", "WI",
]  # fmt: skip
SPARC_LOCAL = [("CA", "Los Angeles County"), ("NY", "New York City"), ("PA", "Philadelphia")]
SPARC_SHARED_PLACES = [
    ("TX", ""), ("FL", ""), ("GA", ""), ("IL", ""), ("MI", ""), ("OH", ""), ("NJ", ""),
    ("WA", ""), ("NY", "New York City"),
]  # fmt: skip
SPARC_MEMBER_COUNT = 46
SPARC_PLACE_COUNT = 37

# Partnership members outside SPARC.
PARTNERSHIP_ONLY = [
    ("AK", ""), ("HI", ""), ("IA", ""), ("ME", ""), ("MS", ""), ("MT", ""), ("NV", ""),
    ("NH", ""), ("TN", ""), ("UT", ""), ("VT", ""), ("VA", ""), ("WV", ""), ("PR", ""),
    ("CO", "Denver"), ("TX", "Houston"),
]  # fmt: skip

LOGO_COLOURS = ["#0b5394", "#b45309", "#2e7d32", "#6a1b9a", "#00695c", "#ad1457"]
LOGO_COUNT = 8  # a few members have (generated) logos, so the directory shows both kinds

DIRECTORY_PAGE = {
    "title": "Our members",
    "slug": "members",
    "show_in_menus": True,
    "summary": "State and local child advocacy organizations across the country, and the "
    "SPARC network.",
    "introduction": site_copy_paragraph(FORMED),
}

# Spanish (load_spanish): each English string of the translated pages and snippets, and
# its Spanish.
GLOSSARY = {
    # The directory
    "Our members": "Nuestros miembros",
    "members": "miembros",
    "State and local child advocacy organizations across the country, and the SPARC network.": (
        "Organizaciones estatales y locales de defensa de la niñez de todo el país, y la red SPARC."
    ),
    # The members translated (SPANISH_MEMBERS): names and addresses stay as they are.
    "California Alliance for Young Families (demo)": (
        "California Alliance for Young Families (demo)"
    ),
    "california-alliance-for-young-families-demo": "california-alliance-for-young-families-demo",
    "A demo statewide child advocacy organization in California. It brings data, insight and "
    "recommendations to the people who make policy for children and families.": (
        "Una organización estatal de defensa de la niñez en California, creada para esta "
        "demostración. Aporta datos, conocimientos y recomendaciones a quienes deciden las "
        "políticas para los niños y las familias."
    ),
    "Los Angeles County Children’s Budget Project (demo)": (
        "Los Angeles County Children’s Budget Project (demo)"
    ),
    "los-angeles-county-childrens-budget-project-demo": (
        "los-angeles-county-childrens-budget-project-demo"
    ),
    "A demo local child advocacy organization in Los Angeles County, California. It brings "
    "data, insight and recommendations to the people who make policy for children and "
    "families.": (
        "Una organización local de defensa de la niñez en el condado de Los Ángeles, "
        "California, creada para esta demostración. Aporta datos, conocimientos y "
        "recomendaciones a quienes deciden las políticas para los niños y las familias."
    ),
    "Center for Florida’s Children’s Futures (demo)": (
        "Center for Florida’s Children’s Futures (demo)"
    ),
    "center-for-floridas-childrens-futures-demo": "center-for-floridas-childrens-futures-demo",
    "A demo statewide child advocacy organization in Florida. It brings data, insight and "
    "recommendations to the people who make policy for children and families.": (
        "Una organización estatal de defensa de la niñez en Florida, creada para esta "
        "demostración. Aporta datos, conocimientos y recomendaciones a quienes deciden las "
        "políticas para los niños y las familias."
    ),
    "New Mexico Children’s Budget Project (demo)": "New Mexico Children’s Budget Project (demo)",
    "new-mexico-childrens-budget-project-demo": "new-mexico-childrens-budget-project-demo",
    "A demo statewide child advocacy organization in New Mexico. It brings data, insight and "
    "recommendations to the people who make policy for children and families.": (
        "Una organización estatal de defensa de la niñez en Nuevo México, creada para esta "
        "demostración. Aporta datos, conocimientos y recomendaciones a quienes deciden las "
        "políticas para los niños y las familias."
    ),
    "Texas Child Advocacy Forum (demo)": "Texas Child Advocacy Forum (demo)",
    "texas-child-advocacy-forum-demo": "texas-child-advocacy-forum-demo",
    "A demo statewide child advocacy organization in Texas. It brings data, insight and "
    "recommendations to the people who make policy for children and families.": (
        "Una organización estatal de defensa de la niñez en Texas, creada para esta "
        "demostración. Aporta datos, conocimientos y recomendaciones a quienes deciden las "
        "políticas para los niños y las familias."
    ),
}

# Members in states where many families speak Spanish, by slug.
SPANISH_MEMBERS = [
    "california-alliance-for-young-families-demo",
    "los-angeles-county-childrens-budget-project-demo",
    "center-for-floridas-childrens-futures-demo",
    "new-mexico-childrens-budget-project-demo",
    "texas-child-advocacy-forum-demo",
]


@dataclass(frozen=True)
class DemoMember:
    state: str
    locality: str
    networks: tuple[str, ...]
    title: str = ""

    @property
    def slug(self) -> str:
        return slugify(self.title.replace("’", ""))[:80]


def demo_members() -> list[DemoMember]:
    """Every demo member with a unique name, in a fixed order (so names and slugs are the
    same on every run)."""
    places = [(code, "", ("partnership", "sparc")) for code in SPARC_STATEWIDE]
    places += [(code, place, ("partnership", "sparc")) for code, place in SPARC_LOCAL]
    # The organisations that share a place with another are in SPARC only.
    places += [(code, place, ("sparc",)) for code, place in SPARC_SHARED_PLACES]
    places += [(code, place, ("partnership",)) for code, place in PARTNERSHIP_ONLY]

    state_names = {code: name for code, name, _ in US_STATES}
    members, taken = [], set()
    for index, (code, locality, networks) in enumerate(places):
        for turn in range(len(NAME_PATTERNS)):
            pattern = NAME_PATTERNS[(index + turn) % len(NAME_PATTERNS)]
            title = pattern.format(place=locality or state_names[code]) + " (demo)"
            if title not in taken:
                break
        taken.add(title)
        members.append(DemoMember(code, locality, networks, title))
    return members


def load(home_page, log) -> None:
    directory = load_directory(home_page, log)
    states = State.objects.in_bulk()
    networks = {
        network.slug: network for network in Network.objects.filter(locale=home_page.locale)
    }
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home_page.locale)}
    existing = set(directory.get_children().values_list("slug", flat=True))
    created = 0
    for index, member in enumerate(demo_members()):
        if member.slug in existing:
            continue
        state = states[member.state]
        where = f"statewide child advocacy organization in {state.name}"
        if member.locality:
            where = f"local child advocacy organization in {member.locality}, {state.name}"
        member_topics = ["child-welfare"] if "sparc" in member.networks else []
        member_topics.append(TOPIC_ROTATION[index % len(TOPIC_ROTATION)])
        page = MemberProfilePageFactory(
            parent=directory,
            title=member.title,
            slug=member.slug,
            home_state_id=state.code,
            locality=member.locality,
            website=f"https://{member.slug}.example.org",
            description=f"A demo {where}. It brings data, insight and recommendations "
            "to the people who make policy for children and families.",
            executive_director=f"{FIRST_NAMES[index % len(FIRST_NAMES)]} Example",
            contact_email=f"info@{member.slug}.example.org",
            year_joined=2013 + index % 12,
            logo=demo_logo(member.title, index) if index < LOGO_COUNT else None,
            networks=[networks[name] for name in member.networks],
            topics=[topics[name] for name in member_topics],
        )
        publish(page)
        existing.add(member.slug)
        created += 1
    log(f"  members: {created} created, {len(existing)} in the directory")


def load_directory(home_page, log) -> MemberDirectoryPage:
    directory = MemberDirectoryPage.objects.child_of(home_page).first()
    if directory is not None:
        return directory
    directory = publish(MemberDirectoryPageFactory(parent=home_page, **DIRECTORY_PAGE))
    log("  member directory: created")
    return directory


def load_spanish(home_page, log) -> None:
    glossary = SITE_COPY_ES | GLOSSARY
    directory = MemberDirectoryPage.objects.child_of(home_page).get()
    children = directory.get_children()
    pages = [directory, *(children.get(slug=slug) for slug in SPANISH_MEMBERS)]
    created = [translate_demo_object(page, glossary)[1] for page in pages]
    log(f"  members: {sum(created)} translated into Spanish ({len(pages)} pages in all)")


def demo_logo(title: str, index: int) -> CustomImage:
    """A plain generated logo (initials on a colour), created once per organisation."""
    image_title = f"{title} logo"
    existing = CustomImage.objects.filter(title=image_title).first()
    if existing is not None:
        return existing
    initials = "".join(word[0] for word in title.split() if word[:1].isupper())[:3]
    picture = Image.new("RGB", (240, 120), LOGO_COLOURS[index % len(LOGO_COLOURS)])
    ImageDraw.Draw(picture).text((20, 45), initials, fill="#ffffff", font_size=40)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return ImageFactory(
        title=image_title,
        description=f"Logo of {title}",
        file=ImageFile(buffer, name=f"{slugify(title)[:60]}-logo.png"),
        collection=Collection.get_first_root_node(),
    )
