"""Issue 17, findings 1, 2, 8, 9 and the report part of 11: publishing a translation
takes publish permission in every wagtail-localize view that can publish; a translator's
link override must be a safe link and rendering drops unsafe hrefs anyway; parents
wagtail-localize copies into Spanish are drafts; language-neutral fields take no
override; the translations report lists only what the user may edit."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    TranslationContext,
    TranslationSource,
)

from home.factories import StandardPageFactory
from home.rich_text import is_safe_link, strip_unsafe_links
from languages.tests.translating import translate_into_spanish
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory

pytestmark = pytest.mark.django_db

JAVASCRIPT = "javascript:alert(1)"


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def make_user(django_user_model, username, group, *extra_codenames):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group))
    user.user_permissions.add(*Permission.objects.filter(codename__in=extra_codenames))
    return user


@pytest.fixture
def editor(django_user_model):
    """In Editors (edit, no publish), with the translation permission the finding's
    Editor had."""
    return make_user(django_user_model, "editor", "Editors", "submit_translation")


@pytest.fixture
def translator(django_user_model):
    return make_user(django_user_model, "translator", "Translators")


@pytest.fixture
def moderator(django_user_model):
    return make_user(django_user_model, "moderator", "Moderators")


def submit(client, page, spanish):
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302, response.content[:300]


@pytest.fixture
def draft_translation(home_page, spanish, admin_client):
    """ "About us", submitted for translation: its Spanish version is a draft nobody
    approved."""
    translate_into_spanish(home_page, {})
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    submit(admin_client, about, spanish)
    spanish_about = about.get_translation(spanish)
    assert not spanish_about.live
    return about, spanish_about


def sync_url(page) -> str:
    return f"/admin/localize/update/{TranslationSource.objects.get_for_instance(page).pk}/"


# -- Finding 1: publishing without publish permission -----------------------------------


@pytest.mark.parametrize("who", ["editor", "translator"])
def test_sync_view_refuses_to_publish_for_people_who_may_not_publish(
    who, request, draft_translation, client, django_capture_on_commit_callbacks
):
    about, spanish_about = draft_translation
    client.force_login(request.getfixturevalue(who))

    form = client.get(sync_url(about))
    assert form.status_code == 200
    assert "Only someone who may publish" in form.content.decode()  # greyed out, and why

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(about), {"publish_translations": "on"})
    assert response.status_code == 200
    assert "Only someone who may publish" in response.content.decode()
    spanish_about.refresh_from_db()
    assert not spanish_about.live
    assert client.get("/es/about/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(about), {})  # syncing without publishing is theirs
    assert response.status_code == 302
    spanish_about.refresh_from_db()
    assert not spanish_about.live


def test_sync_view_publishes_for_moderators(
    draft_translation, moderator, client, django_capture_on_commit_callbacks
):
    about, spanish_about = draft_translation
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(about), {"publish_translations": "on"})

    assert response.status_code == 302
    spanish_about.refresh_from_db()
    assert spanish_about.live


def test_translation_editor_publish_action_is_refused_to_a_translator(
    draft_translation, translator, client, django_capture_on_commit_callbacks
):
    _about, spanish_about = draft_translation
    client.force_login(translator)
    edit_url = f"/admin/pages/{spanish_about.pk}/edit/"
    assert client.get(edit_url).status_code == 200  # wagtail-localize's editor

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    spanish_about.refresh_from_db()
    assert not spanish_about.live


@pytest.mark.parametrize("who", ["editor", "translator"])
def test_convert_to_alias_is_refused_to_people_who_may_not_publish(
    who, request, draft_translation, client
):
    about, spanish_about = draft_translation
    client.force_login(request.getfixturevalue(who))
    url = f"/admin/localize/page/{spanish_about.pk}/convert_to_alias/"

    assert client.get(url)["Location"] == "/admin/"
    response = client.post(url)

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    spanish_about.refresh_from_db()
    assert spanish_about.alias_of_id is None


# -- Finding 2: links a translator overrides -------------------------------------------


@pytest.fixture
def linked_page(home_page, spanish, admin_client):
    """A page whose rich text links to an external site, submitted for translation."""
    translate_into_spanish(home_page, {})
    page = StandardPageFactory(
        parent=home_page,
        title="Resources",
        slug="resources",
        body=[
            ("paragraph", RichText('<p>See <a href="https://example.org/">our partner</a>.</p>'))
        ],
    )
    submit(admin_client, page, spanish)
    return page


def override_url(page, segment) -> str:
    source = TranslationSource.objects.get_for_instance(page)
    translation = source.translations.get()
    return f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"


def put_override(client, url, value):
    boundary = "BoUnDaRy"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="value"\r\n\r\n{value}\r\n'
        f"--{boundary}--\r\n"
    )
    return client.put(url, body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_translators_javascript_link_override_is_refused(linked_page, translator, client):
    source = TranslationSource.objects.get_for_instance(linked_page)
    segment = OverridableSegment.objects.get(source=source, data_json='"https://example.org/"')
    url = override_url(linked_page, segment)
    client.force_login(translator)

    refused = put_override(client, url, JAVASCRIPT)
    tabbed = put_override(client, url, "java\tscript:alert(1)")
    accepted = put_override(client, url, "https://example.org/es/")

    assert refused.status_code == 400
    assert "not a link the site may carry" in refused.json()["value"][0]
    assert tabbed.status_code == 400
    assert accepted.status_code in (200, 201)
    assert json.loads(SegmentOverride.objects.get(context=segment.context).data_json) == (
        "https://example.org/es/"
    )


def test_stored_javascript_link_is_not_rendered_on_the_page_or_in_the_api(home_page, client):
    html = '<p>Click <a href="javascript:alert(1)">here</a> or <a href="/about/">there</a>.</p>'
    StandardPageFactory(
        parent=home_page, title="Trap", slug="trap", body=[("paragraph", RichText(html))]
    )

    page = client.get("/trap/").content.decode()
    api = client.get("/api/v2/pages/", {"type": "home.StandardPage", "fields": "body"})

    assert "Click <a>here</a>" in page
    assert 'href="/about/"' in page
    assert "javascript:" not in page
    assert api.status_code == 200
    assert "javascript:" not in api.content.decode()
    assert "here" in api.content.decode()
    for rich_text_format in ("db_html", "markdown", "db_markdown"):
        stored = client.get(
            "/api/v2/pages/",
            {"type": "home.StandardPage", "fields": "body", "rich_text_format": rich_text_format},
        )
        assert stored.status_code == 200, rich_text_format
        assert "javascript:" not in stored.content.decode(), rich_text_format
        assert "here" in stored.content.decode(), rich_text_format


def test_link_rules():
    for safe in ("https://a.org/", "http://a.org", "mailto:a@b.org", "tel:+1", "/x/", "#top", ""):
        assert is_safe_link(safe), safe
    for unsafe in (
        JAVASCRIPT,
        " JavaScript:x",
        "java&#x09;script:x",
        "data:text/html,x",
        "ftp://a",
    ):
        assert not is_safe_link(unsafe), unsafe
    assert strip_unsafe_links("<a href='javascript:x' class=\"c\">x</a>") == '<a class="c">x</a>'
    assert strip_unsafe_links('<a href="https://a.org/">x</a>') == '<a href="https://a.org/">x</a>'


def test_url_fields_and_blocks_keep_djangos_scheme_validation(home_page):
    directory = MemberDirectoryPageFactory(parent=home_page)
    member = MemberProfilePageFactory(parent=directory)
    member.website = JAVASCRIPT
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "website" in error.value.message_dict
    with pytest.raises(ValidationError):
        blocks.URLBlock().clean(JAVASCRIPT)


def test_wagtails_editor_drops_javascript_links_itself():
    """What Wagtail already does: Draftail's converter refuses a javascript: link."""
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "here",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JAVASCRIPT}}},
    }
    html = ContentstateConverter(features=["link"]).to_database_format(json.dumps(contentstate))
    assert "javascript" not in html


