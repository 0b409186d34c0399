"""Which link targets the site may carry: http, https, mailto and tel, and relative
addresses and anchors. Anything else (`javascript:`, `data:`, `vbscript:`, `ftp:`…) is
refused where a link is saved, and dropped where rich text is rendered.

Wagtail's Draftail editor already drops `javascript:` links when it converts what an
editor typed (wagtail.whitelist.check_url), but rich text stored any other way (a
translator's link override in wagtail-localize, a shell, an import) is rendered as stored.
So the rule holds at both ends:

- saving: `validate_safe_link` refuses a link (languages/ uses it for wagtail-localize's
  link overrides; URLField and URLBlock keep Django's own validation, which is stricter);
- rendering: `strip_unsafe_links`, added to Wagtail's rich text rewriter
  (adapters/rich_text.py, installed by languages/apps.py), takes the href off any `<a>`
  whose target is unsafe, on pages and in the API's display HTML alike.
"""

import re
from html import escape, unescape
from html.parser import HTMLParser

from django.core.exceptions import ValidationError

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What browsers ignore inside a URL's scheme ("jav\tascript:" is "javascript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\xa0\s`\ufffd]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_A_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)

UNSAFE_LINK_MESSAGE = (
    "“%(url)s” is not a link the site may carry: use an address starting with "
    "https://, http://, mailto: or tel:, a relative address or an #anchor."
)


def is_safe_link(url: str | None) -> bool:
    """Whether `url` is an http(s), mailto or tel address, a relative address or an
    anchor, as a browser would read it (entities decoded, ignored characters removed)."""
    if not url:
        return True
    normalized = _IGNORED_IN_SCHEME.sub("", unescape(str(url))).lower()
    match = _SCHEME.match(normalized)
    return match is None or match.group(1) in SAFE_SCHEMES


def validate_safe_link(url: str | None) -> None:
    if not is_safe_link(url):
        raise ValidationError(UNSAFE_LINK_MESSAGE, code="unsafe_link", params={"url": url})


class _TagAttributes(HTMLParser):
    """The attributes of one opening tag, however they are quoted."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> list[tuple[str, str | None]]:
    parser = _TagAttributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def unsafe_links(html: str) -> list[str]:
    """The unsafe hrefs of the `<a>` tags in `html`."""
    return [
        value
        for tag in _A_TAG.findall(html or "")
        for name, value in _attributes(tag)
        if name == "href" and not is_safe_link(value)
    ]


def strip_unsafe_links(html: str) -> str:
    """`html` with the href taken off every `<a>` whose target is unsafe (the link's text
    stays, as plain text); every other tag is left exactly as it was."""

    def rewrite(match: re.Match) -> str:
        tag = match.group(0)
        attrs = _attributes(tag)
        if all(name != "href" or is_safe_link(value) for name, value in attrs):
            return tag
        kept = "".join(
            f' {name}="{escape(value or "", quote=True)}"' if value is not None else f" {name}"
            for name, value in attrs
            if name != "href"
        )
        return f"<a{kept}>"

    return _A_TAG.sub(rewrite, html) if html and "<a" in html.lower() else html


class UnsafeLinkRewriter:
    """A rewriter for Wagtail's rich text pipeline (the shape of
    wagtail.rich_text.rewriters.MultiRuleRewriter's members)."""

    def __call__(self, html: str) -> str:
        return strip_unsafe_links(html)

    def extract_references(self, html):
        return iter(())


unsafe_link_rewriter = UnsafeLinkRewriter()
