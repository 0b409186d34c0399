"""Search and reference indexing for the demo loader: once per object, at the end.

On every save of a page, snippet, image or document, Wagtail updates its search index
(modelsearch's `post_save` handler) and its reference index (Wagtail's), each through a
task that reads the object back and indexes it whole. Building the demo saves each page
at least three times (created, revision saved, published; translations more), and with
the immediate task backend every one of those saves indexed the page again, a third of
the load's time. Both indexes only need each object's final state, so while
`deferred_indexing()` is active those two `post_save` handlers are swapped for one that
notes what was saved, and on the way out the same tasks run once per saved object.

Deletions are still handled at once by the libraries' own `post_delete` handlers; an
object that is gone by the end is not indexed. The handlers are swapped for the whole
process, so use this only around single-threaded work such as a management command.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save

from adapters import modelsearch as modelsearch_adapter
from adapters import wagtail as wagtail_adapter

# Each `post_save` handler deferred, with the task it runs for the saved object (the
# libraries' own, which they do not document: adapters/tests checks them).
DEFERRED_HANDLERS = [
    modelsearch_adapter.search_index_on_save(),
    wagtail_adapter.reference_index_on_save(),
]


@contextmanager
def deferred_indexing():
    """Index every object saved inside the block once, when the block ends without error
    (on an error the caller's transaction is rolled back and there is nothing to index)."""
    # task -> {(app_label, model_name, pk): None}, in the order of the first save.
    pending = defaultdict(dict)
    swapped = []  # (handler, task, model)

    def note(task):
        def receiver(sender, instance, raw=False, **kwargs):
            if not raw:  # the libraries' handlers skip fixture loading too
                meta = instance._meta
                pending[task][(meta.app_label, meta.model_name, str(instance.pk))] = None

        return receiver

    receivers = {task: note(task) for _, task in DEFERRED_HANDLERS}
    models = {*modelsearch_adapter.indexed_models(), *wagtail_adapter.reference_indexed_models()}
    for handler, task in DEFERRED_HANDLERS:
        for model in models:
            if post_save.disconnect(handler, sender=model):
                post_save.connect(receivers[task], sender=model)
                swapped.append((handler, task, model))
    try:
        yield
    finally:
        for handler, task, model in swapped:
            post_save.disconnect(receivers[task], sender=model)
            post_save.connect(handler, sender=model)
    for task, saved in pending.items():
        for app_label, model_name, pk in _still_there(saved):
            task.call(app_label, model_name, pk)


def _still_there(saved):
    """The saved objects that still exist, in order (one query per model)."""
    pks = defaultdict(set)
    for app_label, model_name, pk in saved:
        pks[(app_label, model_name)].add(pk)
    existing = set()
    for (app_label, model_name), model_pks in pks.items():
        manager = apps.get_model(app_label, model_name)._default_manager
        for pk in manager.filter(pk__in=model_pks).values_list("pk", flat=True):
            existing.add((app_label, model_name, str(pk)))
    return [key for key in saved if key in existing]
