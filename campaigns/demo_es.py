"""Spanish demo content for the campaigns: the campaigns page and Count All Kids (the
Census campaign). SPARC stays in English, so its page shows the untranslated fallback.

See home/demo_es.py for how the glossaries are written.
"""

from campaigns.models import CampaignIndexPage
from demo.translation import translate_demo_object
from home.demo_es import CENSUS_FUNDING_ES, CENSUS_WORK_ES, SITE_COPY

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

CAMPAIGN_SLUGS = ["count-all-kids"]


def load(home_page, log) -> None:
    glossary = SITE_COPY | GLOSSARY
    index = CampaignIndexPage.objects.child_of(home_page).get()
    pages = [index, *(index.get_children().get(slug=slug) for slug in CAMPAIGN_SLUGS)]
    created = [translate_demo_object(page, glossary)[1] for page in pages]
    log(f"  campaigns: {sum(created)} translated into Spanish ({len(pages)} pages in all)")