# -- Finding 8: parents copied into Spanish ---------------------------------------------


def test_submitting_a_deep_page_leaves_its_untranslated_spanish_parents_in_draft(
    home_page, spanish, admin_client, client, django_capture_on_commit_callbacks
):
    translate_into_spanish(home_page, {})
    members = StandardPageFactory(parent=home_page, title="Members area", slug="members")
    board = StandardPageFactory(parent=members, title="Board", slug="board")
    PageViewRestriction.objects.create(page=members, restriction_type="login")

    with django_capture_on_commit_callbacks(execute=True):
        submit(admin_client, board, spanish)

    placeholder = members.get_translation(spanish)
    assert placeholder.alias_of_id == members.pk
    assert not placeholder.live
    assert client.get("/es/members/").status_code == 404
    # Publishing the English section again (Wagtail republishes its aliases) keeps it so.
    with django_capture_on_commit_callbacks(execute=True):
        members.save_revision().publish()
    placeholder.refresh_from_db()
    assert not placeholder.live
    assert "Members area" not in client.get("/api/v2/pages/", {"locale": "es"}).content.decode()


# -- Finding 9: the same in every language ----------------------------------------------


@pytest.fixture
def member(home_page, spanish, admin_client):
    translate_into_spanish(home_page, {})
    directory = MemberDirectoryPageFactory(parent=home_page)
    translate_into_spanish(directory, {})
    member = MemberProfilePageFactory(parent=directory, locality="Columbus")
    submit(admin_client, member, spanish)
    return member


def test_translators_are_offered_no_override_of_a_members_state_or_director(member):
    source = TranslationSource.objects.get_for_instance(member)
    paths = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )

    assert not paths & {"home_state", "executive_director", "locality", "year_joined"}
    assert "website" in paths  # another language's site may be the right link


def test_an_override_of_a_non_overridable_field_is_refused(member, translator, client):
    """A source extracted before the field was declared so still has its segment."""
    source = TranslationSource.objects.get_for_instance(member)
    context, _ = TranslationContext.objects.get_or_create(
        object_id=source.object_id, path="executive_director"
    )
    segment = OverridableSegment.objects.create(
        source=source, context=context, order=99, data_json='"Alex Example"'
    )
    client.force_login(translator)

    response = put_override(client, override_url(member, segment), "Someone Else")

    assert response.status_code == 403
    assert not SegmentOverride.objects.filter(context=context).exists()


# -- Finding 11: the translations report ------------------------------------------------


def test_translations_report_lists_only_what_the_user_may_edit(
    draft_translation, django_user_model, translator, client
):
    about, _spanish_about = draft_translation
    about.title = "Secret board minutes"
    about.save_revision()  # a draft title
    TranslationSource.objects.get_for_instance(about).update_from_db()
    plain = django_user_model.objects.create_user("plain", password="x")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(plain)
    for url in (
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "About us" not in response.content.decode()
        assert "Secret board minutes" not in response.content.decode()

    client.force_login(translator)  # may edit every page
    assert "About us" in client.get("/admin/localize/reports/translations/").content.decode()
