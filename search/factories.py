"""Factories for the search app: editors' promoted results."""

import factory
from wagtail.contrib.search_promotions.models import Query, SearchPromotion


class SearchPromotionFactory(factory.django.DjangoModelFactory):
    """A promoted result. Pass `query_string="census"` and a `page` (or an external link)."""

    class Meta:
        model = SearchPromotion
        exclude = ("query_string",)

    query_string = "census"
    query = factory.LazyAttribute(lambda o: Query.get(o.query_string))
    description = ""
    sort_order = factory.Sequence(int)
