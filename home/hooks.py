"""What sections declare through Wagtail hooks (related content on campaign pages, their
part of the content API, their demo), collected and checked one way: each function
registered for a hook returns one declaration (or None to stay out), in hook order."""

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


def declarations(hook_name: str, kind, key: str, contract: str) -> list:
    """Every declaration registered for `hook_name`. Each must be a `kind` (a class, or
    a runtime-checkable protocol) with a `key` attribute no other one shares; `contract`
    names the module that documents it, for the error an editor of the hook will read."""
    found, keys = [], set()
    for hook in hooks.get_hooks(hook_name):
        declared = hook()
        if declared is None:
            continue
        if not isinstance(declared, kind):
            raise ImproperlyConfigured(
                f"{hook.__module__}.{hook.__name__} must return a {kind.__name__} "
                f"(see {contract}), not {declared!r}"
            )
        value = getattr(declared, key)
        if value in keys:
            raise ImproperlyConfigured(
                f"Two {kind.__name__}s of {hook_name} have the {key} {value!r}"
            )
        keys.add(value)
        found.append(declared)
    return found
