"""How sections plug their demo content into `manage.py load_demo_content`.

The command never names the sections. Each registers its demo in its own
`wagtail_hooks.py`, with an `order` that puts it after the sections it builds on::

    @hooks.register(DEMO_CONTENT_HOOK, order=20)      # "register_demo_content"
    def library_demo_content():
        from library import demo  # only the command loads the demo and its factories

        return DemoSection("Library", load=demo.load, load_spanish=demo.load_spanish)

The site itself (taxonomy, home page, site, settings, admin user: home.demo) is not a
section: the command builds it first, since it makes the home page every section is
given. Then it runs every section's `load`, in order, then every `load_spanish`, in the
same order: a Spanish page needs its English source, and its Spanish parent, first.
Each creates only what is missing, so the command can run again and change nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from home.hooks import declarations

DEMO_CONTENT_HOOK = "register_demo_content"

# `load(home_page, log)`: builds on the English home page; `log(message)` prints a line.
Loader = Callable[..., None]


@dataclass(frozen=True)
class DemoSection:
    """One section's demo content.

    - `name`: shown in the command's log ("Library", then "Library in Spanish");
    - `load(home_page, log)`: the English content;
    - `load_spanish(home_page, log)`: its Spanish translations, through
      demo.translation (optional: what is not translated shows the fallback).

    A section may have only a Spanish part, to run after every other section's Spanish
    (the members' Spanish profiles do, so that the other Spanish pages keep their ids).
    """

    name: str
    load: Loader | None = None
    load_spanish: Loader | None = None

    def __post_init__(self):
        if self.load is None and self.load_spanish is None:
            raise ImproperlyConfigured(f"The demo section {self.name!r} loads nothing.")


def demo_sections() -> list[DemoSection]:
    """Every registered section, in hook order."""
    return declarations(DEMO_CONTENT_HOOK, DemoSection, "name", "demo.registry")
