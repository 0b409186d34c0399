"""schema.org `Event` JSON-LD for a webinar's page, for search engines and link previews."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Site

ORGANIZER = {
    "@type": "Organization",
    "name": "Partnership for America’s Children",
}
# Characters that could end the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_data(webinar, request) -> dict:
    url = webinar.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": webinar.title,
        "description": webinar.summary or webinar.search_description,
        "startDate": timezone.localtime(webinar.starts_at).isoformat(),
        "endDate": timezone.localtime(webinar.ends_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "VirtualLocation",
            "url": (webinar.is_upcoming and webinar.registration_url) or url,
        },
        "organizer": ORGANIZER,
        "url": url,
        "performer": [
            {
                "@type": "Person",
                "name": speaker.name,
                **({"jobTitle": speaker.role} if speaker.role else {}),
                **(
                    {"affiliation": {"@type": "Organization", "name": speaker.organisation_name}}
                    if speaker.organisation_name
                    else {}
                ),
            }
            for speaker in webinar.speaker_list
        ],
    }
    # The request's site, which serving the page has found already (get_site() asks again).
    if site := (Site.find_for_request(request) if request else webinar.get_site()):
        data["organizer"] = ORGANIZER | {"url": site.root_url}
    if webinar.recording_url and not webinar.is_upcoming:
        data["recordedIn"] = {
            "@type": "VideoObject",
            "name": _("Recording: %(title)s") % {"title": webinar.title},
            "url": webinar.recording_url,
        }
    return data


def event_json_ld(webinar, request) -> str:
    """The JSON for a `<script type="application/ld+json">` element, safe to put inside it."""
    text = json.dumps(event_data(webinar, request), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above
