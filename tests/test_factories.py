"""Every page type has a factory, so tests and demo content can build it."""

from importlib import import_module

import factory
from django.apps import apps
from wagtail.models import Page

PROJECT_APPS = ["home", "webinars", "library", "campaigns", "members", "search"]


def project_page_models():
    return [
        model
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, Page)
    ]


def factory_models(app_label):
    try:
        module = import_module(f"{app_label}.factories")
    except ModuleNotFoundError:
        return set()
    return {
        value._meta.model
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value._meta.model is not None
    }


def test_every_page_type_has_a_factory():
    missing = [
        model._meta.label
        for model in project_page_models()
        if model not in factory_models(model._meta.app_label)
    ]
    assert missing == []
