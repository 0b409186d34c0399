"""The Spanish demo: part of the site translated through wagtail-localize, in Spanish
written for families and advocates, published at /es/; the rest left in English."""

import json
import re
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from campaigns import demo as campaigns_demo
from campaigns.models import CampaignPage
from demo import site_copy
from demo.tests.helpers import HOST, english, load_demo, text_of
from demo.translation import MissingSpanishError, translate_demo_object
from home import demo as home_demo
from home.demo import DEMO_ADMIN_USERNAME
from home.models import Network, Topic
from library import demo as library_demo
from library.models import ResourcePage
from members import demo as members_demo
from webinars import demo as webinars_demo
from webinars.models import Series, WebinarPage

pytestmark = pytest.mark.django_db

GLOSSARIES = {
    "demo.site_copy.SITE_COPY_ES": site_copy.SITE_COPY_ES,
    "home.demo.GLOSSARY": home_demo.GLOSSARY,
    "campaigns.demo.GLOSSARY": campaigns_demo.GLOSSARY,
    "webinars.demo.GLOSSARY": webinars_demo.GLOSSARY,
    "library.demo.GLOSSARY": library_demo.GLOSSARY,
    "members.demo.GLOSSARY": members_demo.GLOSSARY,
}


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def test_spanish_home_page_is_served_at_es_in_spanish(spanish, client):
    text = text_of(client.get("/es/", HTTP_HOST=HOST))

    assert "Construyendo un futuro en el que todos nuestros niños puedan prosperar." in text
    assert "Lo que ofrecemos a nuestros miembros" in text
    assert "La Partnership for America’s Children fue fundada en 2013" in text
    assert "$10 millones" in text
    assert "Estamos rediseñando nuestro sitio web" in text  # the site-wide notice
    assert "Building a Future Where All Our Children Can Thrive." not in text
    assert "What we provide to our members" not in text
    assert "We’re in the process of redesigning our website" not in text


def test_spanish_census_campaign_is_served_at_its_spanish_address(spanish, client):
    campaign = english(CampaignPage, "count-all-kids").get_translation(spanish)
    assert campaign.url == "/es/campanas/cuenten-a-todos-los-ninos/"

    text = text_of(client.get(campaign.url, HTTP_HOST=HOST))

    assert "Cuenten a todos los niños" in text
    assert "Un conteo preciso de cada niño pequeño en el censo" in text
    assert "Por qué importa el conteo" in text
    assert "Ayude a contar a todos los niños en 2030" in text
    assert "Why the count matters" not in text
    assert "Help count all kids in 2030" not in text


def test_spanish_webinar_and_resource_are_served_at_their_spanish_addresses(spanish, client):
    webinar = text_of(
        client.get("/es/seminarios-web/contar-a-todos-los-ninos-censo-2030/", HTTP_HOST=HOST)
    )
    resource = text_of(client.get("/es/biblioteca/comidas-escolares-para-todos/", HTTP_HOST=HOST))

    assert "Contar a todos los niños: cómo prepararse para el Censo de 2030" in webinar
    assert "Parte de la serie Comunicaciones y fortalecimiento organizacional." in webinar
    assert "Comidas escolares para todos: por qué les conviene a los estados" in resource
    assert "Why universal school meals work" not in resource


def test_spanish_section_pages_list_only_the_translated_items(spanish, client):
    webinars = text_of(client.get("/es/seminarios-web/", HTTP_HOST=HOST))

    assert "Proteger la cobertura de salud de los niños: Medicaid y CHIP" in webinars
    # An untranslated session is not listed on the Spanish page in English.
    assert "SPARC: supporting kinship caregivers" not in webinars


def test_spanish_pages_are_live_and_complete_wagtail_localize_translations(spanish):
    spanish_pages = Page.objects.filter(locale=spanish).specific()
    assert len(spanish_pages) == 22  # home, 2 standard pages, 4 sections, 15 items

    for page in spanish_pages:
        source_page = page.get_translation(Locale.get_default())
        source = TranslationSource.objects.get_for_instance(source_page)
        translation = Translation.objects.get(source=source, target_locale=spanish)

        assert page.live and not page.has_unpublished_changes, page
        assert translation.enabled
        assert source.get_source_instance().pk == source_page.pk
        # What the translation editor shows: every string translated.
        total, translated = translation.get_progress()
        assert total and translated == total, (page, total, translated)


