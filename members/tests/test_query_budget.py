"""The members' pages cost the same few queries whatever the number of members and
terms (issue 14: no per-item queries)."""

import pytest

from home.factories import TopicFactory
from tests.query_budget import get, uncached, warm, warm_queries

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
DIRECTORY_BUDGET = 7
PROFILE_BUDGET = 10


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_members(make_member, networks, topics, count, start=0):
    states = ["OH", "AZ", "TX", "CA"]
    return [
        make_member(
            f"Member {n}",
            state=states[n % len(states)],
            networks=list(networks.values()),
            topics=list(topics.values()),
        )
        for n in range(start, start + count)
    ]


@pytest.mark.django_db
def test_member_directory_queries_stay_within_budget_whatever_the_number_of_members(
    client, directory, make_member, networks, topics, django_assert_max_num_queries
):
    add_members(make_member, networks, topics, 3)
    few = warm_queries(client, directory.url)
    add_members(make_member, networks, topics, 17, start=3)
    warm(client, directory.url)
    with django_assert_max_num_queries(DIRECTORY_BUDGET) as many:
        get(client, directory.url)

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
def test_member_profile_queries_stay_within_budget_whatever_the_number_of_topics(
    client, make_member, networks, topics, django_assert_max_num_queries
):
    (member,) = add_members(make_member, networks, topics, 1)
    few = warm_queries(client, member.url)
    more = [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(17)]
    member.topics.set([*topics.values(), *more])
    member.save()
    warm(client, member.url)
    with django_assert_max_num_queries(PROFILE_BUDGET) as many:
        get(client, member.url)

    assert len(many) <= few  # more items, no more queries
