"""The OpenAPI document: valid, complete, and true of real responses."""

import jsonschema
import pytest
from openapi_spec_validator import validate

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CampaignRelatedPageFactory,
)
from content_api.router import api_router
from content_api.schema import api_fields_of, page_models, schema_name
from home.models import StandardPage

PAGES = "/api/v2/pages/"


@pytest.fixture
def document(api_site, client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def check(document, instance, schema):
    """Validate `instance` against `schema`, resolving the document's components."""
    jsonschema.validate(
        instance,
        schema | {"components": document["components"]},
        cls=jsonschema.Draft202012Validator,
    )


def response_schema(document, path, status="200"):
    content = document["paths"][path]["get"]["responses"][status]["content"]
    return content["application/json"]["schema"]


@pytest.mark.django_db
def test_document_is_valid_openapi(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


@pytest.mark.django_db
def test_document_describes_every_endpoint(document):
    paths = set(document["paths"])
    for name in api_router._endpoints:
        assert f"/{name}/" in paths, name
    assert "/openapi.json" in paths


@pytest.mark.django_db
def test_document_describes_every_field_of_every_page_type(document):
    schemas = document["components"]["schemas"]
    for model in page_models():
        properties = schemas[schema_name(model)]["properties"]
        for field in api_fields_of(model):
            assert field.name in properties, (model, field.name)


@pytest.mark.django_db
def test_document_describes_every_query_parameter_of_the_pages_listing(document):
    described = {p["name"] for p in document["paths"]["/pages/"]["get"]["parameters"]}
    accepted = api_router._endpoints["pages"].known_query_parameters - {"_", "format"}
    assert accepted <= described, accepted - described


@pytest.mark.django_db
def test_page_details_match_the_schema_of_their_type(api_site, client, document):
    for page in [
        api_site.home_page,
        api_site.home_es,
        api_site.about,
        api_site.webinars,
        api_site.upcoming,
        api_site.past,
        api_site.library,
        api_site.brief,
        api_site.directory,
        api_site.ohio,
    ]:
        data = client.get(f"{PAGES}{page.pk}/").json()
        check(document, data, {"$ref": f"#/components/schemas/{schema_name(type(page.specific))}"})
        check(document, data, response_schema(document, "/pages/{id}/"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page_type",
    [
        "home.HomePage",
        "home.StandardPage",
        "webinars.WebinarPage",
        "webinars.WebinarIndexPage",
        "library.ResourcePage",
        "library.LibraryIndexPage",
        "members.MemberProfilePage",
        "members.MemberDirectoryPage",
    ],
)
def test_typed_listings_with_every_field_match_the_schema(api_site, client, document, page_type):
    data = client.get(f"{PAGES}?type={page_type}&fields=*").json()
    assert data["items"], page_type
    check(document, data, response_schema(document, "/pages/"))
    schema = {"$ref": f"#/components/schemas/{page_type.replace('.', '_')}_listing"}
    for item in data["items"]:
        check(document, item, schema)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "path"),
    [
        (PAGES, "/pages/"),
        (PAGES + "?locale=es&order=-title", "/pages/"),
        ("/api/v2/images/", "/images/"),
        ("/api/v2/images/{image}/", "/images/{id}/"),
        ("/api/v2/documents/", "/documents/"),
        ("/api/v2/documents/{public_document}/", "/documents/{id}/"),
        ("/api/v2/member-states/", "/member-states/"),
        ("/api/v2/member-states/AZ/", "/member-states/{code}/"),
        ("/api/v2/topics/", "/topics/"),
        ("/api/v2/topics/child-health/", "/topics/{slug}/"),
        ("/api/v2/networks/", "/networks/"),
        ("/api/v2/networks/sparc/", "/networks/{slug}/"),
        ("/api/v2/states/", "/states/"),
        ("/api/v2/states/OH/", "/states/{code}/"),
        ("/api/v2/webinar-series/", "/webinar-series/"),
        ("/api/v2/webinar-series/sparc-series/", "/webinar-series/{slug}/"),
        ("/api/v2/resource-types/", "/resource-types/"),
        ("/api/v2/resource-types/report/", "/resource-types/{slug}/"),
    ],
)
def test_other_responses_match_the_schema(api_site, client, document, url, path):
    ids = {"image": api_site.image.pk, "public_document": api_site.public_document.pk}
    response = client.get(url.format(**ids))
    assert response.status_code == 200
    check(document, response.json(), response_schema(document, path))


@pytest.mark.django_db
def test_errors_match_the_schema(api_site, client, document):
    for url, path, status in [
        (PAGES + "?limit=-1", "/pages/", "400"),
        (PAGES + "999999/", "/pages/{id}/", "404"),
        ("/api/v2/topics/nope/", "/topics/{slug}/", "404"),
    ]:
        response = client.get(url)
        assert response.status_code == int(status)
        content = document["paths"][path]["get"]["responses"][status]["content"]
        check(document, response.json(), content["application/json"]["schema"])


@pytest.mark.django_db
def test_every_page_field_has_a_described_type(document):
    schemas = document["components"]["schemas"]
    undescribed = set()
    for model in page_models():
        properties = schemas[schema_name(model)]["properties"]
        for field in api_fields_of(model):
            if not {k for k in properties[field.name] if k != "description"}:
                undescribed.add((f"{model._meta.app_label}.{model.__name__}", field.name))
    assert not undescribed


@pytest.fixture
def campaign(api_site):
    """A campaign of SPARC with an editors' pick, and, through its network and topic,
    members, an upcoming webinar and a membership figure."""
    index = CampaignIndexPageFactory(parent=api_site.home_page)
    page = CampaignPageFactory(
        parent=index, title="SPARC", networks=[api_site.sparc], topics=[api_site.health]
    )
    CampaignMilestoneFactory(page=page, year=2030, label="Later")
    CampaignRelatedPageFactory(page=page, related_page=api_site.about)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_campaign_with_figures_and_related_content_matches_the_schema(campaign, client, document):
    data = client.get(f"{PAGES}{campaign.pk}/").json()
    assert data["computed_figures"] and data["related_pages"]
    assert {section["key"] for section in data["related_content"]} >= {"upcoming_webinars"}
    check(document, data, {"$ref": "#/components/schemas/campaigns_CampaignPage"})
    listing = client.get(f"{PAGES}?type=campaigns.CampaignPage&fields=*").json()
    schema = {"$ref": "#/components/schemas/campaigns_CampaignPage_listing"}
    for item in listing["items"]:
        check(document, item, schema)


@pytest.mark.django_db
def test_campaign_field_schemas_reject_other_shapes(campaign, client, document):
    data = client.get(f"{PAGES}{campaign.pk}/").json()
    schema = {"$ref": "#/components/schemas/campaigns_CampaignPage"}
    for name, wrong in [
        ("computed_figures", [{"key": "membership-sparc"}]),
        ("related_pages", [{"id": 1, "title": "About us"}]),
        ("related_content", [{"key": "members", "heading": "Members", "items": []}]),
    ]:
        with pytest.raises(jsonschema.ValidationError):
            check(document, data | {name: wrong}, schema)


# The draft preview ---------------------------------------------------------------------


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://front.example.org/"}}


@pytest.mark.django_db
def test_previews_match_the_schema(api_site, campaign, client, document, front_end):
    schema = response_schema(document, "/page_preview/")
    for page in [api_site.about, api_site.upcoming, api_site.ohio, campaign]:
        token = page.specific.create_page_preview().token
        response = client.get("/api/v2/page_preview/", {"token": token})
        assert response.status_code == 200
        check(document, response.json(), schema)


@pytest.mark.django_db
def test_new_page_preview_matches_the_schema(api_site, client, document, front_end):
    draft = StandardPage(title="Our history", slug="our-history", locale=api_site.home_page.locale)
    draft.depth = api_site.home_page.depth + 1
    draft.path = api_site.home_page.path + "ZZZZ"
    token = draft.create_page_preview().token
    data = client.get("/api/v2/page_preview/", {"token": token}).json()
    assert data["id"] is None
    check(document, data, response_schema(document, "/page_preview/"))


@pytest.mark.django_db
def test_preview_errors_match_the_schema(api_site, client, document, front_end):
    content = document["paths"]["/page_preview/"]["get"]["responses"]
    for params, status in [({}, "400"), ({"token": "id=1:abc:def"}, "403")]:
        response = client.get("/api/v2/page_preview/", params)
        assert response.status_code == int(status)
        check(document, response.json(), content[status]["content"]["application/json"]["schema"])
