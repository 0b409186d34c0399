"""How content appears in the public API, whatever the page type.

- Rich text (fields and blocks) loses links to pages or documents an anonymous visitor
  could not open (draft, members-only, private collection): the link text stays.
- Images in StreamField blocks (`ImageBlock`, `ImageChooserBlock`, at any depth) come
  as a rendition with url, width, height and alt, like `ImageRenditionField`. An image
  whose rendition cannot be made (its file missing, the file store unreachable) is null,
  in blocks and in `ImageRenditionField` fields alike (Wagtail's own
  `{"error": "SourceImageIOError"}` matches no schema): the page is still served.
- Each page's `meta.translations` lists its live, public translations.

These apply through `PublicPageSerializer` (the pages endpoint's base serializer), so a
new page type gets them without declaring anything.
"""

import functools
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.utils.html import escape
from rest_framework import serializers
from wagtail import blocks
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import RichText

from adapters.wagtail import blocks_to_python, set_converted_block, unconverted_blocks
from home.rich_text import strip_unsafe_links
from privacy.visibility import public_media, public_pages

BLOCK_IMAGE_SPEC = "max-1600x1600"
_LINK = re.compile(r"<a(\s[^>]*)>(.*?)</a>", re.DOTALL | re.IGNORECASE)
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"', re.IGNORECASE)


def block_image_spec() -> str:
    return getattr(settings, "CONTENT_API_BLOCK_IMAGE_RENDITION", BLOCK_IMAGE_SPEC)


# Rich text ---------------------------------------------------------------------------


class LinkVisibility:
    """The pages and documents that rich text links to, and whether anonymous visitors
    may open them; loaded once per response (kept in the serializer context), for all
    the rich text of a listing at once."""

    def __init__(self, request=None):
        self.request = request
        self.pages: dict = {}  # id: Page, or None if not public
        self.documents: dict = {}  # id: Document, or None if in a private collection

    @classmethod
    def for_context(cls, context) -> "LinkVisibility":
        if context is None:
            return cls()
        if "_link_visibility" not in context:
            context["_link_visibility"] = cls(context.get("request"))
        return context["_link_visibility"]

    @staticmethod
    def _load(ids, cache, public_objects):
        missing = {i for i in ids if i not in cache}
        if missing:
            found = {obj.pk: obj for obj in public_objects(missing)}
            cache.update({i: found.get(i) for i in missing})

    @staticmethod
    def _linked_ids(html: str) -> tuple[set, set]:
        links = [dict(_ATTR.findall(m.group(1))) for m in _LINK.finditer(html)]
        page_ids = {_int(a.get("id")) for a in links if a.get("linktype") == "page"}
        doc_ids = {_int(a.get("id")) for a in links if a.get("linktype") == "document"}
        return page_ids - {None}, doc_ids - {None}

    def preload(self, sources, page_ids=(), document_ids=()) -> None:
        """Look up every link of these rich texts, and these pages and documents (chosen
        in blocks), at once."""
        page_ids, doc_ids = set(page_ids), set(document_ids)
        for source in sources:
            pages, documents = self._linked_ids(source or "")
            page_ids |= pages
            doc_ids |= documents
        self._load(page_ids, self.pages, _public_pages)
        self._load(doc_ids, self.documents, _public_documents)

    def page(self, pk):
        """The page with this id if anyone may open it, else None."""
        self._load({pk}, self.pages, _public_pages)
        return self.pages.get(pk)

    def document(self, pk):
        """The document with this id if it is in no members-only collection, else None."""
        self._load({pk}, self.documents, _public_documents)
        return self.documents.get(pk)

    def filter_db_html(self, html: str, resolve: bool = False) -> str:
        """Drop links to what visitors may not open (keeping their text); with `resolve`,
        also turn the remaining links into plain `<a href>` (display HTML)."""
        page_ids, doc_ids = self._linked_ids(html)
        if not (page_ids or doc_ids):
            return html
        self._load(page_ids, self.pages, _public_pages)
        self._load(doc_ids, self.documents, _public_documents)

        def replace(match):
            attrs = dict(_ATTR.findall(match.group(1)))
            kind, pk = attrs.get("linktype"), _int(attrs.get("id"))
            if kind not in ("page", "document"):
                return match.group(0)
            target = (self.pages if kind == "page" else self.documents).get(pk)
            if target is None:
                return match.group(2)
            if not resolve:
                return match.group(0)
            url = target.get_url(self.request) if kind == "page" else target.url
            if not url:
                return match.group(2)
            return f'<a href="{escape(url)}">{match.group(2)}</a>'

        return _LINK.sub(replace, html)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _public_pages(ids):
    from wagtail.models import Page

    return public_pages(Page.objects.filter(pk__in=ids))


