"""Schemathesis against the content API's OpenAPI document, in process: no server error,
and every response is one the document declares (status code, content type, body, headers).

The app is Django's WSGI handler, called by schemathesis's WSGI client in this process
(no network at all), over the test database holding every section's pages
(`api_site`, tests/conftest.py). Each operation of /api/v2/openapi.json gets generated
requests that the document allows (positive) and that it forbids (negative: those must
be refused with a 4xx). Bounded and seeded: a fixed number of examples per operation and
mode, `derandomize`, no example database, so every run sends the same requests.

Schemathesis's pytest plugin (`schemathesis.pytest.from_fixture`) does not run under
pytest 9.2 (it reads a node attribute pytest no longer has), so each operation's cases
come from its documented Hypothesis strategy (`operation.as_strategy`) and go through
`case.call_and_validate()`, which runs schemathesis's checks.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

SEED = 17
EXAMPLES_PER_OPERATION = 12
CONFIG = {"seed": SEED, "generation": {"deterministic": True, "database": "none"}}
BOUNDED = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)
# Filters take slugs and codes of the site's vocabularies (`topic=child-health`): a value
# the document allows (any string) is still a 400 when no such term exists, by design.
# Every other check runs, `negative_data_rejection` among them.
EXCLUDED_CHECKS = [positive_data_acceptance]


@pytest.fixture
def api_schema(api_site):
    """The document as the API serves it, loaded through the app it describes. Like
    Django's test client, requests leave the database connection open: it holds the
    test's transaction (on PostgreSQL, closing it would lose the test's data)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/v2/openapi.json",
            get_wsgi_application(),
            config=SchemathesisConfig.from_dict(CONFIG),
        )
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def operations(api_schema):
    return [result.ok() for result in api_schema.get_all_operations()]


@pytest.mark.django_db
def test_every_operation_keeps_the_documented_contract(api_schema):
    failures = []
    for operation in operations(api_schema):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @BOUNDED
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                case.call_and_validate(excluded_checks=EXCLUDED_CHECKS)

            try:
                check()
            except BaseException as error:  # noqa: BLE001 - every operation's failures, together
                if isinstance(error, KeyboardInterrupt):
                    raise
                failures.append(f"{operation.label} ({mode.value}): {error}"[:3000])
    assert not failures, "\n\n".join(failures)


@pytest.mark.django_db
def test_every_path_of_the_document_is_fuzzed(api_schema):
    """Every path but the document's own (schemathesis leaves out the schema it loaded
    from; it is checked below)."""
    labels = {operation.label for operation in operations(api_schema)}
    paths = set(api_schema.raw_schema["paths"]) - {"/openapi.json"}
    assert labels == {f"GET {path}" for path in paths}


# What the document declares beside each operation's own answers ------------------------


def declared(document, path, status):
    return str(status) in document["paths"][path]["get"]["responses"]


@pytest.mark.django_db
def test_an_accept_header_without_json_is_a_declared_406(api_site, client):
    """Found by schemathesis: DRF's 406 was not in the document."""
    document = client.get("/api/v2/openapi.json").json()
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]
    assert all(declared(document, path, 406) for path in document["paths"])


@pytest.mark.django_db
def test_a_bad_parameter_is_a_400_whatever_the_conditional_headers(api_site, client):
    """Found by schemathesis: `If-None-Match: *` with a bad `state` answered 304 (the
    validators answered before the filters were read); `If-Match` likewise a 412."""
    for query, parameter in [("state=%C2%99", "state"), ("unknown=1", "unknown")]:
        for header, value in [("HTTP_IF_NONE_MATCH", "*"), ("HTTP_IF_MATCH", '"other"')]:
            response = client.get(f"/api/v2/pages/?{query}", **{header: value})
            assert response.status_code == 400, (query, header, response.status_code)
            assert parameter in response.json()["message"]
    response = client.get("/api/v2/member-states/?status=soon", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_failed_precondition_is_a_declared_412(api_site, client):
    """Found while declaring the conditional headers: If-Match answered an undeclared 412."""
    document = client.get("/api/v2/openapi.json").json()
    response = client.get("/api/v2/pages/", HTTP_IF_MATCH='"not-the-etag"')
    assert response.status_code == 412
    assert response.json()["message"]
    cacheable = [path for path in document["paths"] if path != "/page_preview/"]
    assert all(declared(document, path, 412) for path in cacheable)
    assert all(declared(document, path, 304) for path in cacheable)
    parameters = document["paths"]["/pages/"]["get"]["parameters"]
    headers = {p["name"] for p in parameters if p["in"] == "header"}
    assert headers == {"If-None-Match", "If-Modified-Since"}


@pytest.mark.django_db
def test_the_document_itself_declares_its_400_and_304(api_site, client):
    """/openapi.json declared only its 200, but answers `?type=x` with a 400 like every
    endpoint, and revalidation with a 304."""
    document = client.get("/api/v2/openapi.json").json()
    assert client.get("/api/v2/openapi.json?type=x").status_code == 400
    assert declared(document, "/openapi.json", 400)
    assert declared(document, "/openapi.json", 304)


@pytest.mark.django_db
def test_any_other_method_than_get_is_a_405_on_every_path(api_site, client):
    document = client.get("/api/v2/openapi.json").json()
    values = {"{id}": str(api_site.about.pk), "{code}": "OH", "{slug}": "child-health"}
    for path in document["paths"]:
        url = "/api/v2" + path
        for placeholder, value in values.items():
            url = url.replace(placeholder, value)
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(url)
            assert response.status_code == 405, (method, url, response.status_code)
            assert response["Content-Type"].startswith("application/json")
            assert "GET" in response["Allow"]
