"""The members' API endpoint beside the pages API: member counts per state.

Member profiles themselves are in the pages endpoint
(`/api/v2/pages/?type=members.MemberProfilePage&state=OH`), filtered by the shared
TaxonomyFilter through `MemberProfilePage.taxonomy_filters`.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.urls import path, reverse
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale, Site

from home.models import State
from members.models import MemberDirectoryPage
from members.stats import public_member_profiles
from privacy.visibility import public_pages
from taxonomy.filters import FACETS, TaxonomyFilterError, filter_by_taxonomy, parse_taxonomy_params


class MemberStatesAPIViewSet(BaseAPIViewSet):
    """`/api/v2/member-states/`: every state, DC and territory with its number of member
    organisations, for a partner site to draw its own map; `/api/v2/member-states/OH/`
    for one state.

    `?network=`, `?topic=` and `?state=` narrow it as on the pages endpoint (e.g.
    `?network=sparc`); `?locale=es` names the states in Spanish. Only live, public
    profiles count, once per organisation (see `members.stats.public_member_profiles`).
    Anonymous and JSON only, like every public endpoint.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = None
    model = State
    name = "member-states"
    # `locale`: the language of the states' names (ContentAPIMixin activates it); the
    # counts are of the member profiles in the default language, as in the directory.
    known_query_parameters = frozenset(FACETS) | {"locale"}

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def listing_view(self, request):
        summary = self._summary(State.objects.all())
        return Response(
            {
                "meta": {
                    "total_count": len(summary["items"]),
                    "member_count": summary["member_count"],
                    "place_count": summary["place_count"],
                },
                "items": summary["items"],
            }
        )

    def detail_view(self, request, pk):
        states = State.objects.filter(code=pk.upper())
        if len(pk) != 2 or not states.exists():
            raise Http404("not found")
        return Response(self._summary(states)["items"][0])

    def _summary(self, states):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )
        try:
            selected = parse_taxonomy_params(self.request.GET)
        except TaxonomyFilterError as error:
            raise BadRequestError(str(error)) from error
        if "state" in selected:
            states = states.filter(code__in=selected["state"])

        site = Site.find_for_request(self.request)
        members = public_member_profiles(site) if site else public_member_profiles().none()
        members = filter_by_taxonomy(members, selected)
        counts = members.count_by_state()
        localities = {}
        for code, locality in (
            members.exclude(locality="")
            .order_by("locality")
            .values_list("home_state", "locality")
            .distinct()
        ):
            localities.setdefault(code, []).append(locality)

        directory = self._directory(site)
        members_url = self._members_url(selected)
        items = [
            {
                "code": state.code,
                "name": state.localized_name,
                "kind": state.kind,
                "member_count": counts.get(state.code, 0),
                "localities": localities.get(state.code, []),
                "members_url": f"{members_url}&{urlencode({'state': state.code})}",
                "directory_url": (
                    f"{directory.full_url}?{urlencode({'state': state.code})}"
                    if directory
                    else None
                ),
            }
            for state in states
        ]
        return {
            "items": items,
            "member_count": sum(item["member_count"] for item in items),
            "place_count": members.filter(home_state__in=states).place_count(),
        }

    def _members_url(self, selected):
        """The pages endpoint's list of the members, without the state (added per state)."""
        params = {
            "type": "members.MemberProfilePage",
            "locale": Locale.get_default().language_code,
        }
        params |= {name: ",".join(values) for name, values in selected.items() if name != "state"}
        listing = reverse(f"{self.request.wagtailapi_router.url_namespace}:pages:listing")
        return get_full_url(self.request, f"{listing}?{urlencode(params)}")

    @staticmethod
    def _directory(site):
        if site is None:
            return None
        directories = MemberDirectoryPage.objects.filter(locale=Locale.get_default())
        return public_pages(directories.descendant_of(site.root_page, inclusive=True)).first()