def _public_documents(ids):
    from wagtail.documents import get_document_model

    return public_media(get_document_model().objects.filter(pk__in=ids))


def rich_text_format(context) -> str:
    rich_format = (context or {}).get("_wagtail_rich_text_format")
    return rich_format or APIRichText.resolve_format(None)


def represent_rich_text(source: str, context) -> str:
    output_format = rich_text_format(context)
    # Display HTML: links are resolved here, for all the rich text of a response at once
    # (Wagtail's own expansion looks up each linked page and document one by one).
    resolve = output_format == APIRichText.FORMAT_HTML
    # Unsafe link targets go in every format, db_html included (home/rich_text.py).
    safe = strip_unsafe_links(source or "")
    visible = LinkVisibility.for_context(context).filter_db_html(safe, resolve=resolve)
    return APIRichText.serialize(visible, format=output_format)


class PublicRichTextField(wagtail_serializers.RichTextFieldSerializer):
    def to_representation(self, value):
        return represent_rich_text(str(value), self.context)


# Images ------------------------------------------------------------------------------


def image_rendition(image, context, alt=None, decorative=False) -> dict | None:
    if image is None:
        return None
    from wagtail.api.utils import get_full_url

    request = (context or {}).get("request")
    try:
        rendition = image.get_rendition(block_image_spec())
    except SourceImageIOError:  # the file missing or its store unreachable
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "url": rendition.url,
        "full_url": get_full_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": "" if decorative else (alt if alt is not None else image.default_alt_text),
        "decorative": bool(decorative),
    }


# StreamField -------------------------------------------------------------------------


def represent_block(block, value, context):
    """Wagtail's `get_api_representation`, with images and rich text done as above."""
    if isinstance(block, ImageBlock):
        if value is None:
            return None
        return image_rendition(
            value,
            context,
            alt=getattr(value, "contextual_alt_text", None),
            decorative=getattr(value, "decorative", False),
        )
    if isinstance(block, ImageChooserBlock):
        return image_rendition(value, context)
    if isinstance(block, blocks.PageChooserBlock | DocumentChooserBlock):
        # A chosen page or file that the public may not open is not named: null.
        if value is None:
            return None
        visible = LinkVisibility.for_context(context)
        check = visible.page if isinstance(block, blocks.PageChooserBlock) else visible.document
        return value.pk if check(value.pk) is not None else None
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value or "")
        return represent_rich_text(source, context)
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            {
                "type": child.block.name,
                "value": represent_block(child.block, child.value, context),
                "id": child.id,
            }
            for child in (value or [])
        ]
    if isinstance(block, blocks.ListBlock):
        return [represent_block(block.child_block, item, context) for item in value]
    if isinstance(block, blocks.BaseStructBlock):
        return {
            name: represent_block(block.child_blocks[name], child_value, context)
            for name, child_value in value.items()
            if name in block.child_blocks
        }
    return block.get_api_representation(value, context=context)


class PublicStreamField(wagtail_serializers.StreamField):
    def to_representation(self, value):
        return represent_block(value.stream_block, value, self.context)


# Translations ------------------------------------------------------------------------


