"""Spanish demo content for the library: the library page and five public resources.
The other resources and the members' library stay in English, so their pages show the
fallback.

See home/demo_es.py for how the glossaries are written.
"""

from demo.translation import translate_demo_object
from library.models import LibraryIndexPage

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

RESOURCE_SLUGS = [
    "count-all-kids-the-young-child-undercount",
    "school-meals-for-all-the-case-for-states",
    "summer-ebt-in-2025-what-states-chose",
    "state-child-tax-credits-at-a-glance",
    "child-health-policy-a-state-advocates-guide",
]


def load(home_page, log) -> None:
    index = LibraryIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in RESOURCE_SLUGS)]
    created = [translate_demo_object(page, GLOSSARY)[1] for page in pages]
    log(f"  library: {sum(created)} translated into Spanish ({len(pages)} pages in all)")
