"""Spanish demo content for the webinars: every series, the webinars page and four public
sessions, past and upcoming, with their speakers. The other sessions stay in English, so
their pages show the fallback.

See home/demo_es.py for how the glossaries are written.
"""

from wagtail.models import Locale

from demo.translation import translate_demo_object
from home.demo_es import SITE_COPY
from webinars.models import Series, WebinarIndexPage

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

WEBINAR_SLUGS = [
    "counting-all-kids-2030-census",
    "summer-meals-and-child-nutrition",
    "child-tax-credits-in-the-states",
    "protecting-child-health-coverage",
]


def load(home_page, log) -> None:
    glossary = SITE_COPY | GLOSSARY
    series = Series.objects.filter(locale=Locale.get_default())
    created = [translate_demo_object(one, glossary)[1] for one in series]
    log(f"  webinar series: {sum(created)} translated into Spanish ({len(created)} in all)")

    index = WebinarIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in WEBINAR_SLUGS)]
    created = [translate_demo_object(page, glossary)[1] for page in pages]
    log(f"  webinars: {sum(created)} translated into Spanish ({len(pages)} pages in all)")
