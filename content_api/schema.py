"""The OpenAPI 3.1 document of the content API, served at /api/v2/openapi.json.

Page types are described from their `api_fields` (model fields, serializers and the
return annotations of properties), so a new field appears here without an edit; a
custom serializer field describes itself with a `schema` attribute (a JSON Schema
dict). The endpoints and their parameters are listed once, below. The tests check
real responses against this document, so it cannot drift from the API.
"""

import inspect
import typing

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page

from content_api.fields import nullable
from content_api.params import MAX_OFFSET, MAX_SEARCH_LENGTH
from content_api.sections import api_sections
from content_api.views import ReadOnlyEndpoint

NULL = {"type": "null"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def schema_name(model) -> str:
    return f"{model._meta.app_label}_{model.__name__}"


# Fields ------------------------------------------------------------------------------

_PYTHON_TYPES = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
}


def schema_for_annotation(annotation) -> dict:
    if annotation in _PYTHON_TYPES:
        return dict(_PYTHON_TYPES[annotation])
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation) or (typing.Any,)
        return {"type": "array", "items": schema_for_annotation(item)}
    return {}


def schema_for_drf_field(field) -> dict:
    if hasattr(field, "schema"):
        return dict(field.schema)
    if isinstance(field, serializers.ListSerializer):
        return {"type": "array", "items": schema_for_drf_field(field.child)}
    if isinstance(field, serializers.Serializer):
        properties = {
            name: schema_for_drf_field(child) | _help(child) for name, child in field.fields.items()
        }
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }
    if isinstance(field, ImageRenditionField):
        return nullable(ref("Rendition"))
    for drf_class, schema in [
        (serializers.BooleanField, {"type": "boolean"}),
        (serializers.IntegerField, {"type": "integer"}),
        (serializers.FloatField, {"type": "number"}),
        (serializers.DateTimeField, {"type": "string", "format": "date-time"}),
        (serializers.DateField, {"type": "string", "format": "date"}),
        (serializers.DurationField, {"type": "string", "description": "[DD] [HH:[MM:]]ss"}),
        (serializers.CharField, {"type": "string"}),
    ]:
        if isinstance(field, drf_class):
            return nullable(schema) if field.allow_null else dict(schema)
    return {}


def _help(field) -> dict:
    text = getattr(field, "help_text", None)
    return {"description": str(text)} if text else {}


def stream_schema(stream_block) -> dict:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "type": {"enum": list(stream_block.child_blocks)},
                "value": {},
                "id": {"type": "string"},
            },
            "required": ["type", "value", "id"],
        },
        "description": "StreamField blocks in order. Images come as a Rendition "
        "(see components), rich text as display HTML.",
    }


def schema_for_model_field(model, field) -> dict:
    if isinstance(field, StreamField):
        return stream_schema(field.stream_block)
    if isinstance(field, RichTextField):
        return {"type": "string", "contentMediaType": "text/html"}
    if field.one_to_many and isinstance(getattr(field, "field", None), ParentalKey):
        return {"type": "array", "items": child_schema(field.related_model)}
    if field.many_to_many:
        return {"type": "array", "items": ref("NestedObject")}
    if field.many_to_one:
        schema = ref("NestedPage") if issubclass(field.related_model, Page) else ref("NestedObject")
        return nullable(schema)
    mapping = [
        (models.BooleanField, {"type": "boolean"}),
        (models.IntegerField, {"type": "integer"}),
        (models.FloatField, {"type": "number"}),
        (models.DecimalField, {"type": "string"}),
        (models.DateTimeField, {"type": "string", "format": "date-time"}),
        (models.DateField, {"type": "string", "format": "date"}),
        (models.DurationField, {"type": "string"}),
        (models.CharField, {"type": "string"}),
        (models.TextField, {"type": "string"}),
    ]
    for field_class, schema in mapping:
        if isinstance(field, field_class):
            schema = dict(schema)
            if getattr(field, "choices", None) and isinstance(field, models.CharField):
                schema["enum"] = [value for value, _ in field.flatchoices]
            return nullable(schema) if field.null else schema
    return {}


