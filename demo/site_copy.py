"""The organisation's own public text (content/site-copy.txt, a copy of
shared/content/site-copy.txt), from which the demo's English pages are written."""

import re
from pathlib import Path

SITE_COPY = Path(__file__).parent / "content" / "site-copy.txt"


def site_copy_paragraph(opening: str) -> str:
    """The paragraph of the organisation's text that starts with `opening`."""
    text = SITE_COPY.read_text(encoding="utf-8")
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph.startswith(opening):
            return paragraph
    raise LookupError(f"No paragraph starting {opening!r} in {SITE_COPY}")


def site_copy_html(opening: str) -> str:
    return f"<p>{site_copy_paragraph(opening)}</p>"
