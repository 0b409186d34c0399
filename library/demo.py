"""Demo content for the library, in English and Spanish: public resources across the
network's issue areas, a members-only section with PDF files in a private collection,
and a demo member. In Spanish: the library page and five public resources; the other
resources and the members' library stay in English, so their pages show the fallback.

Built with the library's factories. Idempotent: each item is created only when missing
(looked up by slug or name). See home/demo.py for how the glossaries are written.
"""

import datetime

import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.models import Collection

from demo.building import inline, publish
from demo.site_copy import site_copy_paragraph
from demo.translation import translate_demo_object
from home.models import CustomDocument, Network, State, Topic
from library.factories import (
    DocumentFactory,
    LibraryIndexPageFactory,
    ResourceFileFactory,
    ResourcePageFactory,
)
from library.models import LibraryIndexPage, ResourceType
from library.pdf import minimal_pdf
from members.models import MemberProfilePage
from privacy.restricting import members_group, private_collection, restrict_page_to_members

DEMO_MEMBER_USERNAME = "member"
DEMO_MEMBER_PASSWORD = "members-library-demo"  # noqa: S105 - a demo account, logged by `load`

R = ResourceType

# The link to a resource's file, by type: a label of its own, which is translated with
# the page (the document's title is not).
FILE_LABELS = {
    R.REPORT: "Read the report",
    R.TOOLKIT: "Download the toolkit",
    R.FACT_SHEET: "Download the fact sheet",
    R.POLICY_BRIEF: "Read the policy brief",
    R.SLIDE_DECK: "Download the slides",
    R.TEMPLATE: "Download the template",
    R.DATA: "Download the data",
}

# (title, type, published on, topics, networks, states, summary, authoring organisations)
PUBLIC_RESOURCES = [
    (
        "Child health policy: a state advocate's guide",
        R.TOOLKIT,
        datetime.date(2025, 2, 10),
        ["child-health"],
        ["partnership"],
        [],
        "How state advocates can protect and expand children's health coverage.",
        "Partnership for America's Children",
    ),
    (
        "School meals for all: the case for states",
        R.POLICY_BRIEF,
        datetime.date(2025, 4, 22),
        ["child-nutrition"],
        ["partnership"],
        ["OH", "MI"],
        "Why universal school meals work, and what they cost a state budget.",
        "Partnership for America's Children\nChildren's Defense Fund-Ohio",
    ),
    (
        "Summer EBT in 2025: what states chose",
        R.FACT_SHEET,
        datetime.date(2025, 6, 3),
        ["child-nutrition", "income-supports"],
        ["partnership"],
        [],
        "Which states joined the summer grocery benefit for children, and how families apply.",
        "Partnership for America's Children",
    ),
    (
        "Reading a state budget for children",
        R.TOOLKIT,
        datetime.date(2024, 9, 12),
        ["state-budgets"],
        ["partnership"],
        [],
        "A step-by-step method for finding and tracking children's spending in a state budget.",
        "Partnership for America's Children",
    ),
    (
        "State budget advocacy calendar",
        R.TEMPLATE,
        datetime.date(2024, 11, 5),
        ["state-budgets"],
        ["partnership"],
        [],
        "A template for planning budget advocacy around the legislative session.",
        "Partnership for America's Children",
    ),
    (
        "State child tax credits at a glance",
        R.FACT_SHEET,
        datetime.date(2025, 1, 15),
        ["child-tax-credits", "income-supports"],
        ["partnership"],
        ["CO", "NM", "OH"],
        "Which states have a child tax credit, who can claim it, and how much it is worth.",
        "Partnership for America's Children",
    ),
    (
        "Designing a refundable state child tax credit",
        R.POLICY_BRIEF,
        datetime.date(2025, 3, 18),
        ["child-tax-credits"],
        ["partnership"],
        [],
        "Design choices that decide whether a credit reaches the children who need it most.",
        "Partnership for America's Children",
    ),
    (
        "Income supports that reach families",
        R.REPORT,
        datetime.date(2024, 6, 20),
        ["income-supports", "race-equity"],
        ["partnership"],
        [],
        "What the evidence says about cash assistance and children's well-being.",
        "Partnership for America's Children",
    ),
    (
        "Centering parents in early childhood advocacy",
        R.TOOLKIT,
        datetime.date(2025, 5, 8),
        ["early-childhood"],
        ["partnership"],
        [],
        "Practices for bringing parents into early childhood policy work as leaders.",
        "Partnership for America's Children",
    ),
    (
        "Family first prevention: state progress",
        R.REPORT,
        datetime.date(2024, 10, 2),
        ["child-welfare"],
        ["sparc"],
        ["IL", "TX"],
        "How SPARC members' states are using prevention services to keep families together.",
        "State Policy Advocacy and Reform Center",
    ),
    (
        "Kinship care: supporting relatives who raise children",
        R.POLICY_BRIEF,
        datetime.date(2025, 7, 14),
        ["child-welfare"],
        ["sparc"],
        [],
        "State policy options that support grandparents and other relatives raising children.",
        "State Policy Advocacy and Reform Center",
    ),
    (
        "Count All Kids: the young child undercount",
        R.DATA,
        datetime.date(2024, 3, 28),
        ["census-and-data", "race-equity"],
        ["partnership"],
        [],
        site_copy_paragraph("Accurate Census Data")[:200].rsplit(" ", 1)[0] + "…",
        "Partnership for America's Children\nCount All Kids",
    ),
    (
        "Preparing for the 2030 Census: slides for coalitions",
        R.SLIDE_DECK,
        datetime.date(2025, 8, 19),
        ["census-and-data"],
        ["partnership"],
        [],
        "A slide deck for state coalitions on an accurate count of young children in 2030.",
        "Partnership for America's Children",
    ),
]

