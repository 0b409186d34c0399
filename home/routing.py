"""Finding the page a URL names, with one query for the whole path.

Wagtail's Page.route walks down one level at a time: for /library/some-guide/ it asks
for the child `library` of the home page, then that page's specific row, then its child
`some-guide`: two queries a level. `route_from` asks once for every page on the path
(by slug and depth, under the language's home page) and walks down in Python, then asks
for the specific row of the page it found.

It gives the same answer as Wagtail's walk: at each level, a page type with a route of
its own (a routable page whose sub-routes match the rest of the path) is handed the
rest of the path, as Page.route would hand it; an unknown slug is a 404, and so is a
page found that is not live.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_from(root, request, path_components):
    """Page.route from `root` (a specific page), in one query for the path."""
    if not path_components:
        return Page.route(root, request, path_components)
    depth = root.depth
    candidates = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=depth,
        depth__lte=depth + len(path_components),
        slug__in=set(path_components),
    )
    by_parent_and_slug = {(page.path[: -Page.steplen], page.slug): page for page in candidates}

    current = root
    for index, slug in enumerate(path_components):
        remaining = path_components[index:]
        if current is not root and _routes_itself(current, remaining):
            return current.specific.route(request, remaining)
        child = by_parent_and_slug.get((current.path, slug))
        if child is None:
            raise Http404
        child._cached_parent_obj = current  # as Page.route does: get_parent() asks nothing
        current = child
    return current.specific.route(request, [])


def _routes_itself(page, remaining) -> bool:
    """Whether Page.route, at `page`, would hand `remaining` to the page's own route
    rather than look for a child: a page type with a route of its own, or a live
    routable page with a sub-route for the rest of the path."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None:
        return False
    if model.route is Page.route:
        return False
    if model.route is not RoutablePageMixin.route:
        return True  # a route we cannot read ahead: let the page decide
    if not page.live:
        return False  # RoutablePageMixin.route skips its sub-routes, and looks for a child
    try:
        model.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:  # Resolver404, as RoutablePageMixin.route catches it
        return False
    return True
