"""`{% kept_fragment "name" vary… %}…{% endkept_fragment %}`: a part of a template kept,
rendered, until public content changes.

A listing shows the same card for a resource on every page of results, every sort and
filter, and on the search page: rendered once per content version, a card costs one
cache read instead of its queries and its template. The key is the name and the
values given (what the fragment shows that varies: the page's id, a "members only"
badge), plus what every fragment varies by without being told: the content version
(content_api.versioned), the clock-driven states and the local date (a webinar that
has started, a milestone that is past), the active language, the site, and the
fragment's own source, so that a deploy that changes it never shows the fragment it
replaced. Keep a fragment in the template that holds its markup (a card's include, not
around the `{% include %}`): an included template's source is not part of the key.

Only what the fragment's variables show may vary it: never use it around anything that
depends on who is asking (a form with a CSRF token, a user's name), unless that is one
of the values given.
"""

import hashlib

from django import template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from content_api.caching import REPRESENTATION_REVISION, time_states
from content_api.versioned import until_content_changes

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, source_digest):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.source_digest = source_digest

    def render(self, context):
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        key = (
            "fragment",
            self.name.resolve(context),
            *(str(value.resolve(context)) for value in self.vary_on),
            translation.get_language(),
            getattr(site, "pk", None),
            time_states()[0],
            timezone.localdate().isoformat(),
            REPRESENTATION_REVISION,
            self.source_digest,
        )
        return mark_safe(until_content_changes(key, lambda: str(self.nodelist.render(context))))  # noqa: S308 - our own rendered template


@register.tag("kept_fragment")
def kept_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and the values it varies by")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
        _source_digest(nodelist),
    )


def _source_digest(nodelist) -> str:
    """A digest of the fragment's own source, from the tokens it was compiled from (once
    per process: templates are compiled once). A template it includes is not part of it:
    keep the fragment in the included template instead."""
    tokens = (getattr(node, "token", None) for node in nodelist.get_nodes_by_type(template.Node))
    source = "\x00".join(token.contents for token in tokens if token is not None)
    return hashlib.sha256(source.encode()).hexdigest()[:16]
