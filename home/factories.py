"""Factories for the home app's models; tests and demo content build from these."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage, Network, SiteNotice, SiteSettings, StandardPage, Topic


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class TopicFactory(LocaleDefaultMixin):
    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class NetworkFactory(LocaleDefaultMixin):
    class Meta:
        model = Network
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SiteNoticeFactory(LocaleDefaultMixin):
    class Meta:
        model = SiteNotice

    text = "Some pages are unavailable while we redesign the website."


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    """A site's settings. Pass `site`: there is one row per site."""

    class Meta:
        model = SiteSettings

    contact_email = "info@partnership.example.org"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    hero_heading = "Building a Future Where All Our Children Can Thrive."
    hero_text = "A network of state and local child advocacy organizations."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A plain content page."
    introduction = "An introduction."