class TranslationsField(serializers.Field):
    """`meta.translations`: [{"locale", "id", "title", "html_url", "detail_url"}] of each
    live, public translation of the page on the requested site (not the page itself)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        prefetched = getattr(page, "_api_translations", None)
        if prefetched is None:
            prefetched = translations_for([page], self.context)[page.pk]
        return [self._item(translation) for translation in prefetched]

    def _item(self, page):
        request = self.context.get("request")
        router = self.context.get("router")
        from wagtail.models import Page

        return {
            "locale": page.locale.language_code,
            "id": page.pk,
            "title": page.title,
            "html_url": page.get_full_url(request),
            "detail_url": get_object_detail_url(router, request, Page, page.pk) if router else None,
        }


def translations_for(pages, context) -> dict:
    """{page pk: [its translations]}, in one query for all `pages`."""
    return translations_and_parents(pages, context)[0]


def translations_and_parents(pages, context, parents=False) -> tuple[dict, dict]:
    """({page pk: [its translations]}, {page pk: its parent, or None}) among the pages
    of the response (the base queryset), in one query for all `pages`; the parents
    only if asked for."""
    from wagtail.models import Page

    from content_api.kept import attach_locales
    from content_api.versioned import until_content_changes

    keys = sorted({page.translation_key for page in pages})
    parent_paths = {page.pk: page.path[: -Page.steplen] for page in pages if page.depth > 1}
    wanted = Q(translation_key__in=keys)
    if parents:
        wanted |= Q(path__in=set(parent_paths.values()))

    def find():
        base = (context or {}).get("base_queryset")
        queryset = base if base is not None else public_pages()
        found = list(queryset.filter(wanted))
        attach_locales(found)
        return found

    site = (context or {}).get("site_pk")
    if site is None:  # the response's pages are not those of one site: ask each time
        rows = find()
    else:
        # Public pages of the site, the same for everyone until the content changes.
        asked = (tuple(keys), tuple(sorted(set(parent_paths.values()))) if parents else None)
        rows = until_content_changes(("api:translations", site, asked), find)
    rows.sort(key=lambda row: row.locale.language_code)
    by_key, by_path = {}, {row.path: row for row in rows}
    for row in rows:
        by_key.setdefault(row.translation_key, []).append(row)
    translations = {
        page.pk: [t for t in by_key.get(page.translation_key, []) if t.pk != page.pk]
        for page in pages
    }
    found_parents = {page.pk: by_path.get(parent_paths.get(page.pk)) for page in pages}
    return translations, found_parents if parents else {}


class PrefetchedTagsField(wagtail_serializers.TagsField):
    """Tag names, sorted here so that tags prefetched for a listing are used."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        if field_class is wagtail_serializers.TagsField:
            return PrefetchedTagsField, kwargs
        return field_class, kwargs


class PublicParentField(wagtail_serializers.PageParentField):
    """`meta.parent`, as Wagtail gives it, read in one query (Wagtail's reads the parent,
    then asks whether it is in the response's pages)."""

    def get_attribute(self, instance):
        from wagtail.models import Page

        if hasattr(instance, "_api_parent"):  # found with its translations
            return instance._api_parent
        parent_path = instance.path[: -Page.steplen] if instance.depth > 1 else ""
        return self.context["base_queryset"].filter(path=parent_path).first()

    def to_representation(self, value):
        serializer_class = _parent_serializer_class(type(value))
        return serializer_class(context=self.context).to_representation(value)


@functools.cache
def _parent_serializer_class(model):
    return wagtail_serializers.get_serializer_class(
        model,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=wagtail_serializers.PageSerializer,
    )


class _OneNestedSerializer:
    """Wagtail builds the nested serializer, and all its fields, for every value (every
    speaker of every webinar): one per field, so per response, does for all of them."""

    @functools.cached_property
    def nested_serializer(self):
        return self.serializer_class(context=self.context)


class PublicChildRelationField(_OneNestedSerializer, wagtail_serializers.ChildRelationField):
    def to_representation(self, value):
        return [self.nested_serializer.to_representation(child) for child in value.all()]