def schema_for_api_field(model, api_field) -> dict:
    name = api_field.name
    if api_field.serializer is not None:
        # A custom field without a `schema` attribute is described as "any value".
        return schema_for_drf_field(api_field.serializer) | _help(api_field.serializer)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        attribute = inspect.getattr_static(model, name, None)
        function = getattr(attribute, "fget", None) or getattr(attribute, "func", None)
        if function is None and callable(attribute):
            function = attribute
        hints = getattr(function, "__annotations__", {})
        schema = schema_for_annotation(hints.get("return"))
        doc = inspect.getdoc(function) if function else None
        return schema | ({"description": doc.split("\n\n")[0]} if doc else {})
    schema = schema_for_model_field(model, field)
    help_text = getattr(field, "help_text", "")
    return schema | ({"description": str(help_text)} if help_text else {})


def api_fields_of(model) -> list[APIField]:
    return [f if isinstance(f, APIField) else APIField(f) for f in getattr(model, "api_fields", [])]


def child_schema(model) -> dict:
    properties = {
        "id": {"type": "integer"},
        "meta": {"type": "object", "properties": {"type": {"type": "string"}}},
    }
    for api_field in api_fields_of(model):
        properties[api_field.name] = schema_for_api_field(model, api_field)
    return {"type": "object", "properties": properties, "required": list(properties)}


def page_models() -> list[type[Page]]:
    return sorted(
        (m for m in apps.get_models() if issubclass(m, Page) and m is not Page),
        key=type_name,
    )


PAGE_META = {
    "type": {"type": "string", "description": "The page type, e.g. webinars.WebinarPage."},
    "detail_url": {"type": "string"},
    "html_url": nullable({"type": "string"}),
    "slug": {"type": "string"},
    "show_in_menus": {"type": "boolean"},
    "seo_title": {"type": "string"},
    "search_description": {"type": "string"},
    "first_published_at": nullable({"type": "string", "format": "date-time"}),
    "alias_of": nullable(ref("NestedPage")),
    "parent": nullable(ref("NestedPage")),
    "locale": {"type": "string", "description": "Language code, e.g. en or es."},
    "translations": {"type": "array", "items": ref("Translation")},
}


def page_schema(model, listing=False) -> dict:
    fields = {"id": {"type": "integer"}, "title": {"type": "string"}}
    for api_field in api_fields_of(model):
        fields[api_field.name] = schema_for_api_field(model, api_field)
    meta_required = [] if listing else list(PAGE_META)
    properties = {
        "id": fields.pop("id"),
        "meta": {
            "type": "object",
            "properties": PAGE_META,
            "required": meta_required,
            "additionalProperties": False,
        },
    } | fields
    return {
        "type": "object",
        "description": inspect.getdoc(model) or "",
        "properties": properties,
        "required": ["id", "meta"] if listing else list(properties),
        "additionalProperties": False,
        "x-page-type": type_name(model),
    }


# Components --------------------------------------------------------------------------

RENDITION = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "description": "The image's id (in StreamField blocks)."},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "full_url": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": {"type": "string"},
        "decorative": {"type": "boolean"},
    },
    "required": ["url", "width", "height", "alt"],
}
NESTED_OBJECT = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "meta": {"type": "object"},
        "title": {"type": "string"},
    },
    "required": ["id", "meta"],
}
NESTED_PAGE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "detail_url": {"type": "string"},
                "html_url": nullable({"type": "string"}),
            },
        },
        "title": {"type": "string"},
    },
    "required": ["id", "meta"],
}
TRANSLATION = {
    "type": "object",
    "properties": {
        "locale": {"type": "string"},
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "html_url": nullable({"type": "string"}),
        "detail_url": nullable({"type": "string"}),
    },
    "required": ["locale", "id", "title", "html_url", "detail_url"],
    "additionalProperties": False,
}
NEW_PAGE_PREVIEW = {
    "type": "object",
    "description": "The draft of a page that has never been saved: the fields of its type "
    "(meta.type, and the schema with that `x-page-type`), with `id` and `meta.detail_url` null.",
    "properties": {
        "id": NULL,
        "meta": {
            "type": "object",
            "properties": PAGE_META | {"detail_url": NULL},
            "required": list(PAGE_META),
            "additionalProperties": False,
        },
        "title": {"type": "string"},
    },
    "required": ["id", "meta", "title"],
}
ERROR = {
    "type": "object",
    "properties": {"message": {"type": "string", "description": "Names the bad parameter."}},
    "required": ["message"],
}


