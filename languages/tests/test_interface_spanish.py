"""The rendered site's own words (labels, buttons, headings, messages) and its dates
follow the language of the page: Spanish at /es/, English at /.

The Spanish comes from site/locale/es/LC_MESSAGES/django.po. Its compiled .mo is not
committed (`make messages` builds it), so this module compiles it first when it is
missing or older than the .po: the tests pass from a clean clone.
"""

import datetime
import fcntl
import re
from datetime import timedelta

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.models import Locale

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
)
from home.factories import TopicFactory
from languages.tests.translating import publish_translation
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db

CATALOGUE = settings.BASE_DIR / "site" / "locale" / "es" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module", autouse=True)
def spanish_catalogue():
    """Compile the Spanish catalogue if needed, then make Django read it afresh.

    A lock keeps two pytest-xdist workers from writing the .mo at once. Django loads
    catalogues once per process; overriding LOCALE_PATHS (with the same value) resets
    them, in case another test used Spanish before the .mo existed.
    """
    compiled = CATALOGUE.with_suffix(".mo")
    lock_path = settings.BASE_DIR / "var" / "compilemessages.lock"
    lock_path.parent.mkdir(exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not compiled.exists() or compiled.stat().st_mtime < CATALOGUE.stat().st_mtime:
            call_command("compilemessages", locale=["es"], ignore_patterns=[".venv", "var"])
    with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
        yield


@pytest.fixture
def inicio(home_page):
    return publish_translation(home_page, title="Inicio")


@pytest.fixture
def webinars(home_page, inicio, time_machine):
    """A webinar on Saturday, November 28, 2026, 2–3 p.m. Eastern, in both languages, seen
    from November 2, 2026 (so it is upcoming)."""
    time_machine.move_to(timezone.make_aware(datetime.datetime(2026, 11, 2, 12, 0)))
    index = WebinarIndexPageFactory(parent=home_page)
    webinar = WebinarPageFactory(
        parent=index,
        title="Census data for advocates",
        slug="census-data",
        starts_at=timezone.make_aware(datetime.datetime(2026, 11, 28, 14, 0)),
        duration=timedelta(hours=1),
    )
    indice = publish_translation(index, title="Seminarios web", slug="seminarios-web")
    seminario = publish_translation(webinar, title="Datos del censo", slug="datos-del-censo")
    return {"index": index, "webinar": webinar, "indice": indice, "seminario": seminario}


@pytest.fixture
def library(home_page, inicio):
    index = LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")
    biblioteca = publish_translation(index, title="Biblioteca", slug="biblioteca")
    return {"index": index, "biblioteca": biblioteca}


def add_resource(library, title: str, titulo: str, published_on: datetime.date):
    resource = ResourcePageFactory(
        parent=library["index"], title=title, resource_type="fact-sheet", published_on=published_on
    )
    return resource, publish_translation(resource, title=titulo)


def text_of(html: str) -> str:
    """The page's visible text, with whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def get_html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


# -- The catalogue --------------------------------------------------------------------


def test_spanish_catalogue_translates_every_string_with_no_fuzzy_entries():
    catalogue = polib.pofile(str(CATALOGUE))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.obsolete_entries() == []
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_spanish_plural_agrees_with_the_count():
    with translation.override("es"):
        one, two = (
            translation.ngettext("%(counter)s resource", "%(counter)s resources", n)
            % {"counter": n}
            for n in (1, 2)
        )
    assert (one, two) == ("1 recurso", "2 recursos")


# -- Listings and forms ---------------------------------------------------------------


def test_webinar_listing_filters_are_labelled_in_the_pages_language(webinars, client):
    spanish = text_of(get_html(client, webinars["indice"].url))
    english = text_of(get_html(client, webinars["index"].url))

    for words in ("Tema Todos los temas", "Red Todas las redes", "Serie Todas las series"):
        assert words in spanish
    assert "Aplicar filtros" in spanish and "Próximos seminarios web" in spanish
    assert "Topic All topics" in english and "Apply filters" in english
    assert "Tema" not in english and "Apply filters" not in spanish


def test_webinar_listing_filter_error_is_explained_in_spanish(webinars, client):
    response = client.get(webinars["indice"].url, {"topic": "no-such-topic"})

    assert response.status_code == 400
    text = text_of(response.content.decode())
    assert "No se pudieron usar estos filtros: valor desconocido para topic: no-such-topic." in text
    assert "Mostrar todos los seminarios web" in text


def test_library_counts_its_resources_in_spanish_with_the_right_plural(library, client):
    add_resource(library, "WIC facts", "Datos del WIC", datetime.date(2025, 9, 1))
    spanish = text_of(get_html(client, library["biblioteca"].url))
    assert "1 recurso" in spanish and "1 recursos" not in spanish
    assert "Hoja informativa · 1 de septiembre de 2025" in spanish
    assert "Buscar en la biblioteca" in spanish and "Más recientes primero" in spanish

    add_resource(library, "SNAP facts", "Datos del SNAP", datetime.date(2025, 10, 2))
    assert "2 recursos" in text_of(get_html(client, library["biblioteca"].url))
    english = text_of(get_html(client, library["index"].url))
    assert "2 resources" in english and "Fact sheet · October 2, 2025" in english


def test_search_page_speaks_spanish_at_es(inicio, client):
    spanish = get_html(client, "/es/search/")
    english = get_html(client, "/search/")

    assert "<h1>Buscar</h1>" in spanish and "<h1>Search</h1>" in english
    assert "Escriba una o dos palabras" in spanish
    # The suggestions script announces its count with these (search-suggest.js).
    assert 'data-suggest-one="1 sugerencia disponible."' in spanish
    assert 'data-suggest-other="%(count)s sugerencias disponibles."' in spanish
    assert 'data-suggest-other="%(count)s suggestions available."' in english


def test_search_results_count_and_type_are_in_spanish(library, client):
    add_resource(library, "WIC facts", "Datos del WIC", datetime.date(2025, 9, 1))

    text = text_of(get_html(client, "/es/search/?q=wic"))

    assert "1 resultado para “wic”" in text
    assert "Tipo de contenido" in text and "Recurso" in text


# -- Dates and times --------------------------------------------------------------------


def test_webinar_date_and_time_follow_the_language(webinars, client):
    spanish = text_of(get_html(client, webinars["seminario"].url))
    english = text_of(get_html(client, webinars["webinar"].url))

    assert "sábado, 28 de noviembre de 2026, 14:00 – 15:00 EST" in spanish
    assert "Saturday, November 28, 2026, 2:00 p.m. – 3:00 p.m. EST" in english


def test_webinar_page_files_itself_under_the_spanish_names_of_its_topics(home_page, inicio, client):
    topic = TopicFactory(name="Census and data", slug="census-and-data")
    tema = topic.copy_for_translation(Locale.objects.get(language_code="es"))
    tema.name = "Censo y datos"
    tema.save()
    index = WebinarIndexPageFactory(parent=home_page)
    webinar = WebinarPageFactory(parent=index, slug="census", topics=[topic])
    publish_translation(index, slug="seminarios-web")
    seminario = publish_translation(webinar, slug="censo")

    spanish = text_of(get_html(client, seminario.url))

    assert "Temas: Censo y datos" in spanish
    assert "Topics: Census and data" in text_of(get_html(client, webinar.url))


def test_webinar_cards_show_the_start_in_the_listings_language(webinars, client):
    spanish = text_of(get_html(client, webinars["indice"].url))
    english = text_of(get_html(client, webinars["index"].url))

    assert "sábado, 28 de noviembre de 2026, 14:00 EST" in spanish
    assert "Saturday, November 28, 2026, 2:00 p.m. EST" in english


def test_resource_dates_follow_the_language(library, client):
    resource, recurso = add_resource(
        library, "WIC facts", "Datos del WIC", datetime.date(2025, 9, 1)
    )
    spanish = text_of(get_html(client, recurso.url))

    assert "Publicado 1 de septiembre de 2025" in spanish
    assert "Published September 1, 2025" in text_of(get_html(client, resource.url))


def test_campaign_timeline_dates_and_headings_follow_the_language(home_page, inicio, client):
    index = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=index, title="Count All Kids", slug="count-all-kids")
    CampaignMilestoneFactory(page=campaign, date=datetime.date(2020, 4, 1), label="Census Day")
    campaign.save_revision().publish()
    publish_translation(index, title="Campañas", slug="campanas")
    campana = publish_translation(campaign, title="Que cuenten todos", slug="que-cuenten")

    html = get_html(client, campana.url)

    assert '<time datetime="2020-04-01">1 de abril de 2020</time>' in html
    assert "Cronología" in text_of(html) and "Timeline" not in text_of(html)


def test_calendar_file_of_a_spanish_webinar_describes_it_in_spanish(webinars, client):
    def event(page):
        calendar = Calendar.from_ical(client.get(page.calendar_url()).content)
        return calendar.walk("VEVENT")[0]

    spanish, english = event(webinars["seminario"]), event(webinars["webinar"])

    assert spanish["LOCATION"] == "En línea"
    assert "Detalles: http://localhost/es/seminarios-web/datos-del-censo/" in spanish["DESCRIPTION"]
    assert english["LOCATION"] == "Online"
    assert "Details: http://localhost/webinars/census-data/" in english["DESCRIPTION"]


# -- Error pages --------------------------------------------------------------------------


def test_server_error_page_is_in_the_visitors_language():
    with translation.override("es"):
        html = render_to_string("500.html")

    assert '<html lang="es">' in html
    assert "Algo salió mal" in html
    assert '<a href="/es/">Ir a la página de inicio</a>' in html
