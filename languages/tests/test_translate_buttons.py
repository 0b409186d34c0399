"""wagtail-localize's "Translate" and "Sync" buttons are shown only to people who may
edit the page (or change the snippet), the same people its views let through
(languages/permissions.py): in the page explorer's rows and header, the page editor and the
snippet listing."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail_localize.models import TranslationSource

from home.factories import StandardPageFactory, TopicFactory
from languages.tests.translating import translate_into_spanish

pytestmark = pytest.mark.django_db


def translate_url(page) -> str:
    return f"/admin/localize/submit/page/{page.pk}/"


def sync_url(instance) -> str:
    return f"/admin/localize/update/{TranslationSource.objects.get_for_instance(instance).pk}/"


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def site(home_page):
    """Home (translated), "Library" and "Board minutes" (not yet), "About us" (translated)."""
    translate_into_spanish(home_page, {})
    library = StandardPageFactory(parent=home_page, title="Library", slug="library")
    board = StandardPageFactory(parent=home_page, title="Board minutes", slug="board")
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    translate_into_spanish(about, {})
    return {"home": home_page, "library": library, "board": board, "about": about}


@pytest.fixture
def translator(django_user_model):
    """In the Translators group, who may edit every page and change topics."""
    user = django_user_model.objects.create_user("translator", password="x")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


@pytest.fixture
def reviewer(django_user_model, site):
    """May enter the admin, submit translations, publish the site's pages and see
    topics, but edit only "Library"."""
    group = Group.objects.create(name="Reviewers")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "submit_translation", "view_topic"]
        )
    )
    for page, codename in ((site["home"], "publish_page"), (site["library"], "change_page")):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("reviewer", password="x")
    user.groups.add(group)
    return user


def explorer_html(client, user, page) -> str:
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_editors_see_translate_and_sync_buttons_in_the_explorer(site, translator, client):
    html = explorer_html(client, translator, site["home"])

    assert translate_url(site["library"]) in html
    assert translate_url(site["board"]) in html
    assert sync_url(site["about"]) in html
    assert sync_url(site["home"]) in html  # the explored page's own "More" menu
    assert "Translate this page" in html
    assert "Sync translated pages" in html


def test_explorer_rows_hide_translation_buttons_of_pages_the_user_may_not_edit(
    site, reviewer, client
):
    html = explorer_html(client, reviewer, site["home"])

    assert translate_url(site["library"]) in html
    assert translate_url(site["board"]) not in html
    assert sync_url(site["about"]) not in html
    # The rest of the rows' "More" menus is still there.
    assert f"/admin/pages/{site['board'].pk}/history/" in html


def test_explorer_header_hides_translation_buttons_of_a_page_the_user_may_not_edit(
    site, reviewer, client
):
    html = explorer_html(client, reviewer, site["home"])
    assert sync_url(site["home"]) not in html

    html = explorer_html(client, reviewer, site["library"])
    assert translate_url(site["library"]) in html


def test_an_alias_offers_translation_only_to_those_who_may_edit_its_original(
    site, reviewer, translator, client
):
    # wagtail-localize's button on an alias translates the page it mirrors.
    site["board"].create_alias(parent=site["library"], update_slug="board-alias")

    assert translate_url(site["board"]) in explorer_html(client, translator, site["library"])
    assert translate_url(site["board"]) not in explorer_html(client, reviewer, site["library"])


def test_an_alias_editor_offers_translation_only_to_those_who_may_edit_its_original(
    site, reviewer, translator, client
):
    alias = site["board"].create_alias(parent=site["library"], update_slug="board-alias")
    edit_url = f"/admin/pages/{alias.pk}/edit/"

    client.force_login(translator)
    assert translate_url(site["board"]) in client.get(edit_url).content.decode()
    client.force_login(reviewer)  # may edit the alias (under Library), not the board page
    response = client.get(edit_url)
    assert response.status_code == 200
    assert translate_url(site["board"]) not in response.content.decode()


def test_page_editor_shows_translate_and_sync_buttons_to_editors(site, translator, client):
    client.force_login(translator)

    html = client.get(f"/admin/pages/{site['board'].pk}/edit/").content.decode()
    assert translate_url(site["board"]) in html

    html = client.get(f"/admin/pages/{site['about'].pk}/edit/").content.decode()
    assert sync_url(site["about"]) in html


def test_people_who_may_not_edit_a_page_are_refused_its_editor_and_its_translation(
    site, reviewer, client
):
    client.force_login(reviewer)
    board, about = site["board"], site["about"]

    assert refused(client.get(f"/admin/pages/{board.pk}/edit/"))
    assert refused(client.get(translate_url(board)))
    assert refused(client.get(sync_url(about)))
    assert client.get(translate_url(site["library"])).status_code == 200


@pytest.fixture
def topics():
    untranslated = TopicFactory(name="Child health", slug="child-health")
    translated = TopicFactory(name="Child nutrition", slug="child-nutrition")
    translate_into_spanish(translated, {})
    return untranslated, translated


def topic_translate_url(topic) -> str:
    return f"/admin/localize/submit/snippet/home/topic/{topic.pk}/"


def test_snippet_listing_shows_translation_buttons_to_those_who_may_change_topics(
    topics, translator, reviewer, client
):
    untranslated, translated = topics

    client.force_login(translator)
    html = client.get("/admin/snippets/home/topic/").content.decode()
    assert topic_translate_url(untranslated) in html
    assert sync_url(translated) in html

    client.force_login(reviewer)
    response = client.get("/admin/snippets/home/topic/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Child health" in html  # they see the topics...
    assert topic_translate_url(untranslated) not in html  # ...but no way to translate them
    assert sync_url(translated) not in html
    assert refused(client.get(topic_translate_url(untranslated)))
    assert refused(client.get(sync_url(translated)))
