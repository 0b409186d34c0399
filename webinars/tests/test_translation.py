"""Speakers and series in Spanish: a speaker's role is translated with the webinar in
wagtail-localize, their name is not; a series is a translatable snippet that webinars in
every language keep linking to in English."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from languages.tests.translating import strings_to_translate, translate_into_spanish
from webinars.factories import ImageFactory, WebinarPageFactory, WebinarSpeakerFactory
from webinars.filters import WebinarFilters
from webinars.models import Series

pytestmark = pytest.mark.django_db

SPANISH_FOR = {
    "Senior Policy Analyst": "Analista sénior de políticas",
    "Partnership Peer Exchange": "Intercambio entre pares",
}


@pytest.fixture
def webinar(index_page, taxonomy):
    webinar = WebinarPageFactory(parent=index_page, webinar_series=taxonomy["peer-exchange"])
    WebinarSpeakerFactory(
        page=webinar, name="Maya Robinson", role="Senior Policy Analyst", photo=ImageFactory()
    )
    return webinar


def test_translators_get_the_speakers_role_but_not_their_name(webinar):
    strings = strings_to_translate(webinar)

    assert {
        ("speakers.role", "Senior Policy Analyst"),
        ("speakers.organisation", "A state child advocacy organization"),
        ("speakers.bio", "Leads the organization's work on state budgets."),
    } <= strings
    assert "Maya Robinson" not in {text for _, text in strings}


def test_spanish_webinar_has_the_speakers_role_in_spanish_and_the_same_name_and_photo(webinar):
    spanish_webinar = translate_into_spanish(webinar, SPANISH_FOR)

    speaker = spanish_webinar.speakers.get()
    assert speaker.role == "Analista sénior de políticas"
    assert speaker.name == "Maya Robinson"
    assert speaker.photo_id == webinar.speakers.get().photo_id


def test_a_translated_webinar_stays_in_the_english_series_even_before_it_is_translated(
    webinar, taxonomy
):
    spanish_webinar = translate_into_spanish(webinar, SPANISH_FOR)

    assert spanish_webinar.webinar_series == taxonomy["peer-exchange"]


def test_a_series_translates_as_a_snippet_and_keeps_its_slug(taxonomy):
    series = taxonomy["peer-exchange"]

    assert strings_to_translate(series) == {("name", "Partnership Peer Exchange")}
    spanish_series = translate_into_spanish(series, SPANISH_FOR)

    assert (spanish_series.name, spanish_series.slug) == (
        "Intercambio entre pares",
        "peer-exchange",
    )
    assert spanish_series.locale == Locale.objects.get(language_code="es")
    with translation.override("es"):
        assert series.localized.name == "Intercambio entre pares"


def test_a_translated_series_is_offered_once_in_the_filters_and_the_api(taxonomy, client):
    translate_into_spanish(taxonomy["peer-exchange"], SPANISH_FOR)

    form_choices = WebinarFilters.form(names=["series"]).fields["series"].choices
    api_items = client.get("/api/v2/webinar-series/").json()["items"]

    assert [slug for slug, _ in form_choices] == ["", "peer-exchange", "sparc-series"]
    assert [item["slug"] for item in api_items] == ["peer-exchange", "sparc-series"]
    assert Series.objects.filter(slug="peer-exchange").count() == 2
