"""Every assumption the adapters make about a library's internals, on real objects.

A failure here names the library and the assumption: the installed version no longer
behaves as the adapter (adapters/<library>.py) expects. Fix the adapter, not the test,
unless the project no longer needs the assumption.
"""

import inspect
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import checks
from django.db import connection
from django.test import RequestFactory, override_settings
from django.urls import include, path
from django.utils.functional import cached_property
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import GroupPagePermission, Locale, Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail_headless_preview.models import PagePreview
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.wagtail_hooks import register_admin_urls as localize_admin_urls

from adapters import headless_preview as headless_preview_adapter
from adapters import localize as localize_adapter
from adapters import modelsearch as modelsearch_adapter
from adapters import wagtail as wagtail_adapter
from adapters.checks import check_translation_views_are_editors_only
from demo.indexing import deferred_indexing
from home.factories import StandardPageFactory, TopicFactory
from home.models import StandardPage
from languages.permissions import EditorsOnlyMixin
from library.factories import ImageFactory, LibraryIndexPageFactory, ResourcePageFactory
from search import ranking

pytestmark = pytest.mark.django_db

# A site whose admin has wagtail-localize's own submit and sync views (as it would if
# "wagtail_localize" came before "languages" in INSTALLED_APPS): see the check's tests.
urlpatterns = [path("admin/", include(localize_admin_urls()))]

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's backend; runs in CI's PostgreSQL pass."
)


@contextmanager
def assumption(library: str, what: str):
    """Any failure inside is reported as this assumption about `library` breaking."""
    try:
        yield
    except Exception as error:
        pytest.fail(
            f"{library}: the assumption that {what} no longer holds "
            f"({type(error).__name__}: {error}). Update adapters/ for the installed version."
        )


# Wagtail ------------------------------------------------------------------------------


def image_block(image) -> tuple:
    return ("image", {"image": image, "alt_text": f"About {image.title}", "decorative": False})


def test_wagtail_stream_from_the_database_converts_its_image_blocks_in_one_query(
    home_page, django_assert_num_queries
):
    images = [ImageFactory(title=f"Picture {n}") for n in range(3)]
    for image in images:
        StandardPageFactory(
            parent=home_page, body=[("heading", {"text": "Hi"}), image_block(image)]
        )
    streams = [page.body for page in StandardPage.objects.order_by("pk")]
    block = streams[0].stream_block.child_blocks["image"]

    with assumption("Wagtail", "a StreamValue read from the database keeps its blocks raw"):
        pending = [
            (stream, index, raw)
            for stream in streams
            for index, raw in wagtail_adapter.unconverted_blocks(stream)
            if raw["type"] == "image"
        ]
        assert len(pending) == 3, pending
    with (
        assumption("Wagtail", "Block.bulk_to_python converts many stored values at once"),
        django_assert_num_queries(1),
    ):
        values = wagtail_adapter.blocks_to_python(block, [raw["value"] for _, _, raw in pending])
    with assumption("Wagtail", "a StreamValue uses the blocks stored in its _bound_blocks"):
        for (stream, index, raw), value in zip(pending, values, strict=True):
            wagtail_adapter.set_converted_block(stream, index, block, value, raw["id"])
        with django_assert_num_queries(0):
            children = [stream[1] for stream in streams]
        assert [child.value.pk for child in children] == [image.pk for image in images]
        assert [child.id for child in children] == [raw["id"] for _, _, raw in pending]
        assert children[0].value.contextual_alt_text == "About Picture 0"
        left = [raw["type"] for s in streams for _, raw in wagtail_adapter.unconverted_blocks(s)]
        assert left == ["heading"] * 3, left


