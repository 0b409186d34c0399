"""The site's URLs, and views that answer in each way the response cache must refuse to
store (response_cache/tests/test_never_cached.py)."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_cache_control

from urls import urlpatterns as site_urlpatterns


def private(request):
    response = HttpResponse("for one visitor")
    patch_cache_control(response, private=True)
    return response


def no_store(request):
    response = HttpResponse("keep nowhere")
    patch_cache_control(response, no_store=True)
    return response


def sets_cookie(request):
    response = HttpResponse("with a cookie")
    response.set_cookie("seen", "1")
    return response


def uses_csrf_token(request):
    return HttpResponse(f'<form method="post"><input name="csrf" value="{get_token(request)}">')


def status(code):
    def view(request):
        return HttpResponse(f"status {code}", status=code)

    return view


def varies_by_everything(request):
    response = HttpResponse("varies")
    response["Vary"] = "*"
    return response


def counter(request, calls=[]):  # noqa: B006 - counts the calls, on purpose
    calls.append(1)
    return HttpResponse(f"call {len(calls)}")


RULES = {
    "private/": private,
    "no-store/": no_store,
    "sets-cookie/": sets_cookie,
    "csrf/": uses_csrf_token,
    "vary-star/": varies_by_everything,
    **{f"status-{code}/": status(code) for code in (400, 403, 410, 500, 503)},
}

urlpatterns = [
    *(path(f"rules/{route}", view) for route, view in RULES.items()),
    path("rules/counter/", counter),
    *site_urlpatterns,
]