MEMBERS_RESOURCES = [
    (
        "Member grant report template",
        R.TEMPLATE,
        datetime.date(2025, 1, 30),
        ["state-budgets"],
        ["partnership"],
        [],
        "The template members use to report on Partnership regrants.",
        "Partnership for America's Children",
    ),
    (
        "Peer Exchange notes: child nutrition strategies",
        R.REPORT,
        datetime.date(2025, 4, 10),
        ["child-nutrition"],
        ["partnership"],
        [],
        "Notes from the monthly Partnership Peer Exchange on school meals campaigns.",
        "Partnership for America's Children",
    ),
    (
        "SPARC campaign playbook: child welfare financing",
        R.TOOLKIT,
        datetime.date(2025, 6, 25),
        ["child-welfare"],
        ["sparc"],
        [],
        "Cross-state campaign coordination for SPARC members on child welfare financing.",
        "State Policy Advocacy and Reform Center",
    ),
]


LIBRARY_PAGE = {
    "title": "Library",
    "slug": "library",
    "introduction": "Organizational and policy resources from the Partnership and its "
    "members: reports, toolkits, fact sheets and more.",
    "show_in_menus": True,
}
MEMBERS_LIBRARY_PAGE = {
    "title": "Members’ library",
    "slug": "members",
    "introduction": "Resources for staff of member organizations only.",
    "show_in_menus": False,
}

# Spanish (load_spanish): each English string of the translated pages and snippets, and
# its Spanish.
GLOSSARY = {
    # The library page
    "Library": "Biblioteca",
    "library": "biblioteca",
    "Organizational and policy resources from the Partnership and its members: reports, "
    "toolkits, fact sheets and more.": (
        "Recursos organizacionales y de políticas de la Partnership y sus miembros: informes, "
        "guías prácticas, hojas informativas y más."
    ),
    # Authors: organisations keep their own names.
    "Partnership for America's Children": "Partnership for America's Children",
    "Partnership for America's Children<br/>Count All Kids": (
        "Partnership for America's Children<br/>Count All Kids"
    ),
    "Partnership for America's Children<br/>Children's Defense Fund-Ohio": (
        "Partnership for America's Children<br/>Children's Defense Fund-Ohio"
    ),
    # Links to the resources' files (library.demo.FILE_LABELS)
    "Download the toolkit": "Descargue la guía práctica",
    "Read the policy brief": "Lea el informe de políticas",
    "Download the fact sheet": "Descargue la hoja informativa",
    "Download the data": "Descargue los datos",
    # Count All Kids: the young child undercount
    "Count All Kids: the young child undercount": (
        "Cuenten a todos los niños: el subconteo de los niños pequeños"
    ),
    "count-all-kids-the-young-child-undercount": "el-subconteo-de-los-ninos-pequenos",
    "Accurate Census Data is critical to children’s advocacy efforts. It impacts the "
    "allocation of federal funding for multiple child and family programs, including housing, "
    "education, public health,…": (
        "Contar con datos precisos del censo es fundamental para la defensa de la niñez. Estos "
        "datos influyen en la distribución de los fondos federales para muchos programas "
        "dirigidos a niños y familias, como los de vivienda, educación, salud pública…"
    ),
    # School meals for all
    "School meals for all: the case for states": (
        "Comidas escolares para todos: por qué les conviene a los estados"
    ),
    "school-meals-for-all-the-case-for-states": "comidas-escolares-para-todos",
    "Why universal school meals work, and what they cost a state budget.": (
        "Por qué funcionan las comidas escolares gratuitas para todos y cuánto le cuestan al "
        "presupuesto de un estado."
    ),
    # Summer EBT
    "Summer EBT in 2025: what states chose": "EBT de verano en 2025: lo que eligieron los estados",
    "summer-ebt-in-2025-what-states-chose": "ebt-de-verano-en-2025",
    "Which states joined the summer grocery benefit for children, and how families apply.": (
        "Qué estados se sumaron al beneficio de verano para comprar alimentos para los niños y "
        "cómo pueden solicitarlo las familias."
    ),
    # State child tax credits
    "State child tax credits at a glance": (
        "Créditos tributarios estatales por hijos, de un vistazo"
    ),
    "state-child-tax-credits-at-a-glance": "creditos-tributarios-estatales-por-hijos",
    "Which states have a child tax credit, who can claim it, and how much it is worth.": (
        "Qué estados tienen un crédito tributario por hijos, quién puede reclamarlo y cuánto vale."
    ),
    # Child health policy
    "Child health policy: a state advocate's guide": (
        "Políticas de salud infantil: guía para defensores estatales"
    ),
    "child-health-policy-a-state-advocates-guide": "guia-de-politicas-de-salud-infantil",
    "How state advocates can protect and expand children's health coverage.": (
        "Cómo pueden los defensores estatales proteger y ampliar la cobertura de salud de los "
        "niños."
    ),
}