def listing(item_schema: dict, extra_meta: dict | None = None) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer"}} | (extra_meta or {}),
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": item_schema},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }


def media_schema(kind: str) -> dict:
    properties = {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "detail_url": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "download_url": {"type": "string"},
            },
        },
        "title": {"type": "string"},
    }
    if kind == "image":
        properties |= {"width": {"type": "integer"}, "height": {"type": "integer"}}
    return {"type": "object", "properties": properties, "required": ["id", "meta"]}


def vocabulary_openapi(name: str, endpoint) -> tuple[dict, dict]:
    """(paths, component schemas) of a vocabulary endpoint (content_api.vocabularies)."""
    key = endpoint.key_field
    properties = {key: {"type": "string"}} | endpoint.openapi_fields
    properties |= {"pages_url": {"type": "string"}}
    item = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    component = endpoint.openapi_component
    locale = names_locale_parameter()
    paths = {
        f"/{name}/": {
            "get": {
                "summary": endpoint.openapi_summary,
                "parameters": [locale],
                "responses": responses(listing(ref(component))),
            }
        },
        f"/{name}/{{{key}}}/": {
            "get": {
                "summary": f"One item of /{name}/",
                "parameters": [param(key, "The item's key.", required=True, location="path")]
                + [locale],
                "responses": responses(ref(component), not_found=True),
            }
        },
    }
    return paths, {component: item}


# Parameters --------------------------------------------------------------------------


