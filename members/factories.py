"""Factories for member directories and profiles; tests and demo content build from these."""

import factory
import wagtail_factories
from wagtail.models import Collection

from home.models import CustomImage
from members.models import MemberDirectoryPage, MemberProfilePage


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MemberDirectoryPage

    title = "Our members"
    slug = "members"
    summary = "State and local child advocacy organizations across the country."
    introduction = "Our members are state and local child advocacy organizations."


class MemberProfilePageFactory(wagtail_factories.PageFactory):
    """A member organisation. Pass `networks=[...]` and `topics=[...]` to file it."""

    class Meta:
        model = MemberProfilePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Example Children’s Alliance {n} (demo)")
    home_state_id = "OH"
    website = factory.Sequence(lambda n: f"https://member-{n}.example.org")
    description = "A demo child advocacy organization."
    executive_director = "Alex Example"
    year_joined = 2015

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        if extracted:
            self.networks.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()


class ImageFactory(wagtail_factories.ImageFactory):
    """A member's logo (home.CustomImage, the site's image model), in the root collection."""

    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Member logo {n}")
    file = factory.django.ImageField(width=240, height=120)
    collection = factory.LazyFunction(Collection.get_first_root_node)