class PublicRelatedField(_OneNestedSerializer, wagtail_serializers.RelatedField):
    def to_representation(self, value):
        return self.nested_serializer.to_representation(value)


_REUSING_FIELDS = {
    wagtail_serializers.ChildRelationField: PublicChildRelationField,
    wagtail_serializers.RelatedField: PublicRelatedField,
}


class PublicPageSerializer(wagtail_serializers.PageSerializer):
    serializer_field_mapping = wagtail_serializers.PageSerializer.serializer_field_mapping | {
        StreamField: PublicStreamField,
        RichTextField: PublicRichTextField,
    }
    translations = TranslationsField(read_only=True)
    parent = PublicParentField(read_only=True)

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        return _REUSING_FIELDS.get(field_class, field_class), kwargs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name, serializer_field in self.fields.items():
            if isinstance(serializer_field, ImageRenditionField) and _rendition_failed(
                data.get(name)
            ):
                data[name] = None  # as image_rendition does for an image in a block
        return data


def _rendition_failed(value) -> bool:
    return isinstance(value, dict) and value.get("error") == "SourceImageIOError"


# Listings: what a page of results needs, loaded once for all its items -------------


def prefetch_streams(stream_values, context, images=()) -> None:
    """Convert the blocks of many StreamField values at once: one `bulk_to_python` per
    block type across all of them (Wagtail does it per value, so a listing would cost
    queries per item), then the renditions of their images (and of `images`) and the
    visibility of every link in their rich text, each in one query."""
    streams = [value for value in stream_values if value]  # None or empty: nothing to do
    pending, stream_blocks = {}, {}
    for stream in streams:
        stream_blocks[id(stream.stream_block)] = stream.stream_block
        for index, raw in unconverted_blocks(stream):
            key = (id(stream.stream_block), raw["type"])
            pending.setdefault(key, []).append((stream, index, raw))
    for (block_id, type_name), places in pending.items():
        child_block = stream_blocks[block_id].child_blocks.get(type_name)
        if child_block is None:
            continue
        values = blocks_to_python(child_block, [raw["value"] for _, _, raw in places])
        for (stream, index, raw), value in zip(places, values, strict=True):
            set_converted_block(stream, index, child_block, value, raw.get("id"))
    found = _Found()
    for stream in streams:
        _collect(stream.stream_block, stream, found)
    _prefetch_renditions([image for image in images if image is not None], found.images)
    LinkVisibility.for_context(context).preload(
        found.sources, page_ids=found.page_ids, document_ids=found.document_ids
    )


def _prefetch_renditions(images, block_images) -> None:
    """The renditions of both, in one query; in two when an image is in both (a block's
    image carries its own alt text, and a rendition points to one image object)."""
    block_images = [image for image in block_images if image is not None]
    if {image.pk for image in images} & {image.pk for image in block_images}:
        prefetch_related_objects(images, "renditions")
        prefetch_related_objects(block_images, "renditions")
    else:
        prefetch_related_objects([*images, *block_images], "renditions")


@dataclass
class _Found:
    """What the blocks of a page of results refer to, to look up once for all."""

    images: list = field(default_factory=list)
    sources: list = field(default_factory=list)  # rich text
    page_ids: set = field(default_factory=set)
    document_ids: set = field(default_factory=set)


def _collect(block, value, found: _Found) -> None:
    if value is None:
        return
    if isinstance(block, ImageBlock | ImageChooserBlock):
        found.images.append(value)
    elif isinstance(block, blocks.PageChooserBlock):
        found.page_ids.add(value.pk)
    elif isinstance(block, DocumentChooserBlock):
        found.document_ids.add(value.pk)
    elif isinstance(block, blocks.RichTextBlock):
        found.sources.append(value.source if isinstance(value, RichText) else str(value))
    elif isinstance(block, blocks.BaseStreamBlock):
        for child in value:
            _collect(child.block, child.value, found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _collect(block.child_block, item, found)
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_value in value.items():
            if name in block.child_blocks:
                _collect(block.child_blocks[name], child_value, found)
