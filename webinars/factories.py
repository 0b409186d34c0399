"""Factories for webinars; tests build from these."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from home.factories import LocaleDefaultMixin
from webinars.models import Series, WebinarIndexPage, WebinarPage, WebinarSpeaker


class SeriesFactory(LocaleDefaultMixin):
    class Meta:
        model = Series
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class WebinarIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WebinarIndexPage

    title = "Webinars"
    slug = "webinars"
    introduction = "Experts on policy, communications and organisational capacity building."


class WebinarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WebinarPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Webinar {n}")
    summary = "A session for state and local child advocates."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    duration = timedelta(hours=1)
    registration_url = "https://events.example.org/register"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()  # parental many-to-many values are written on save

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        if create and extracted:
            self.networks.set(extracted)
            self.save()


class WebinarSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebinarSpeaker

    page = factory.SubFactory(WebinarPageFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Policy Director"
    organisation = "A state child advocacy organization"
    bio = "Leads the organization's work on state budgets."


class ImageFactory(wagtail_factories.ImageFactory):
    """A speaker photo (home.CustomImage, the site's image model)."""

    title = "Speaker photo"
    file = factory.django.ImageField(width=480, height=480)
