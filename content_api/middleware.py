"""The content API's responses do not vary by the browser's language.

Django's LocaleMiddleware adds `Vary: Accept-Language` to every response outside
`i18n_patterns`, the API's included, so a CDN would keep one copy of each API URL per
Accept-Language header it sees. An API response depends only on its URL: its language
is `?locale=` (else the default), activated before anything else is done
(`content_api.views.ContentAPIMixin.initial`), and marked `language_from_url` there.
This middleware, placed before (outside) LocaleMiddleware, removes that Vary again from
the responses so marked, and from no other (the HTML site does follow Accept-Language).
"""

from django.utils.cache import cc_delim_re

VARY_HEADER = "accept-language"


class LanguageFromURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "language_from_url", False) and response.has_header("Vary"):
            vary = [
                header
                for header in cc_delim_re.split(response["Vary"])
                if header and header.lower() != VARY_HEADER
            ]
            if vary:
                response["Vary"] = ", ".join(vary)
            else:
                del response["Vary"]
        return response
