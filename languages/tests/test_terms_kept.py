"""Vocabularies in the reader's language are kept until the content version changes
(languages.terms.in_language): that holds only if every translatable vocabulary changes
the version when a row of it changes."""

import pytest
from django.apps import apps
from wagtail.models import TranslatableMixin

from content_api.caching import watched_models
from home.models import Network, SiteNotice, Topic
from operations.tests.bounds import request
from webinars.models import Series

pytestmark = pytest.mark.django_db


def translatable_vocabularies():
    """Every translatable model that is not a page or a page's child row: the rows
    pages link to or show as they are (topics, networks, series, notices)."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page

    return {
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not any(isinstance(field, ParentalKey) for field in model._meta.fields)
        and model._meta.app_label not in {"wagtailcore", "wagtail_localize"}
    }


def test_every_translatable_vocabulary_changes_the_content_version():
    vocabularies = translatable_vocabularies()
    assert {Topic, Network, Series, SiteNotice} <= vocabularies
    assert vocabularies - watched_models() == set()


def test_a_renamed_term_shows_on_the_next_request():
    from languages.terms import in_language

    topic = Topic.objects.create(name="Child health", slug="child-health")
    with request():
        assert in_language(Topic, "en")[topic.translation_key].name == "Child health"
    topic.name = "Children's health"
    topic.save()
    with request():
        assert in_language(Topic, "en")[topic.translation_key].name == "Children's health"
