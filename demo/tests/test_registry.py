"""Sections register their demo content (demo.registry), and the command loads it in
their order: every section's English, then every section's Spanish."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from demo.registry import DEMO_CONTENT_HOOK, DemoSection, demo_sections


def nothing(home_page, log):
    pass


def test_sections_load_in_the_order_they_depend_on_each_other():
    assert [section.name for section in demo_sections()] == [
        "Members",
        "Library",
        "Webinars",
        "Campaigns",
        "Member directory",  # Spanish only, after every other section's Spanish
    ]


def test_command_logs_every_section_in_english_then_every_section_in_spanish(demo_output):
    headings = [line for line in demo_output.splitlines() if line and not line.startswith(" ")]

    assert headings[1:-2] == [
        "Site",
        "Members",
        "Library",
        "Webinars",
        "Campaigns",
        "Site in Spanish",
        "Library in Spanish",
        "Webinars in Spanish",
        "Campaigns in Spanish",
        "Member directory in Spanish",
    ]


def test_a_hook_that_returns_no_demo_section_is_improperly_configured():
    with (
        hooks.register_temporarily(DEMO_CONTENT_HOOK, lambda: "library.demo"),
        pytest.raises(ImproperlyConfigured, match="must return a DemoSection"),
    ):
        demo_sections()


def test_two_sections_with_one_name_are_improperly_configured():
    with (
        hooks.register_temporarily(DEMO_CONTENT_HOOK, lambda: DemoSection("Library", nothing)),
        pytest.raises(
            ImproperlyConfigured,
            match="have the name 'Library'",
        ),
    ):
        demo_sections()


def test_a_section_that_loads_nothing_is_improperly_configured():
    with pytest.raises(ImproperlyConfigured, match="loads nothing"):
        DemoSection("Grants")
