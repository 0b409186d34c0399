"""Helpers of the demo tests."""

import io
import re
from html import unescape

from django.core.management import call_command

HOST = "127.0.0.1:8000"  # the demo's default site


def load_demo() -> str:
    """`manage.py load_demo_content` again; returns what it printed."""
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def text_of(response) -> str:
    """What a reader sees of a page: its text, without scripts and styles, spacing collapsed."""
    assert response.status_code == 200, response.status_code
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.content.decode())
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")