def param(name, description, schema=None, required=False, location="query") -> dict:
    return {
        "name": name,
        "in": location,
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def common_parameters() -> dict[str, dict]:
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    return {
        "limit": param(
            "limit",
            f"Items per response (default 20, at most {limit_max}).",
            {"type": "integer", "minimum": 0, "maximum": limit_max},
        ),
        "offset": param(
            "offset",
            "Items to skip, for the next page of results.",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
        ),
        "fields": param(
            "fields",
            "Fields to add (`fields=body,topics`), remove (`-title`), all (`*`) or none "
            "(`_`); nest for related objects (`social_image(title)`), 3 levels at most.",
        ),
        "order": param(
            "order",
            "Field(s) to sort by, `-` for descending (`-first_published_at,title`), or "
            "`random`. Custom fields need `type`.",
        ),
        "search": param(
            "search",
            f"Full-text search (at most {MAX_SEARCH_LENGTH} characters); results by "
            "relevance unless `order` is given.",
            {"type": "string", "maxLength": MAX_SEARCH_LENGTH},
        ),
        "search_operator": param(
            "search_operator", "How search words combine.", {"enum": ["and", "or"]}
        ),
        "rich_text_format": param(
            "rich_text_format",
            "Rich text as display HTML (default), Wagtail's database HTML or Markdown.",
            {"enum": ["html", "db_html", "markdown", "db_markdown"]},
        ),
        "locale": param("locale", "Only pages in this language.", {"enum": languages}),
        "site": param("site", "Hostname (and :port) of the site, if not the one asked."),
        "type": param(
            "type",
            "Page type(s), comma-separated (e.g. `webinars.WebinarPage`). With one type, "
            "its custom fields can be listed, filtered and ordered.",
        ),
        "child_of": param("child_of", "Children of this page id (or `root`)."),
        "descendant_of": param("descendant_of", "Pages below this page id (or `root`)."),
        "ancestor_of": param("ancestor_of", "Pages above this page id.", {"type": "integer"}),
        "translation_of": param("translation_of", "Translations of this page id."),
        "html_path": param(
            "html_path",
            "The page's path on the site, in any language (`/about/`, `/es/about/`).",
        ),
        "id": param("id", "The object's id.", {"type": "integer", "minimum": 1}),
        "token": param(
            "token",
            "The preview token the editor's preview link gave the front end (signed, valid "
            "for a limited time, 15 minutes by default).",
            required=True,
        ),
        "content_type": param(
            "content_type",
            "The page type from the preview link (`app_label.model`, e.g. "
            "`home.standardpage`); if given, it must match the draft's.",
        ),
    }


def responses(schema: dict, not_found=False, redirect=False) -> dict:
    error = {"content": {"application/json": {"schema": ref("Error")}}}
    answers = {
        "200": {
            "description": "OK. Carries ETag, Last-Modified and Cache-Control.",
            "content": {"application/json": {"schema": schema}},
        },
        "304": {"description": "Not modified (If-None-Match or If-Modified-Since matched)."},
        "400": {"description": "A parameter is malformed or unknown; the message names it."}
        | error,
    }
    if redirect:
        answers = {"302": {"description": "Redirect to the object's detail URL."}} | {
            k: v for k, v in answers.items() if k != "200"
        }
    if not_found or redirect:
        answers["404"] = {"description": "No such public object."} | error
    return answers


CONDITIONAL_HEADERS = [
    param(
        "If-None-Match",
        "An ETag from an earlier response (or `*`): `304` if the content has not changed.",
        location="header",
    ),
    param(
        "If-Modified-Since",
        "A Last-Modified from an earlier response (an HTTP date): `304` if nothing changed since.",
        location="header",
    ),
]


def declare_protocol_answers(operation: dict, cacheable: bool = True) -> None:
    """What HTTP itself may answer on any operation, beside what the operation says: a
    `406` to an Accept header that allows no JSON, and on a cacheable one the
    conditional request's headers with their `304` (revalidation) and `412` (If-Match,
    If-Unmodified-Since). Every status code the API can give a GET is declared."""
    error = {"content": {"application/json": {"schema": ref("Error")}}}
    answers = operation["responses"]
    answers.setdefault(
        "406",
        {"description": "The Accept header allows no JSON: the API answers in JSON only."} | error,
    )
    if not cacheable:
        return
    answers.setdefault(
        "304", {"description": "Not modified (If-None-Match or If-Modified-Since matched)."}
    )
    answers.setdefault(
        "412",
        {"description": "If-Match or If-Unmodified-Since was given and does not match."} | error,
    )
    parameters = operation.setdefault("parameters", [])
    named = {(each["name"], each["in"]) for each in parameters}
    parameters += [h for h in CONDITIONAL_HEADERS if (h["name"], h["in"]) not in named]


def filter_parameter(each) -> dict:
    """The OpenAPI parameter of one of the sections' filters (taxonomy.filters.Filter)."""
    return param(each.name, each.description, dict(each.schema))


def names_locale_parameter() -> dict:
    return param(
        "locale",
        "Names (and labels) in this language; items and keys are the same in every language.",
        {"enum": [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]},
    )


def preview_path(page_detail: dict, parameters: list) -> dict:
    def error(description):
        return {
            "description": description,
            "content": {"application/json": {"schema": ref("Error")}},
        }

    return {
        "get": {
            "summary": "A draft page, for the headless front end's preview",
            "description": 'An editor\'s preview in the mode "Headless front end" sends them '
            "to the front end's preview URL with `content_type`, `token` and `locale`; the "
            "front end passes `content_type` and `token` here. The draft comes exactly as "
            "/pages/{id}/ presents a live page. Never cached: `Cache-Control: no-store, "
            "private`, no ETag or Last-Modified.",
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "The draft.",
                    "content": {
                        "application/json": {
                            "schema": {"anyOf": [*page_detail["anyOf"], ref("NewPagePreview")]}
                        }
                    },
                },
                "400": error("No token, or a malformed parameter; the message names it."),
                "403": error("The token is not one this site signed, or it has expired."),
                "404": error("No draft is stored under this token (or not of this type)."),
            },
        }
    }


def section_filter_parameters() -> list[dict]:
    """The parameters of every section's filters on the pages endpoint, each once."""
    found = {}
    for section in api_sections():
        for each in section.filters.filters if section.filters else ():
            found.setdefault(each.name, filter_parameter(each))
    return list(found.values())


