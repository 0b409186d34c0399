"""A migration operation that makes existing child objects of pages translatable.

Wagtail's way to add `TranslatableMixin` to a model that already has rows is three
migrations: add `translation_key` and `locale` as nullable fields
(`BootstrapTranslatableMixin`), fill them in (`BootstrapTranslatableModel`), then make
them required with their unique constraint. Wagtail's operation gives every row the
default locale and a new key, which suits a snippet, not the children of a page
(milestones, speakers, files…): those of a Spanish page are Spanish, and the copies
wagtail-localize made for a translation are the same objects as the English ones.
`BootstrapTranslatableChildModel` fills them in the way wagtail-localize would have:

- a child takes its page's locale;
- a child of a translation shares its translation key with the child of the source page
  at the same position, when both pages have the same number of children (they are
  copies, in order, as wagtail-localize made them), so the translation stays linked to
  its source and translators keep what they have; otherwise it gets a new key;
- the page's revisions get the same keys and locale for the children they hold. A
  revision saved before the migration would otherwise give its children a new random
  key each time it is loaded, and the first edit (the editor loads the latest
  revision) would cut every child off from its translations.

Reversing the migration needs nothing: the previous migration drops the fields.
"""

import uuid
from collections import defaultdict
from itertools import groupby

from django.conf import settings
from django.db import migrations


class BootstrapTranslatableChildModel(migrations.RunPython):
    """Fill in `translation_key` and `locale` of a page's child model, e.g.
    `BootstrapTranslatableChildModel("campaigns.CampaignMilestone")`."""

    def __init__(self, model_string: str, parent_field: str = "page"):
        def forwards(apps, schema_editor):
            bootstrap_children(apps, apps.get_model(model_string), parent_field)

        super().__init__(forwards, migrations.RunPython.noop)


def bootstrap_children(apps, model, parent_field: str) -> None:
    parent_key = model._meta.get_field(parent_field)
    parent_model = parent_key.related_model
    default_locale_id = (
        apps.get_model("wagtailcore", "Locale")
        .objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )

    children = list(
        model.objects.filter(translation_key__isnull=True).order_by(
            parent_key.attname, "sort_order", "pk"
        )
    )
    by_page = {
        page_id: list(rows)
        for page_id, rows in groupby(children, key=lambda child: getattr(child, parent_key.attname))
    }
    pages = parent_model.objects.filter(pk__in=by_page).values("pk", "locale_id", "translation_key")
    by_translation = defaultdict(list)
    for page in pages:
        by_translation[page["translation_key"]].append(page)

    for translations in by_translation.values():
        # The source first: the page in the default language (else the oldest).
        translations.sort(key=lambda page: (page["locale_id"] != default_locale_id, page["pk"]))
        source_keys = [uuid.uuid4() for _ in by_page[translations[0]["pk"]]]
        for page in translations:
            rows = by_page[page["pk"]]
            same_shape = len(rows) == len(source_keys)
            for position, child in enumerate(rows):
                child.locale_id = page["locale_id"]
                child.translation_key = source_keys[position] if same_shape else uuid.uuid4()
    model.objects.bulk_update(children, ["translation_key", "locale"], batch_size=500)

    _update_revisions(apps, parent_model, parent_key.remote_field.related_name, children)


def _update_revisions(apps, parent_model, relation: str, children) -> None:
    """Write the children's keys and locale into every revision of the parent pages that
    holds children without them."""
    Revision = apps.get_model("wagtailcore", "Revision")
    saved = {child.pk: child for child in children}
    revisions = Revision.objects.filter(
        content_type__app_label=parent_model._meta.app_label,
        content_type__model=parent_model._meta.model_name,
    )
    locale_of_page = dict(parent_model.objects.values_list("pk", "locale_id"))
    changed = []
    for revision in revisions.iterator():
        serialized = [
            data for data in revision.content.get(relation) or [] if "translation_key" not in data
        ]
        for data in serialized:
            child = saved.get(data.get("pk"))
            # A child deleted since (or not saved yet) gets a key of its own, kept from now on.
            data["translation_key"] = str(child.translation_key if child else uuid.uuid4())
            data["locale"] = (
                child.locale_id if child else locale_of_page.get(int(revision.object_id))
            )
        if serialized:
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=200)
