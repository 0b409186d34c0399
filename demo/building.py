"""Helpers every section's demo module builds with."""

from wagtail.models import Page


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def inline(factory, **fields):
    """An inline child of a page (a speaker, a file, a milestone), built with its factory
    but not saved: given to the page's factory, it is saved with the page, in order."""
    return factory.build(page=None, **fields)