def test_wagtail_api_refuses_a_search_of_a_listing_filtered_by_tag(client, home_page):
    at_the_fair = ImageFactory(title="Children at the fair")
    at_the_fair.tags.add("fair")
    ImageFactory(title="Children at school")

    listing = client.get("/api/v2/images/", {"tags": "fair"})
    searched = client.get("/api/v2/images/", {"tags": "fair", "search": "children"})

    assert [item["id"] for item in listing.json()["items"]] == [at_the_fair.pk]
    # content_api.params.FieldsFilter marks the queryset as Wagtail's own filter does.
    assert (searched.status_code, searched.json()) == (
        400,
        {"message": "search: filtering by tag with a search query is not supported"},
    ), "Wagtail's SearchFilter no longer reads QuerySet._filtered_by_tag"


@pytest.mark.parametrize("view_class", [ExplorableIndexView, EditView])
def test_wagtail_page_views_header_more_buttons_is_a_cached_property(view_class):
    attribute = inspect.getattr_static(view_class, "header_more_buttons", None)

    assert isinstance(attribute, cached_property), (
        f"Wagtail: {view_class.__name__}.header_more_buttons is no longer a cached_property "
        "(languages.wagtail_hooks.TranslationButtonsForEditorsMixin overrides it)"
    )


@pytest.mark.parametrize("url", ["/admin/pages/{pk}/", "/admin/pages/{pk}/edit/"])
def test_wagtail_page_views_header_shows_the_list_of_header_more_buttons(
    admin_client, home_page, url
):
    page = StandardPageFactory(parent=home_page)
    response = admin_client.get(url.format(pk=page.pk))
    view = response.context["view"]

    with assumption("Wagtail", "the page header's More menu is the list header_more_buttons"):
        assert response.status_code == 200
        buttons = view.header_more_buttons
        assert isinstance(buttons, list), type(buttons)
        # So the buttons our mixin removes from the list are gone from the header too.
        assert view.get_header_more_buttons() == sorted(buttons)


def test_wagtail_reference_index_follows_saves_through_its_post_save_handler(home_page):
    handler, task = wagtail_adapter.reference_index_on_save()
    link = f'<p>Back <a linktype="page" id="{home_page.pk}">home</a>.</p>'

    with assumption("Wagtail", "update_reference_index_on_save indexes saved pages"):
        assert StandardPage in wagtail_adapter.reference_indexed_models()
        with deferred_indexing():
            page = StandardPageFactory(parent=home_page, body=[("paragraph", link)])
            assert not references_from(page, home_page), "the handler was not swapped"
        assert references_from(page, home_page), f"{task} did not index the page"


def references_from(page, target) -> bool:
    return ReferenceIndex.get_references_to(target).filter(object_id=str(page.pk)).exists()


# modelsearch --------------------------------------------------------------------------


def test_modelsearch_index_follows_saves_through_its_post_save_handler(home_page):
    handler, task = modelsearch_adapter.search_index_on_save()

    with assumption("modelsearch", "post_save_signal_handler indexes saved pages"):
        assert StandardPage in modelsearch_adapter.indexed_models()
        with deferred_indexing():
            page = StandardPageFactory(parent=home_page, title="Zanzibar brief")
            assert not Page.objects.search("zanzibar"), "the handler was not swapped"
        assert list(Page.objects.search("zanzibar")) == [page.page_ptr], f"{task} did not run"


def test_modelsearch_backend_is_one_that_ranking_knows():
    backend = get_search_backend()

    with assumption("modelsearch", "the database backend's class is where ranking looks"):
        if connection.vendor == "sqlite":
            assert modelsearch_adapter.is_sqlite_fts_backend(backend), type(backend)
        elif connection.vendor == "postgresql":
            assert modelsearch_adapter.is_postgres_backend(backend), type(backend)


@pytest.fixture
def census_site(home_page):
    library = LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")
    passing = ResourcePageFactory(
        parent=library,
        title="Annual report on state budgets",
        summary="Covers many things; the Census comes up once in passing.",
    )
    titled = ResourcePageFactory(parent=library, title="Census 2030: counting every child")
    ResourcePageFactory(parent=library, title="Child nutrition in schools")
    return titled, passing


