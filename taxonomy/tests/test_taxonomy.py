"""Taxonomy: the vocabulary, and the filters every listing and the API share."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from home.factories import NetworkFactory, TopicFactory
from home.models import State, Topic
from languages.terms import choices_in_language
from languages.tests.translating import translate_term
from taxonomy.filters import FilterErrors, TaxonomyFilters
from webinars.factories import SeriesFactory


@pytest.mark.django_db
def test_states_cover_fifty_states_dc_and_territories():
    assert State.objects.filter(kind="state").count() == 50
    assert State.objects.get(code="DC").name == "District of Columbia"
    assert State.objects.filter(code__in=["PR", "GU", "VI", "AS", "MP"]).count() == 5


@pytest.mark.django_db
def test_topic_translation_keeps_its_slug():
    topic = TopicFactory(name="Child nutrition", slug="child-nutrition")
    spanish = topic.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = "Nutrición infantil"
    spanish.save()
    assert spanish.slug == "child-nutrition"
    assert Topic.objects.filter(slug="child-nutrition").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [TopicFactory, NetworkFactory, SeriesFactory])
def test_a_translation_with_another_slug_is_a_form_error(factory):
    english = factory(name="Child nutrition", slug="child-nutrition")
    spanish = translate_term(english, name="Nutrición infantil")
    spanish.full_clean()  # the same slug: fine

    spanish.slug = "nutricion-infantil"
    with pytest.raises(ValidationError) as error:
        spanish.full_clean()
    assert "child-nutrition" in error.value.message_dict["slug"][0]
    english.slug = "nutrition"  # the source's own slug may change (translations follow)
    english.full_clean()


@pytest.mark.django_db
def test_translators_are_not_offered_the_slug():
    topic = TopicFactory(name="Child nutrition", slug="child-nutrition")
    source, _ = TranslationSource.get_or_create_from_instance(topic)
    assert not OverridableSegment.objects.filter(source=source, context__path="slug").exists()
    assert StringSegment.objects.filter(source=source, context__path="name").exists()


@pytest.mark.django_db
def test_taxonomy_filters_read_comma_separated_alternatives():
    TopicFactory(slug="child-health")
    TopicFactory(slug="child-nutrition")
    state = TaxonomyFilters.from_params(
        QueryDict("topic=child-health,child-nutrition&state=oh&state=AZ")
    )
    assert dict(state.selected) == {
        "topic": ["child-health", "child-nutrition"],
        "state": ["OH", "AZ"],
    }
    assert state.query_string() == "?topic=child-health%2Cchild-nutrition&state=OH%2CAZ"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "param", "message"),
    [
        ("topic=no-such-topic", "topic", "unknown topic: no-such-topic"),
        ("topic=DROP TABLE", "topic", "is not a valid topic"),
        ("state=Ohio", "state", "is not a valid state"),
        ("state=ZZ", "state", "unknown state: ZZ"),
        ("network=" + ",".join(["a"] * 21), "network", "at most 20 values"),
    ],
)
def test_taxonomy_filters_name_the_bad_parameter(query, param, message):
    with pytest.raises(FilterErrors) as error:
        TaxonomyFilters.from_params(QueryDict(query))
    assert error.value.first.param == param
    assert message in str(error.value)


@pytest.mark.django_db
def test_api_answers_bad_taxonomy_filter_with_400_naming_it(home_page, client):
    response = client.get("/api/v2/pages/?state=Ohio")
    assert response.status_code == 400
    assert response.json() == {"message": "state: 'Ohio' is not a valid state"}


@pytest.mark.django_db
def test_filter_choices_follow_the_readers_alphabet_and_offer_only_linkable_terms():
    for english, spanish in [
        ("Child health", "Salud infantil"),
        ("Education", "Educación"),
        ("Ethics", "Ética"),
        ("Immigration", "inmigración"),
    ]:
        translate_term(TopicFactory(name=english), name=spanish)
    # A topic written straight in Spanish: no page can link to it (pages link to English rows).
    TopicFactory(name="Solo en español", locale=Locale.objects.get(language_code="es"))

    with translation.override("es"):
        names = [name for _, name in choices_in_language(Topic)]
    assert names == ["Educación", "Ética", "inmigración", "Salud infantil"]
