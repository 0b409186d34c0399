"""iCalendar (.ics) output: one webinar to add to a calendar, or a section's feed.

Built with the `icalendar` library. Times are written in UTC (`…Z`), so no VTIMEZONE
is needed and every calendar app shows them in its user's own zone. A webinar's UID
is built from its translation key and language: it stays the same when the title,
slug or time change, so a subscribed calendar updates the event instead of adding
another.
"""

from datetime import UTC, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from languages.terms import term_in_language

PRODID = "-//Partnership for America's Children//Webinars//EN"
UID_DOMAIN = "webinars.partnership"
# How far back the subscribable feed reaches, so calendars keep recent sessions.
FEED_PAST_DAYS = 365
FEED_MAX_EVENTS = 500
# Calendar apps that honour it check the feed for changes this often.
REFRESH_INTERVAL = timedelta(hours=6)


def page_uid(page) -> str:
    return f"{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def webinar_event(webinar, request, *, terms: dict | None = None) -> Event:
    """The event of one webinar. `terms` is the memo of `term_in_language`, shared by the
    events of one calendar so that their series cost one query in all."""
    url = webinar.get_full_url(request)
    # In the language of the page the calendar comes from (/es/… gives Spanish).
    lines = [webinar.summary, _("Details: %(url)s") % {"url": url}]
    if webinar.registration_url and webinar.is_upcoming:
        lines.append(_("Register: %(url)s") % {"url": webinar.registration_url})
    if webinar.recording_url and not webinar.is_upcoming:
        lines.append(_("Recording: %(url)s") % {"url": webinar.recording_url})
    stamp = (webinar.last_published_at or timezone.now()).astimezone(UTC)
    event = Event.new(
        uid=page_uid(webinar),
        summary=webinar.title,
        description="\n\n".join(strip_tags(line) for line in lines if line),
        start=webinar.starts_at.astimezone(UTC),
        end=webinar.ends_at.astimezone(UTC),
        stamp=stamp,
        last_modified=stamp,
        location=_("Online"),
        url=url,
        status="CONFIRMED",
    )
    if webinar.webinar_series:
        # Webinars link to the English series; its name in the feed's language.
        series = term_in_language(webinar.webinar_series, memo=terms)
        event.categories = [series.name]
    return event


def webinars_calendar(webinars, request, *, name: str, url: str, uid: str) -> Calendar:
    terms = {}
    calendar = Calendar.new(
        uid=uid,
        prodid=PRODID,
        method="PUBLISH",
        calscale="GREGORIAN",
        name=name,
        url=url,
        refresh_interval=REFRESH_INTERVAL,
        subcomponents=[webinar_event(webinar, request, terms=terms) for webinar in webinars],
    )
    # Outlook reads this instead of REFRESH-INTERVAL.
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    return calendar


def calendar_response(calendar: Calendar, *, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
