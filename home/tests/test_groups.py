"""Editorial groups and the moderation workflow."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import WorkflowState

from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def make_user(username, group_name):
    user = User.objects.create_user(username, password="correct horse battery staple")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editor_submission_goes_to_moderation_and_is_not_published(home_page, client):
    page = StandardPageFactory(parent=home_page, title="Budget toolkit", live=False)
    client.force_login(make_user("editor", "Editors"))
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Budget toolkit",
            "slug": page.slug,
            "summary": "",
            "introduction": "",
            "body-count": "0",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"


def test_editor_cannot_publish_directly(home_page):
    page = StandardPageFactory(parent=home_page)
    editor = make_user("editor", "Editors")
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(editor).can_edit()


def test_moderator_can_publish(home_page):
    page = StandardPageFactory(parent=home_page)
    moderator = make_user("moderator", "Moderators")
    assert page.permissions_for_user(moderator).can_publish()
    assert moderator.has_perm("home.change_sitesettings")
    assert moderator.has_perm("wagtailredirects.add_redirect")


def test_translator_can_edit_pages_and_submit_translations_but_not_publish(home_page):
    page = StandardPageFactory(parent=home_page)
    translator = make_user("translator", "Translators")
    assert translator.has_perm("wagtailadmin.access_admin")
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert page.permissions_for_user(translator).can_edit()
    assert not page.permissions_for_user(translator).can_publish()


def test_members_cannot_enter_the_admin(client):
    client.force_login(make_user("member", "Members"))
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert not StandardPage.objects.exists()
