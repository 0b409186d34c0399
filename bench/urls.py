"""URLs of bench/settings.py: a trivial view in front of the site's own URLs.

/bench/trivial/ answers "ok" with no database query and no template, through the whole
middleware stack: the benchmark's yardstick for what the stack itself costs.
"""

from django.http import HttpResponse
from django.urls import path

from urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial, name="bench_trivial")]
urlpatterns += site_urlpatterns