def test_editors_edit_the_spanish_campaign_in_the_translation_editor(spanish, client):
    campaign = english(CampaignPage, "count-all-kids").get_translation(spanish)
    client.force_login(User.objects.get(username=DEMO_ADMIN_USERNAME))

    response = client.get(f"/admin/pages/{campaign.pk}/edit/")

    assert response.status_code == 200
    (props,) = re.findall(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    editor = json.dumps(json.loads(unescape(props)), ensure_ascii=False)
    assert "Help count all kids in 2030" in editor  # the English source…
    assert "Ayude a contar a todos los niños en 2030" in editor  # …and its Spanish


def test_every_topic_and_network_has_a_spanish_translation(spanish):
    nutrition = Topic.objects.get(slug="child-nutrition", locale=spanish)
    sparc = Network.objects.get(slug="sparc", locale=spanish)

    assert nutrition.name == "Nutrición infantil"
    assert sparc.name == "Centro de Incidencia y Reforma de Políticas Estatales"
    assert sparc.description.startswith("La Partnership for America’s Children es la sede")
    english_terms = [*Topic.objects.filter(locale_id=Locale.get_default().pk)]
    english_terms += Network.objects.filter(locale_id=Locale.get_default().pk)
    for term in english_terms:
        source = TranslationSource.objects.get_for_instance(term)
        assert Translation.objects.filter(source=source, target_locale=spanish).exists()
        assert term.has_translation(spanish), term


def test_spanish_translation_keeps_the_english_dates_addresses_and_filing(spanish):
    source = english(WebinarPage, "counting-all-kids-2030-census")
    webinar = source.get_translation(spanish)

    assert webinar.starts_at == source.starts_at
    assert webinar.registration_url == source.registration_url
    assert set(webinar.topics.all()) == set(source.topics.all())


def test_untranslated_pages_have_no_spanish_version(spanish, client):
    budget_guide = english(ResourcePage, "reading-a-state-budget-for-children")
    sparc = english(CampaignPage, "sparc")

    assert budget_guide.get_translation_or_none(spanish) is None
    assert sparc.get_translation_or_none(spanish) is None
    response = client.get("/es/biblioteca/reading-a-state-budget-for-children/", HTTP_HOST=HOST)
    assert response.status_code == 404


def test_loading_the_demo_again_changes_nothing_in_either_language(spanish):
    def snapshot():
        return {
            model.__name__: model.objects.count()
            for model in (
                Page,
                Revision,
                Topic,
                Network,
                TranslationSource,
                Translation,
                StringTranslation,
                TranslationLog,
            )
        } | {"live revisions": set(Page.objects.values_list("pk", "live_revision_id"))}

    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_every_glossary_entry_is_used_by_a_translated_string(spanish):
    translated_sources = Translation.objects.filter(target_locale=spanish).values("source")
    used = set(
        StringSegment.objects.filter(source__in=translated_sources).values_list(
            "string__data", flat=True
        )
    )

    for name, glossary in GLOSSARIES.items():
        assert not sorted(set(glossary) - used), f"unused entries in {name}"


def test_a_string_missing_from_the_glossary_fails_loudly_and_names_it(spanish):
    untranslated = english(ResourcePage, "reading-a-state-budget-for-children")

    with (
        pytest.raises(MissingSpanishError, match="Reading a state budget for children"),
        transaction.atomic(),
    ):
        translate_demo_object(untranslated, library_demo.GLOSSARY)

    assert untranslated.get_translation_or_none(spanish) is None


def test_editing_the_english_page_shows_translators_what_to_update(spanish):
    source_page = english(CampaignPage, "count-all-kids")
    source_page.tagline = "Every young child counts in the Census"
    source_page.save_revision().publish()

    # What “Sync translated pages” does when the editor publishes the English page.
    source, _ = TranslationSource.update_or_create_from_instance(source_page)
    total, translated = Translation.objects.get(source=source, target_locale=spanish).get_progress()

    assert translated == total - 1


# Child objects of the pages (timeline, partners, contacts, speakers, files) and the
# webinar series are translated through wagtail-localize like the pages themselves.


def test_spanish_census_campaign_shows_its_timeline_partners_and_contacts_in_spanish(
    spanish, client
):
    campaign = english(CampaignPage, "count-all-kids").get_translation(spanish)

    text = text_of(client.get(campaign.url, HTTP_HOST=HOST))

    assert "Día del Censo 2020" in text
    assert "Preparación para el Censo de 2030" in text
    assert "El próximo censo, que se realiza cada diez años." in text
    assert "1 de abril de 2030" in text  # the English date, shown the Spanish way
    assert "Campaña Count All Kids" in text
    assert "Coaliciones estatales por el censo (demostración)" in text
    assert "Equipo de la campaña del censo (Count All Kids y el Censo de 2030)" in text
    assert "census@partnership.example.org" in text
    for english_text in [
        "Census Day 2020",
        "Preparing for the 2030 Census",
        "The next decennial count.",
        "Count All Kids Campaign",
        "State Census coalitions (demo)",
        "Census campaign team",
    ]:
        assert english_text not in text


def test_spanish_webinar_shows_its_speakers_roles_and_series_in_spanish(spanish, client):
    source = english(WebinarPage, "counting-all-kids-2030-census")
    webinar = source.get_translation(spanish)

    text = text_of(client.get(webinar.url, HTTP_HOST=HOST))

    assert "Marcus Lee" in text and "Priya Natarajan" in text  # names are not translated
    assert "Gerente de la campaña del censo, Count All Kids Example Coalition" in text
    assert "Directora de datos, Example Kids Count Center" in text
    assert "Census Campaign Manager" not in text
    assert "Data Director" not in text
    # The translation stays in the English series, which shows in Spanish.
    assert webinar.webinar_series == source.webinar_series
    with translation.override("es"):
        assert (
            webinar.webinar_series.localized.name
            == "Comunicaciones y fortalecimiento organizacional"
        )


def test_every_webinar_series_has_a_spanish_translation_with_the_same_slug(spanish):
    english_series = Series.objects.filter(locale=Locale.get_default())

    assert english_series.count() == 4
    for series in english_series:
        spanish_series = series.get_translation(spanish)
        assert spanish_series.slug == series.slug
        assert spanish_series.name != series.name
    assert Series.objects.get(slug="policy-briefing", locale=spanish).name == (
        "Informes sobre políticas"
    )


def test_spanish_resource_links_its_file_with_a_spanish_label(spanish, client):
    source = english(ResourcePage, "school-meals-for-all-the-case-for-states")
    resource = source.get_translation(spanish)

    text = text_of(client.get(resource.url, HTTP_HOST=HOST))

    assert "Lea el informe de políticas" in text
    assert "Read the policy brief" not in text
    # The same document as the English page.
    assert [f.document_id for f in resource.files.all()] == [
        f.document_id for f in source.files.all()
    ]


def test_spanish_pages_in_the_api_give_their_children_in_spanish(spanish, client):
    def api(page):
        response = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST=HOST)
        assert response.status_code == 200, response.content
        return response.json()

    campaign = api(english(CampaignPage, "count-all-kids").get_translation(spanish))
    webinar = api(english(WebinarPage, "counting-all-kids-2030-census").get_translation(spanish))
    resource = api(
        english(ResourcePage, "school-meals-for-all-the-case-for-states").get_translation(spanish)
    )

    assert [m["label"] for m in campaign["timeline"]] == [
        "Día del Censo 2020",
        "Preparación para el Censo de 2030",
        "Día del Censo 2030",
    ]
    assert [p["name"] for p in campaign["partners"]] == [
        "Campaña Count All Kids",
        "Coaliciones estatales por el censo (demostración)",
    ]
    assert campaign["contacts"][0]["name"] == "Equipo de la campaña del censo"
    assert campaign["contacts"][0]["email"] == "census@partnership.example.org"
    assert [(s["name"], s["role"]) for s in webinar["speakers"]] == [
        ("Marcus Lee", "Gerente de la campaña del censo"),
        ("Priya Natarajan", "Directora de datos"),
    ]
    assert [f["label"] for f in resource["files"]] == ["Lea el informe de políticas"]


def test_editing_a_milestone_in_english_leaves_its_new_text_to_translate(spanish, client):
    source_page = english(CampaignPage, "count-all-kids")
    milestones = list(source_page.milestones.all())
    census_day = next(m for m in milestones if m.label == "Census Day 2030")
    census_day.text = "The next decennial count, on April 1, 2030."
    source_page.milestones = milestones
    source_page.save_revision().publish()

    # What “Sync translated pages” does when the editor publishes the English page.
    source, _ = TranslationSource.update_or_create_from_instance(source_page)
    total, translated = Translation.objects.get(source=source, target_locale=spanish).get_progress()
    untranslated = [
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
        if not StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=spanish
        ).exists()
    ]

    assert translated == total - 1
    assert untranslated == [(f"milestones.{census_day.translation_key}.text", census_day.text)]
    # Until a translator publishes it, the Spanish page keeps its Spanish text.
    campaign = source_page.get_translation(spanish)
    text = text_of(client.get(campaign.url, HTTP_HOST=HOST))
    assert "El próximo censo, que se realiza cada diez años." in text
    assert census_day.text not in text
