"""The member directory's filters (topic, network, state), also the API's member-states'."""

from taxonomy.filters import FilterState


class MemberFilters(FilterState):
    model = "members.MemberProfilePage"