def test_modelsearch_query_compiler_parses_plain_text(census_site):
    backend = get_search_backend()

    with assumption("modelsearch", "a query compiler parses text into a PlainText query"):
        compiler = modelsearch_adapter.query_compiler(
            backend, Page.objects.live(), "census child", "and", False
        )
        query = modelsearch_adapter.parsed_query(compiler)
        assert (type(query).__name__, query.query_string) == ("PlainText", "census child")
        assert modelsearch_adapter.searches_every_field(compiler)


@pytest.mark.parametrize("autocomplete", [False, True])
def test_modelsearch_index_ranks_a_small_site(census_site, autocomplete):
    titled, passing = census_site
    text = "cens" if autocomplete else "census"

    with assumption("modelsearch", "its query compiler and index tables rank the index"):
        results = ranking.search(Page.objects.live(), text, autocomplete=autocomplete)
        assert isinstance(results, ranking.RankedResults), type(results)
        assert results.count() == (1 if autocomplete else 2)
        expected = [titled.pk] if autocomplete else [titled.pk, passing.pk]
        assert [page.pk for page in results[0:10]] == expected


@on_postgresql
def test_modelsearch_postgres_index_stems_each_page_in_its_own_language(home_page):
    """search.backends.MultilingualIndex: PostgresIndex.add_items reads backend.config."""
    from languages.tests.translating import publish_translation

    publish_translation(home_page, "es", title="Inicio")
    english = StandardPageFactory(parent=home_page, title="Counting credits")
    spanish = publish_translation(english, "es", title="Contamos")

    with assumption("modelsearch", "PostgresIndex.add_items indexes with backend.config"):
        entries = modelsearch_adapter.postgres_index_entries(Page, [str(spanish.pk)])
        assert "'cont'" in str(entries.values_list("title", flat=True).get())


@on_postgresql
def test_modelsearch_postgres_search_uses_the_compilers_config_and_tsquery(home_page):
    """search.backends.MultilingualQueryCompiler overrides get_config and build_tsquery."""
    from languages.tests.translating import publish_translation

    publish_translation(home_page, "es", title="Inicio")
    english = StandardPageFactory(parent=home_page, title="Refundable credits")
    spanish = publish_translation(english, "es", title="Contamos a todos")

    with assumption("modelsearch", "queryset.search() stems with the compiler's get_config"):
        # Wagtail's own search (the admin's, the API's): every language's stemming.
        assert [p.pk for p in Page.objects.live().search("contar")] == [spanish.pk]
        assert [p.pk for p in Page.objects.live().search("credit")] == [english.pk]


# wagtail-localize ---------------------------------------------------------------------


def test_localize_urls_answer_with_editors_only_views_in_the_project():
    answers = dict(localize_adapter.views_answering_replaced_urls())

    assert list(answers) == [
        "/admin/localize/submit/page/1/",
        "/admin/localize/submit/snippet/home/topic/1/",
        "/admin/localize/update/1/",
    ], "wagtail-localize renamed or moved its submit and sync URLs"
    assert all(issubclass(view, EditorsOnlyMixin) for view in answers.values()), answers
    assert check_translation_views_are_editors_only() == []


def test_localize_check_runs_at_start_up():
    messages = [message.id for message in checks.run_checks()]

    assert check_translation_views_are_editors_only in checks.registry.registry.get_checks()
    assert "adapters.E001" not in messages


@override_settings(ROOT_URLCONF=__name__)
def test_localize_check_fails_when_localize_answers_with_its_own_views():
    errors = check_translation_views_are_editors_only()

    assert [error.id for error in errors] == ["adapters.E001"] * 3
    assert "SubmitPageTranslationView" in errors[0].msg
    assert '"languages" before "wagtail_localize" in INSTALLED_APPS' in errors[0].hint