def build_document(endpoints: dict) -> dict:
    """The document for the router's `endpoints` ({name: endpoint class}): the core ones
    described here, every other one by its own `openapi(name)`."""
    params = common_parameters()

    def use(*names):
        return [params[name] for name in names]

    detail = use("fields", "rich_text_format", "site", "type")
    listing_params = use("limit", "offset", "fields", "order", "search", "search_operator")
    page_listing_params = (
        listing_params
        + use(
            "rich_text_format",
            "locale",
            "site",
            "type",
            "child_of",
            "descendant_of",
            "ancestor_of",
            "translation_of",
        )
        + section_filter_parameters()
    )
    models = page_models()
    schemas = {
        "Error": ERROR,
        "Rendition": RENDITION,
        "NestedObject": NESTED_OBJECT,
        "NestedPage": NESTED_PAGE,
        "Translation": TRANSLATION,
        "Image": media_schema("image"),
        "Document": media_schema("document"),
        "PageListItem": page_schema(Page, listing=True) | {"additionalProperties": True},
        "NewPagePreview": NEW_PAGE_PREVIEW,
    }
    for model in models:
        schemas[schema_name(model)] = page_schema(model)
        schemas[schema_name(model) + "_listing"] = page_schema(model, listing=True)
    page_detail = {"anyOf": [ref(schema_name(model)) for model in models]}
    page_item = {
        "anyOf": [ref("PageListItem")] + [ref(schema_name(m) + "_listing") for m in models]
    }

    id_param = param("id", "The object's id.", {"type": "integer"}, True, "path")
    paths = {
        "/pages/": {
            "get": {
                "summary": "Live, public pages",
                "description": "Default fields: id, meta (type, detail_url, html_url, slug, "
                "first_published_at, locale), title. Add `type` to list, filter and order "
                "by a page type's own fields.",
                "parameters": page_listing_params,
                "responses": responses(listing(page_item)),
            }
        },
        "/pages/{id}/": {
            "get": {
                "summary": "One page with every field of its type",
                "parameters": [id_param] + detail,
                "responses": responses(page_detail, not_found=True),
            }
        },
        "/pages/find/": {
            "get": {
                "summary": "Find a page by its path (any language) or id",
                "parameters": use("html_path", "id", "fields", "rich_text_format", "site"),
                "responses": responses({}, redirect=True),
            }
        },
    }
    paths["/page_preview/"] = preview_path(
        page_detail, use("token", "content_type", "fields", "rich_text_format")
    )
    for name, schema_ref in [("images", "Image"), ("documents", "Document")]:
        paths[f"/{name}/"] = {
            "get": {
                "summary": f"Public {name} (not in a private collection)",
                "parameters": listing_params,
                "responses": responses(listing(ref(schema_ref))),
            }
        }
        paths[f"/{name}/{{id}}/"] = {
            "get": {
                "summary": f"One of the {name}",
                "parameters": [id_param] + use("fields"),
                "responses": responses(ref(schema_ref), not_found=True),
            }
        }
        paths[f"/{name}/find/"] = {
            "get": {
                "summary": f"Find one of the {name} by id",
                "parameters": use("id"),
                "responses": responses({}, redirect=True),
            }
        }
    for name, endpoint in endpoints.items():
        if hasattr(endpoint, "openapi"):
            endpoint_paths, endpoint_schemas = endpoint.openapi(name)
            paths |= endpoint_paths
            schemas |= endpoint_schemas
    paths["/openapi.json"] = {
        "get": {
            "summary": "This document",
            "responses": responses({"type": "object"}),
        }
    }
    for path_name, item in paths.items():
        declare_protocol_answers(item["get"], cacheable=path_name != "/page_preview/")
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME}: content API",
            "version": "2",
            "description": "Anonymous, read-only, JSON. Only live, public content. Every "
            "bad parameter is a 400 whose message names it. Responses carry ETag and "
            "Last-Modified: revalidate with If-None-Match / If-Modified-Since. Every "
            "operation is a GET (HEAD and OPTIONS work too); any other method is a 405 "
            "with an Allow header, and a path that names no endpoint a 404. "
            "See docs/api.md for examples.",
        },
        "servers": [{"url": f"{base}/api/v2"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


class OpenAPIEndpoint(ReadOnlyEndpoint):
    """`/api/v2/openapi.json`: the document above (cached like every endpoint)."""

    model = type("_NoModel", (), {})
    name = "openapi"
    known_query_parameters = frozenset({"_", "format"})
    router = None  # the ContentAPIRouter serving it (content_api.router)

    def listing_view(self, request):
        return Response(build_document(self.router.endpoints))
