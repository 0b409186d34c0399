"""Demo campaigns, written from the organisation's own text: Count All Kids (the Census)
and SPARC, the State Policy Advocacy and Reform Center.

SPARC's membership is never typed here: its page counts it from the member profiles
(the members demo makes 46 members in 37 states and localities). Contacts are teams with
example.org addresses. Idempotent: each page is looked up by its slug and created only
when missing. Runs after the other sections, so editors' picks can point at their pages.
"""

import datetime
import io
import re

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Page

from campaigns.models import (
    CampaignContact,
    CampaignIndexPage,
    CampaignMilestone,
    CampaignPage,
    CampaignPartner,
    CampaignRelatedPage,
    PartnerRole,
)
from home.demo import SPARC, publish, site_copy_paragraph
from home.models import CustomImage, Network, Topic
from privacy.visibility import public_pages

CENSUS = "Accurate Census Data"
SPECIALIZED = "The Partnership provides targeted leadership"


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
        campaign = index.add_child(instance=build(topics, networks))
        publish(campaign)
        created += 1
    log(f"  campaigns: {created} created, {CampaignPage.objects.child_of(index).count()} in all")


def load_index(home_page, log) -> CampaignIndexPage:
    index = CampaignIndexPage.objects.child_of(home_page).first()
    if index is not None:
        return index
    index = home_page.add_child(
        instance=CampaignIndexPage(
            title="Campaigns",
            slug="campaigns",
            show_in_menus=True,
            summary="National campaigns that impact state advocacy: SPARC and an accurate "
            "count of young children in the Census.",
            introduction=site_copy_paragraph(SPECIALIZED),
        )
    )
    publish(index)
    log("  campaigns page: created")
    return index


def count_all_kids(topics, networks) -> CampaignPage:
    census = sentences(CENSUS)
    campaign = CampaignPage(
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
    )
    campaign.milestones = [
        CampaignMilestone(
            date=datetime.date(2020, 4, 1),
            label="Census Day 2020",
            text="In coalition with the Count All Kids Campaign, the Partnership works to make "
            "sure all children, particularly young children and children of color, are counted.",
        ),
        CampaignMilestone(
            year=2030,
            label="Preparing for the 2030 Census",
            text="Research methodology, communications and state-level coalitions focused on "
            "an accurate count of young children.",
        ),
        CampaignMilestone(
            date=datetime.date(2030, 4, 1),
            label="Census Day 2030",
            text="The next decennial count.",
        ),
    ]
    campaign.partners = [
        CampaignPartner(name="Count All Kids Campaign", role=PartnerRole.PARTNER),
        CampaignPartner(
            name="State Census coalitions (demo)",
            role=PartnerRole.PARTNER,
            logo=placeholder_logo("State Census coalitions (demo)", "#2e7d32"),
            link="https://census-coalitions.example.org/",
        ),
    ]
    campaign.contacts = [
        CampaignContact(
            name="Census campaign team",
            role="Count All Kids and the 2030 Census",
            email="census@partnership.example.org",
        )
    ]
    campaign.related_page_links = _picks(["about"])
    campaign.topics = _pick(topics, ["census-and-data", "race-equity", "early-childhood"])
    campaign.networks = []
    return campaign


def sparc(topics, networks) -> CampaignPage:
    text = sentences(SPARC)
    # The membership sentence ("Consisting of 46 members…") is left out on purpose: the
    # page counts the members from their profiles.
    work = "SPARC works" + text[1].split("SPARC works", 1)[1]
    campaign = CampaignPage(
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
    )
    campaign.milestones = [
        CampaignMilestone(
            year=2013,
            label="The Partnership is formed",
            text="Executive directors of state and local child advocacy organizations form "
            "the Partnership for America’s Children, SPARC's home.",
        ),
    ]
    campaign.partners = [
        CampaignPartner(
            name="Annie E. Casey Foundation", role=PartnerRole.FUNDER, link="https://www.aecf.org/"
        ),
        CampaignPartner(
            name="Conrad N. Hilton Foundation",
            role=PartnerRole.FUNDER,
            link="https://www.hiltonfoundation.org/",
        ),
    ]
    campaign.contacts = [
        CampaignContact(
            name="SPARC team",
            role="Membership, technical assistance and cross-state campaigns",
            email="sparc@partnership.example.org",
        )
    ]
    # A past session with its recording: upcoming SPARC webinars are listed automatically.
    campaign.related_page_links = _picks(["sparc-child-welfare-reform"])
    campaign.topics = _pick(topics, ["child-welfare"])
    campaign.networks = _pick(networks, ["sparc"])
    return campaign


def _pick(terms, slugs):
    return [terms[slug] for slug in slugs if slug in terms]


def _picks(slugs) -> list[CampaignRelatedPage]:
    pages = {page.slug: page for page in public_pages(Page.objects.filter(slug__in=slugs))}
    return [CampaignRelatedPage(related_page=pages[slug]) for slug in slugs if slug in pages]


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
    return CustomImage.objects.create(
        title=title,
        description=f"Logo of {name}",
        file=ImageFile(buffer, name="placeholder-logo.png"),
    )
