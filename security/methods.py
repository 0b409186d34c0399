"""Request methods: the public site and the API read and take forms (GET, HEAD, OPTIONS,
POST); anything else (TRACE, CONNECT, an unknown word) is a 405 with the Allow header,
before CSRF checking could call it a 403 and before views that accept any method (the
search page, the sitemap) answer it with content. In the API the 405 is JSON with a
message, like its other errors, and names the methods its views take (GET, HEAD,
OPTIONS: a POST reaches them and gets their own JSON 405, with the same Allow). The
admin keeps Wagtail's own methods (it PATCHes dismissibles), less TRACE and CONNECT."""

from django.http import HttpResponseNotAllowed, JsonResponse

from security.csp import is_admin_request

PUBLIC_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
API_METHODS = ("GET", "HEAD", "OPTIONS")
NEVER = ("TRACE", "TRACK", "CONNECT")


class AllowedMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        method = request.method.upper()
        if method in NEVER or (method not in PUBLIC_METHODS and not is_admin_request(request)):
            return not_allowed(request, method)
        return self.get_response(request)


def not_allowed(request, method):
    if not request.path.startswith("/api/"):
        return HttpResponseNotAllowed(PUBLIC_METHODS)
    allowed = ", ".join(API_METHODS)
    response = JsonResponse({"message": f"{method} is not allowed here: use {allowed}."})
    response.status_code = 405
    response["Allow"] = allowed
    return response
