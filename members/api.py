"""Members in the content API (registered in members/wagtail_hooks.py): member counts per
state, for a partner site to draw its own map.

Member profiles themselves are in the pages endpoint
(`/api/v2/pages/?type=members.MemberProfilePage&state=OH`), filtered like the directory
(members.filters).
"""

from urllib.parse import urlencode

from django.http import Http404
from django.urls import path, reverse
from rest_framework.response import Response
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Site

from content_api.sections import APISection
from content_api.views import ReadOnlyEndpoint
from home.models import State
from members.filters import MemberFilters
from members.models import MemberDirectoryPage
from members.stats import public_member_profiles
from privacy.visibility import public_pages
from taxonomy.filters import FilterErrors

MEMBER_STATE = {
    "type": "object",
    "properties": {
        "code": {"type": "string"},
        "name": {"type": "string"},
        "kind": {"type": "string"},
        "member_count": {"type": "integer"},
        "localities": {"type": "array", "items": {"type": "string"}},
        "members_url": {"type": "string"},
        "directory_url": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
    "required": ["code", "name", "kind", "member_count", "localities", "members_url"],
    "additionalProperties": False,
}


class MemberStatesEndpoint(ReadOnlyEndpoint):
    """`/api/v2/member-states/`: every state, DC and territory with its number of member
    organisations; `/api/v2/member-states/OH/` for one state.

    `?network=`, `?topic=` and `?state=` narrow it as on the directory (e.g.
    `?network=sparc`); `?locale=es` names the states in Spanish. Only live, public
    profiles count, once per organisation (`members.stats.public_member_profiles`).
    """

    model = State
    name = "member-states"
    # `locale`: the language of the states' names; the counts are of the member
    # profiles in the default language, as in the directory.
    known_query_parameters = ReadOnlyEndpoint.known_query_parameters | MemberFilters.parameters()
    detail_query_parameters = known_query_parameters

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
        items = self._summary(states)["items"]
        if not items:  # another state asked for with ?state=
            raise Http404("not found")
        return Response(items[0])

    def _summary(self, states):
        try:
            selected = MemberFilters.from_params(self.request.GET)
        except FilterErrors as errors:
            raise BadRequestError(str(errors.first)) from errors
        if "state" in selected:
            states = states.filter(code__in=selected.get("state"))

        site = Site.find_for_request(self.request)
        members = public_member_profiles(site) if site else public_member_profiles().none()
        members = selected.apply(members)
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
        params |= selected.without("state").to_querydict().dict()
        listing = reverse(f"{self.request.wagtailapi_router.url_namespace}:pages:listing")
        return get_full_url(self.request, f"{listing}?{urlencode(params)}")

    @staticmethod
    def _directory(site):
        if site is None:
            return None
        directories = MemberDirectoryPage.objects.filter(locale=Locale.get_default())
        return public_pages(directories.descendant_of(site.root_page, inclusive=True)).first()

    @classmethod
    def openapi(cls, name: str) -> tuple[dict, dict]:
        from content_api import schema

        locale = schema.names_locale_parameter()
        filters = {f.name: schema.filter_parameter(f) for f in MemberFilters.filters}
        paths = {
            f"/{name}/": {
                "get": {
                    "summary": "Member organisations per state",
                    "parameters": [*filters.values(), locale],
                    "responses": schema.responses(
                        schema.listing(
                            schema.ref("MemberState"),
                            {
                                "member_count": {"type": "integer"},
                                "place_count": {"type": "integer"},
                            },
                        )
                    ),
                }
            },
            f"/{name}/{{code}}/": {
                "get": {
                    "summary": "Members in one state",
                    "parameters": [
                        schema.param("code", "USPS code.", required=True, location="path"),
                        *filters.values(),
                        locale,
                    ],
                    "responses": schema.responses(schema.ref("MemberState"), not_found=True),
                }
            },
        }
        return paths, {"MemberState": MEMBER_STATE}


def members_api_section() -> APISection:
    return APISection(name="members", endpoints={"member-states": MemberStatesEndpoint})