def test_localize_views_load_their_object_through_get_object(client, home_page, django_user_model):
    """languages.permissions.EditorsOnlyMixin refuses in get_object."""
    page = StandardPageFactory(parent=home_page)
    group = Group.objects.create(name="May translate, may not edit")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "submit_translation"])
    )
    GroupPagePermission.objects.create(
        group=group, page=home_page, permission=Permission.objects.get(codename="publish_page")
    )
    user = django_user_model.objects.create_user("translator", password="x")
    user.groups.add(group)
    client.force_login(user)

    response = client.get(f"/admin/localize/submit/page/{page.pk}/")

    assert (response.status_code, response.get("Location")) == (302, "/admin/"), (
        "wagtail-localize's submit view no longer calls get_object: translators who may not "
        "edit a page could submit it"
    )


def spanish_translation(instance, spanish_for: dict[str, str]) -> Translation:
    """A Translation of `instance` into Spanish, each string translated (as in
    demo.translation): `spanish_for` or "[es] " and the English."""
    spanish = Locale.objects.get(language_code="es")
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        english = segment.string.data
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=spanish,
            context=segment.context,
            data=spanish_for.get(english, f"[es] {english}"),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    return Translation.objects.create(source=source, target_locale=spanish)


def test_localize_save_target_without_publish_leaves_a_draft_of_the_page(home_page):
    """demo.translation publishes the draft itself, inside the loader's transaction."""
    page = StandardPageFactory(parent=home_page, title="Budget basics")
    translation = spanish_translation(page, {"Budget basics": "Presupuesto básico"})

    with assumption("wagtail-localize", "save_target(publish=False) saves a page as a draft"):
        translation.save_target(publish=False)
        spanish = page.get_translation(translation.target_locale)
        assert not spanish.live
        assert spanish.get_latest_revision().as_object().title == "Presupuesto básico"


def test_localize_save_target_saves_a_snippet_at_once(db):
    topic = TopicFactory(name="Child nutrition")
    translation = spanish_translation(topic, {"Child nutrition": "Nutrición infantil"})

    with assumption("wagtail-localize", "save_target(publish=True) saves a snippet at once"):
        translation.save_target(publish=True)
        assert topic.get_translation(translation.target_locale).name == "Nutrición infantil"


def test_localize_marks_a_translation_whose_links_differ_from_the_source_as_an_error(home_page):
    """demo.translation refuses such a string: wagtail-localize would keep the English."""
    page = StandardPageFactory(parent=home_page, title="Budget basics")
    translation = spanish_translation(page, {"Budget basics": '<a id="a1">Presupuesto</a> básico'})

    with assumption("wagtail-localize", "StringTranslation.has_error flags invalid strings"):
        string = StringTranslation.objects.get(
            translation_of__data="Budget basics", locale=translation.target_locale
        )
        assert string.has_error


# wagtail-headless-preview -------------------------------------------------------------

FRONT_END = "https://front.example.org/preview"


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "REDIRECT_ON_PREVIEW": True,
    }


def test_headless_preview_tokens_are_signed_by_its_preview_signer(home_page):
    page = StandardPageFactory(parent=home_page)

    with assumption("wagtail-headless-preview", "get_preview_signer signs the page's id"):
        preview = page.create_page_preview()
        signed = headless_preview_adapter.preview_signer().unsign(preview.token, max_age=60)
        assert signed == f"id={page.pk}"
        assert PagePreview.objects.get(token=preview.token).as_page().pk == page.pk


def test_headless_preview_settings_and_client_url_follow_the_setting(front_end, home_page):
    with assumption("wagtail-headless-preview", "its settings object reads CLIENT_URLS"):
        assert headless_preview_adapter.client_urls() == {"default": FRONT_END}
        site = home_page.get_site()
        assert headless_preview_adapter.client_root_url(site) == FRONT_END + "/"


def test_headless_preview_serves_the_draft_through_our_preview_url(front_end, home_page):
    page = StandardPageFactory(parent=home_page)
    request = RequestFactory().get("/admin/")

    with assumption("wagtail-headless-preview", "serve_preview stores the draft and redirects"):
        response = page.make_preview_request(request, "headless")
        assert response.status_code == 302
        location = response["Location"]
        # Our get_preview_url is the one the package's serve_preview calls.
        assert location.startswith(FRONT_END + "/?") and "locale=en" in location, location
        assert PagePreview.objects.count() == 1


