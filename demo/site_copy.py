"""The organisation's own public text (content/site-copy.txt, a copy of
shared/content/site-copy.txt), from which the demo's English pages are written, and its
Spanish, paragraph by paragraph, for the Spanish pages that quote it."""

import re
from pathlib import Path

SITE_COPY = Path(__file__).parent / "content" / "site-copy.txt"

# Openings of the paragraphs the demo quotes.
FORMED = "The Partnership for America’s Children was formed"
SPARC = "The Partnership for America’s Children is the home"


def site_copy_paragraph(opening: str) -> str:
    """The paragraph of the organisation's text that starts with `opening`."""
    text = SITE_COPY.read_text(encoding="utf-8")
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph.startswith(opening):
            return paragraph
    raise LookupError(f"No paragraph starting {opening!r} in {SITE_COPY}")


def site_copy_html(opening: str) -> str:
    return f"<p>{site_copy_paragraph(opening)}</p>"


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