# Resources written with member organisations, by title: their profiles list them.
MEMBER_AUTHORS = {
    "School meals for all: the case for states": [
        "ohio-child-advocacy-forum-demo",
        "michigan-youth-and-family-policy-lab-demo",
    ],
    "State child tax credits at a glance": [
        "colorado-childrens-budget-project-demo",
        "new-mexico-childrens-budget-project-demo",
        "ohio-child-advocacy-forum-demo",
    ],
    "Family first prevention: state progress": [
        "illinois-childrens-budget-project-demo",
        "texas-child-advocacy-forum-demo",
    ],
}

SPANISH_RESOURCES = [
    "count-all-kids-the-young-child-undercount",
    "school-meals-for-all-the-case-for-states",
    "summer-ebt-in-2025-what-states-chose",
    "state-child-tax-credits-at-a-glance",
    "child-health-policy-a-state-advocates-guide",
]


def load(home_page, log) -> None:
    library = _index(home_page, LIBRARY_PAGE)
    public_files = _public_collection()
    created = sum(
        _resource(library, spec, document=_document(public_files, spec[0], members_only=False))
        for spec in PUBLIC_RESOURCES
    )
    log(f"  library: {created} public resources created")

    members = _index(library, MEMBERS_LIBRARY_PAGE)
    restrict_page_to_members(members)
    collection = private_collection()
    created = 0
    for spec in MEMBERS_RESOURCES:
        document = _document(collection, spec[0], members_only=True)
        created += _resource(members, spec, document=document)
    log(f"  members' library: {created} members-only resources created (files are private)")
    _member(log)


def load_spanish(home_page, log) -> None:
    index = LibraryIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in SPANISH_RESOURCES)]
    created = [translate_demo_object(page, GLOSSARY)[1] for page in pages]
    log(f"  library: {sum(created)} translated into Spanish ({len(pages)} pages in all)")


def _slug(title: str) -> str:
    return slugify(title)[:80]


def _index(parent, fields) -> LibraryIndexPage:
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    return publish(LibraryIndexPageFactory(parent=parent, **fields))


def _resource(parent, spec, *, document=None) -> bool:
    title, resource_type, published_on, topics, networks, states, summary, organisations = spec
    slug = _slug(title)
    if parent.get_children().filter(slug=slug).exists():
        return False
    files = []
    if document is not None:
        files = [inline(ResourceFileFactory, document=document, label=FILE_LABELS[resource_type])]
    page = ResourcePageFactory(
        parent=parent,
        title=title,
        slug=slug,
        resource_type=resource_type,
        published_on=published_on,
        summary=summary,
        authoring_organisations=organisations,
        last_reviewed_on=published_on + datetime.timedelta(days=120),
        body=[("paragraph", f"<p>{summary}</p>")],
        topics=list(Topic.objects.filter(slug__in=topics, locale=parent.locale)),
        networks=list(Network.objects.filter(slug__in=networks, locale=parent.locale)),
        states=list(State.objects.filter(code__in=states)),
        authors=list(
            MemberProfilePage.objects.filter(
                slug__in=MEMBER_AUTHORS.get(title, []), locale=parent.locale
            )
        ),
        files=files,
    )
    publish(page)
    return True


def _public_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Library").first()
    return existing or wagtail_factories.CollectionFactory(parent=root, name="Library")


def _document(collection, title: str, *, members_only: bool) -> CustomDocument:
    existing = CustomDocument.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    notice = (
        "Members only: do not share outside member organizations."
        if members_only
        else "A demo file of the Partnership's resource library."
    )
    content = minimal_pdf(title, ["Partnership for America's Children", notice])
    return DocumentFactory(
        title=title,
        collection=collection,
        file=ContentFile(content, name=f"{_slug(title)}.pdf"),
        file_size=len(content),
    )


def _member(log) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=DEMO_MEMBER_USERNAME,
        defaults={"email": "member@partnership.example.org", "first_name": "Demo"},
    )
    if created:
        user.set_password(DEMO_MEMBER_PASSWORD)
        user.save()
    user.groups.add(members_group())
    log(
        f"  demo member: {'created' if created else 'already there'}; log in at "
        f"http://127.0.0.1:8000/login/  user {DEMO_MEMBER_USERNAME!r} "
        f"password {DEMO_MEMBER_PASSWORD!r}"
    )