def test_headless_preview_other_modes_skip_the_package_to_wagtails_serve_preview(home_page):
    page = StandardPageFactory(parent=home_page, title="Our mission")

    with assumption(
        "wagtail-headless-preview",
        "the serve_preview after HeadlessPreviewMixin's in the MRO is Wagtail's",
    ):
        response = page.make_preview_request(None, page.default_preview_mode)
        assert response.status_code == 200
        assert "Our mission" in response.content.decode()
        assert not PagePreview.objects.exists(), "the package's serve_preview ran"


def test_localize_guarded_urls_answer_with_languages_views():
    answers = localize_adapter.views_answering_guarded_urls()

    assert [
        (view.__module__, view.__qualname__) if view else (path, None) for path, view in answers
    ] == [
        ("languages.permissions", "edit_override_for_editors"),
        ("languages.permissions", "convert_to_alias_for_publishers"),
        ("languages.permissions", "TranslationsReportForEditorsView"),
        ("languages.permissions", "TranslationsReportForEditorsView"),
    ], "wagtail-localize renamed or moved its override, convert or report URLs"


def test_localize_overridable_segments_name_their_field_and_rich_text_hrefs(home_page):
    from wagtail.rich_text import RichText

    page = StandardPageFactory(
        parent=home_page,
        body=[("paragraph", RichText('<p><a href="https://example.org/a.b">x</a></p>'))],
    )
    source, _ = TranslationSource.update_or_create_from_instance(page)

    with assumption("wagtail-localize", "an href override's context path ends in the quoted href"):
        (segment,) = source.overridablesegment_set.select_related("context")
        assert localize_adapter.overridden_value(segment, page) == (True, True)


def test_wagtail_expand_db_html_asks_get_rewriter_each_time_and_runs_ours():
    import wagtail.rich_text
    from wagtail.rich_text import expand_db_html

    from home.rich_text import unsafe_link_rewriter

    with assumption("Wagtail", "expand_db_html uses wagtail.rich_text.get_rewriter()"):
        assert wagtail.rich_text.get_rewriter.extra_rewriter is unsafe_link_rewriter
        html = expand_db_html('<a href="javascript:alert(1)">x</a><a href="#top">y</a>')
        assert html == '<a>x</a><a href="#top">y</a>'


def test_wagtail_looks_up_every_locale_through_locale_manager_get_for_language():
    # memoise_locale_lookups memoises LocaleManager.get_for_language: the lookups of the
    # active and default locales (and so every `localized`) must go through it.
    from wagtail.models import TranslatableMixin
    from wagtail.models.i18n import LocaleManager

    assert "get_for_language" in inspect.getsource(Locale.get_default)
    assert "get_for_language" in inspect.getsource(Locale.get_active)
    assert "Locale.get_active()" in inspect.getsource(TranslatableMixin.localized_draft.fget)
    assert getattr(LocaleManager.get_for_language, "memoised", False)


def test_wagtail_page_urls_read_the_sites_root_paths_through_get_site_root_paths():
    # memoise_site_root_paths memoises Site.get_site_root_paths: every page URL (with a
    # request or without, as the API's html_url) must read the root paths through it.
    from wagtail.models import Site

    assert "Site.get_site_root_paths()" in inspect.getsource(Page._get_site_root_paths)
    assert getattr(Site.get_site_root_paths, "memoised", False)


@pytest.mark.django_db
def test_the_sites_root_paths_are_read_once_per_request_and_a_new_site_shows_at_once(home_page):
    from wagtail.models import Site

    from operations.tests.bounds import request

    with request():
        paths = Site.get_site_root_paths()
        assert Site.get_site_root_paths() is paths  # not read again for every link
    partner_home = Page.objects.get(pk=home_page.pk).add_child(
        instance=Page(title="Partner", slug="partner")
    )
    Site.objects.create(hostname="partner.example.org", root_page=partner_home)
    with request():
        assert "partner.example.org" in {
            path.root_url.split("//")[1] for path in Site.get_site_root_paths()
        }
