"""`{% kept_fragment %}` (response_cache/templatetags/kept_fragments.py): a part of a
template rendered once per content version, for what it is told it varies by and for
what every fragment varies by (language, clock-driven states, its own source)."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from home.factories import TopicFactory
from operations.tests.bounds import request

pytestmark = pytest.mark.django_db

CARD = (
    '{% load kept_fragments %}{% kept_fragment "card" pk %}<p>{{ title }}</p>{% endkept_fragment %}'
)


def render(source=CARD, **context):
    return Template(source).render(Context(context))


def test_a_fragment_is_rendered_once_per_content_version():
    with request():
        assert render(pk=1, title="School meals") == "<p>School meals</p>"
    with request():
        assert render(pk=1, title="anything else") == "<p>School meals</p>"
    TopicFactory(name="Child health", slug="child-health")  # public content changes
    with request():
        assert render(pk=1, title="School meals, 2026") == "<p>School meals, 2026</p>"


def test_a_fragment_varies_by_the_values_it_is_given_and_by_the_language():
    with request():
        render(pk=1, title="School meals")
        assert render(pk=2, title="WIC brief") == "<p>WIC brief</p>"
        with translation.override("es"):
            assert render(pk=1, title="Comidas escolares") == "<p>Comidas escolares</p>"
        assert render(pk=1, title="other") == "<p>School meals</p>"


def test_a_changed_fragment_is_never_served_what_it_replaced():
    # The same name and values in a template deployed with other markup.
    changed = CARD.replace("<p>", '<p class="card">')
    with request():
        render(pk=1, title="School meals")
        assert render(changed, pk=1, title="School meals") == '<p class="card">School meals</p>'


def test_outside_a_request_it_renders_every_time():
    assert render(pk=1, title="School meals") == "<p>School meals</p>"
    assert render(pk=1, title="WIC brief") == "<p>WIC brief</p>"


def test_it_names_what_it_needs():
    with pytest.raises(TemplateSyntaxError, match="takes a name"):
        Template("{% load kept_fragments %}{% kept_fragment %}x{% endkept_fragment %}")
