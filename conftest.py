"""Fixtures shared by every app's tests: the page tree, real services (S3, Redis).

Tests that need a real service skip when it is not reachable on a developer's
machine, but fail in CI (where `CI` is set), so a missing service never turns
into a silently green run.
"""

import os
import socket
from contextlib import closing

import pytest
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory


def service_unavailable(reason: str):
    """Skip locally, fail in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this service must be available)")
    pytest.skip(reason)


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def home_page(db):
    """An English home page at the root of the default site, as the demo builds it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test", locale=Locale.get_default())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home
