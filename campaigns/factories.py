"""Factories for campaigns; tests and demo content build from these."""

import factory
import wagtail_factories

from campaigns.models import (
    CampaignContact,
    CampaignIndexPage,
    CampaignMilestone,
    CampaignPage,
    CampaignPartner,
    CampaignRelatedPage,
    PartnerRole,
)


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Campaigns"
    slug = "campaigns"
    introduction = "National campaigns that shape state advocacy for children."


class CampaignPageFactory(wagtail_factories.PageFactory):
    """A campaign. Pass `networks=[...]` and `topics=[...]` to file it."""

    class Meta:
        model = CampaignPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Campaign {n}")
    tagline = "Every child counts."
    summary = "A national campaign of the network."
    introduction = "State and local advocates working together."

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()  # parental many-to-many values are written on save

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        if extracted:
            self.networks.set(extracted)
            if create:
                self.save()


class CampaignMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignMilestone

    page = factory.SubFactory(CampaignPageFactory)
    year = 2030
    label = factory.Sequence(lambda n: f"Milestone {n}")
    text = "A step of the campaign."


class CampaignPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignPartner

    page = factory.SubFactory(CampaignPageFactory)
    name = factory.Sequence(lambda n: f"Example Foundation {n}")
    role = PartnerRole.PARTNER
    link = "https://partner.example.org/"


class CampaignContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignContact

    page = factory.SubFactory(CampaignPageFactory)
    name = "Campaign team"
    email = "campaigns@partnership.example.org"


class CampaignRelatedPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignRelatedPage

    page = factory.SubFactory(CampaignPageFactory)


class ImageFactory(wagtail_factories.ImageFactory):
    """A partner logo or hero image (home.CustomImage, the site's image model)."""

    title = "Logo"
    file = factory.django.ImageField(width=480, height=240)
