"""What a listing (or a detail) of the content API loads before it is serialised: a
fixed number of queries, whatever the number of items.

- foreign keys: joined to the listing's (or detail's) own query (`joins`);
- vocabularies (topics, networks, states): the links of every many-to-many field to
  one of them in a single query, kept per content version with the terms themselves
  (content_api.kept);
- other many-to-many fields and inline children (their images joined);
- the renditions of every image (fields, inline children, StreamField blocks) in one;
- StreamField blocks, the links of rich text, and whatever the model's section names
  (`listing_prefetch`) and loads (`prepare_listing`);
- translations and parents, in one query kept per content version.

Whatever is kept is about public pages only, and changes only with the content
version; which pages a response lists is asked on every request.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Prefetch, Value, prefetch_related_objects
from django.db.models.functions import Cast
from modelcluster.fields import ParentalKey
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model

from content_api.kept import attach_locales, vocabulary
from content_api.representation import LinkVisibility, prefetch_streams, translations_and_parents
from content_api.sections import section_of
from content_api.versioned import until_content_changes


def prefetch_for_api(items, serializer_class, context):
    if not items:
        return
    fields = set(serializer_class.Meta.fields)
    model = serializer_class.Meta.model
    section = section_of(model)
    attach_locales(items)
    relations = _asked_relations(model, fields)
    lookups = ["tags"] if "tags" in fields else []
    for name in fields:
        lookups += section.listing_prefetch.get(name, []) if section else []
    lookups += [name for name, field in relations.items() if _is_plain_relation(field)]
    lookups += [_children(name, field) for name, field in relations.items() if _is_inline(field)]
    prefetch_related_objects(items, *dict.fromkeys(lookups))
    _prefetch_terms(items, {n: f for n, f in relations.items() if _vocabulary_of(f)})
    images = _images(items, relations)
    prefetch_streams(_values(items, fields, StreamField), context, images=images)
    LinkVisibility.for_context(context).preload(_values(items, fields, RichTextField))
    if section and section.prepare_listing:
        section.prepare_listing(items, fields)
    if "translations" in fields or "parent" in fields:
        parents = "parent" in fields
        translations, found_parents = translations_and_parents(items, context, parents)
        for item in items:
            item._api_translations = translations[item.pk]
            if parents:
                item._api_parent = found_parents[item.pk]


def joins(model, fields=None) -> list[str]:
    """The foreign keys of the asked fields (all API fields by default), and those their
    section prefetches, for the listing's (or detail's) query to join."""
    if fields is None:
        fields = {getattr(f, "name", f) for f in getattr(model, "api_fields", [])}
    names = [name for name, field in _asked_relations(model, fields).items() if field.many_to_one]
    section = section_of(model)
    for name in fields:
        for lookup in section.listing_prefetch.get(name, []) if section else []:
            if isinstance(lookup, str) and _is_foreign_key(model, lookup):
                names.append(lookup)
    return list(dict.fromkeys(names))


def _is_foreign_key(model, name) -> bool:
    try:
        return model._meta.get_field(name).many_to_one
    except FieldDoesNotExist:
        return False


def _asked_relations(model, fields) -> dict:
    """{source: model field} of the asked API fields that are relations."""
    relations = {}
    for api_field in getattr(model, "api_fields", []):
        name = getattr(api_field, "name", api_field)
        if name not in fields:
            continue
        serializer = getattr(api_field, "serializer", None)
        source = getattr(serializer, "source", None) or name
        try:
            field = model._meta.get_field(source)
        except FieldDoesNotExist:  # a property or method: nothing to prefetch
            continue
        if field.is_relation:
            relations[source] = field
    return relations


def _vocabulary_of(field):
    """The vocabulary a many-to-many field links to (a model a section watches, so that
    its rows change the content version), or None."""
    from content_api.caching import watched_models

    if field.many_to_many and field.related_model in watched_models():
        return field.related_model
    return None


def _is_inline(field) -> bool:
    return field.one_to_many and isinstance(getattr(field, "field", None), ParentalKey)


def _is_plain_relation(field) -> bool:
    if field.many_to_many:
        return _vocabulary_of(field) is None
    return field.many_to_one or (field.one_to_many and not _is_inline(field))


def _image_keys(model) -> list[str]:
    image_model = get_image_model()
    return [
        f.name for f in model._meta.get_fields() if f.many_to_one and f.related_model is image_model
    ]


def _children(name, field) -> Prefetch:
    """Inline children (speakers, files), with their images."""
    child = field.related_model
    return Prefetch(name, queryset=child.objects.select_related(*_image_keys(child)))


def _images(items, relations) -> list:
    """Every image the items' fields and inline children name."""
    image_model = get_image_model()
    images = []
    for name, field in relations.items():
        if field.many_to_one and field.related_model is image_model:
            images += [getattr(item, name) for item in items]
        elif _is_inline(field):
            keys = _image_keys(field.related_model)
            children = [child for item in items for child in getattr(item, name).all()]
            images += [getattr(child, key) for child in children for key in keys]
    return [image for image in images if image is not None]


def _values(items, fields, field_class) -> list:
    model = type(items[0])
    names = []
    for name in fields:
        try:
            if isinstance(model._meta.get_field(name), field_class):
                names.append(name)
        except FieldDoesNotExist:
            continue
    return [getattr(item, name) for name in names for item in items]


def _prefetch_terms(items, relations) -> None:
    """Each item's terms of every vocabulary field, as `_api_terms[name]`, in the
    vocabulary's order: their links in one query for all, the terms kept."""
    if not relations:
        return
    links = _term_links(items, relations)
    by_item = {item.pk: {name: [] for name in relations} for item in items}
    terms = {name: vocabulary(_vocabulary_of(field)) for name, field in relations.items()}
    for name, item_pk, term_key in links:
        vocabulary_terms = terms[name]
        term = vocabulary_terms.get(_typed_key(vocabulary_terms, term_key))
        if term is not None:
            by_item[item_pk][name].append(term)
    ranks = {name: {pk: rank for rank, pk in enumerate(kept)} for name, kept in terms.items()}
    for item in items:
        for name, found in by_item[item.pk].items():
            found.sort(key=lambda term, rank=ranks[name]: rank[term.pk])
        item._api_terms = by_item[item.pk]


def _term_links(items, relations):
    """(field name, item id, term key as text) of every link, one query (a UNION of the
    link tables)."""
    pks = tuple(sorted(item.pk for item in items))
    model = type(items[0])
    key = ("api:term-links", model._meta.label_lower, pks, tuple(sorted(relations)))
    # The links change only when a page is published: kept per content version.
    return until_content_changes(key, lambda: _read_term_links(pks, relations))


def _read_term_links(pks, relations) -> list:
    queries = []
    for name, field in relations.items():
        through = field.remote_field.through
        own, term = field.m2m_field_name(), field.m2m_reverse_field_name()
        queries.append(
            through.objects.filter(**{f"{own}__in": pks})
            .annotate(api_field=Value(name, output_field=CharField()))
            .annotate(api_term=Cast(f"{term}_id", CharField()))
            .values_list("api_field", f"{own}_id", "api_term")
        )
    first, *others = queries
    return list(first.union(*others, all=True)) if others else list(first)


def _typed_key(terms, key: str):
    """A link's term key (text in the UNION) as the vocabulary's primary key."""
    sample = next(iter(terms), None)
    return int(key) if isinstance(sample, int) else key
