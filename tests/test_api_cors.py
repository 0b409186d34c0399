"""CORS on the content API: an allow-list of partner origins from settings, no credentials."""

import pytest

PARTNER = "https://partner.example.org"


@pytest.fixture
def partners(settings):
    settings.CORS_ALLOWED_ORIGINS = [PARTNER]


@pytest.mark.django_db
def test_preflight_from_a_partner_is_allowed_without_credentials(api_site, client, partners):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=PARTNER,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_simple_request_from_a_partner_may_read_the_validators(api_site, client, partners):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=PARTNER)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in response["Vary"].lower()


@pytest.mark.django_db
def test_other_origins_and_other_urls_get_no_cors_headers(api_site, client, partners):
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert other.status_code == 200
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://evil.example.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "Access-Control-Allow-Origin" not in preflight
    page = client.get("/about/", HTTP_ORIGIN=PARTNER)
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.django_db
def test_allow_list_comes_from_the_environment(monkeypatch):
    import importlib

    from settings import environment

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", f"{PARTNER}, https://coalition.example.org")
    try:
        reloaded = importlib.reload(environment)
        assert reloaded.CORS_ALLOWED_ORIGINS == [PARTNER, "https://coalition.example.org"]
    finally:
        monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
        importlib.reload(environment)
