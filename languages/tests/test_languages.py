"""English and Spanish: the language switcher, hreflang, the sitemap, translated notices,
and the rules around wagtail-localize (who may submit, what is published, privacy)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Locale, Page, PageLogEntry, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.factories import StandardPageFactory, TopicFactory
from home.models import SiteNotice
from languages.tests.translating import publish_translation
from webinars.factories import SeriesFactory, WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def bilingual(home_page, spanish):
    """The home page and "About us" in both languages, and a page only in English."""
    inicio = publish_translation(home_page, spanish, title="Inicio", hero_heading="Construir")
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    sobre = publish_translation(about, spanish, title="Quiénes somos", slug="quienes-somos")
    english_only = StandardPageFactory(parent=home_page, title="Annual report", slug="report")
    return {"inicio": inicio, "about": about, "sobre": sobre, "english_only": english_only}


def switcher_links(html: str) -> dict[str, str]:
    """The language switcher's links: {language code: href}."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "the page has no language switcher"
    return {
        code: href for href, code in re.findall(r'<a href="([^"]*)" lang="([a-z-]+)"', nav.group(0))
    }


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-zA-Z-]+)" href="([^"]+)">', html))


# -- The rendered site -----------------------------------------------------------------


def test_spanish_page_is_served_at_its_es_address_in_spanish(bilingual, client):
    response = client.get("/es/quienes-somos/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "Quiénes somos" in html


def test_switcher_goes_to_the_translation_of_the_current_page(bilingual, client):
    english = client.get("/about/").content.decode()
    spanish = client.get("/es/quienes-somos/").content.decode()

    assert switcher_links(english) == {"en": "/about/", "es": "/es/quienes-somos/"}
    assert switcher_links(spanish) == {"en": "/about/", "es": "/es/quienes-somos/"}
    assert 'lang="es" hreflang="es" aria-current="true">Español</a>' in spanish


def test_switcher_goes_to_the_spanish_home_page_when_a_page_is_not_translated(bilingual, client):
    html = client.get("/report/").content.decode()

    assert switcher_links(html)["es"] == "/es/"


def test_switcher_never_sends_readers_to_a_draft_translation(bilingual, spanish, client):
    draft = bilingual["english_only"].copy_for_translation(spanish)  # not published

    assert not draft.live
    assert switcher_links(client.get("/report/").content.decode())["es"] == "/es/"
    assert client.get(f"/es/{draft.slug}/").status_code == 404


def test_switcher_on_the_search_page_keeps_the_query(bilingual, client):
    html = client.get("/search/", {"q": "census"}).content.decode()

    assert switcher_links(html)["es"] == "/es/search/?q=census"


def test_switcher_carries_the_query_and_nothing_else(bilingual, client):
    response = client.get("/search/", {"q": "census", "next": "/members-area/", "page": "2"})

    assert switcher_links(response.content.decode())["es"] == "/es/search/?q=census"


def test_switcher_follows_a_members_only_page_to_its_members_only_translation(
    bilingual, spanish, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=bilingual["about"], restriction_type="login")
    # A public page whose translation is members-only sends readers to the Spanish home.
    public = StandardPageFactory(parent=bilingual["about"].get_parent(), slug="news")
    secreta = publish_translation(public, spanish, slug="noticias")
    PageViewRestriction.objects.create(page=secreta, restriction_type="login")

    member = User.objects.create_user("reader", password="x")  # noqa: S106 - a test value
    client.force_login(member)
    assert switcher_links(client.get("/about/").content.decode())["es"] == "/es/quienes-somos/"
    assert switcher_links(client.get("/news/").content.decode())["es"] == "/es/"


def test_hreflang_pairs_the_languages_of_a_translated_page(bilingual, client):
    english = hreflangs(client.get("/about/").content.decode())
    spanish = hreflangs(client.get("/es/quienes-somos/").content.decode())

    expected = {
        "en": "http://localhost/about/",
        "es": "http://localhost/es/quienes-somos/",
        "x-default": "http://localhost/about/",
    }
    assert english == spanish == expected


def test_no_hreflang_for_a_page_in_one_language_or_a_private_translation(bilingual, client):
    assert hreflangs(client.get("/report/").content.decode()) == {}

    PageViewRestriction.objects.create(page=bilingual["sobre"], restriction_type="login")
    assert hreflangs(client.get("/about/").content.decode()) == {}


def test_sitemap_lists_both_languages_with_their_alternates(bilingual, spanish, client):
    draft = StandardPageFactory(parent=bilingual["inicio"], title="Borrador", live=False)
    secret = StandardPageFactory(parent=bilingual["inicio"], title="Secreto", slug="secreto")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/es/quienes-somos/</loc>" in xml
    assert "<loc>http://localhost/report/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="es" href="http://localhost/es/quienes-somos/"/>'
        in xml
    )
    # As the pages' own hreflang links: x-default is the English version.
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/about/"/>' in xml
    )
    assert f"/es/{draft.slug}/" not in xml
    assert "/es/secreto/" not in xml


def test_sitemap_query_count_does_not_grow_with_the_number_of_pages(
    bilingual, spanish, client, django_assert_max_num_queries
):
    for number in range(20):
        page = StandardPageFactory(parent=bilingual["about"], slug=f"page-{number}")
        publish_translation(page, spanish, slug=f"pagina-{number}")

    with django_assert_max_num_queries(20):
        xml = client.get("/sitemap.xml").content.decode()
    assert xml.count("<url>") == 2 * 22 + 1


def test_site_notice_is_shown_in_the_readers_language(bilingual, spanish, client):
    notice = SiteNotice.objects.create(text="We’re redesigning our website.")
    assert "We’re redesigning our website." in client.get("/about/").content.decode()
    # Untranslated: Spanish readers see the English notice, marked as English.
    assert (
        '<p lang="en">We’re redesigning our website.</p>'
        in client.get("/es/quienes-somos/").content.decode()
    )

    translated = notice.copy_for_translation(spanish)
    translated.text = "Estamos rediseñando nuestro sitio web."
    translated.save()

    assert "Estamos rediseñando" in client.get("/es/quienes-somos/").content.decode()
    assert "Estamos rediseñando" not in client.get("/about/").content.decode()


# -- Translating with wagtail-localize ---------------------------------------------------


@pytest.fixture
def section_editor(django_user_model, home_page):
    """A translator who may edit the "Library" section only."""
    library = StandardPageFactory(parent=home_page, title="Library", slug="library")
    group = Group.objects.create(name="Library translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    GroupPagePermission.objects.create(
        group=group, page=library, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("translator", password="x")
    user.groups.add(group)
    return user, library


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and
    a "you do not have permission" message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def submit_for_translation(client, page, locale):
    return client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}, follow=False
    )


def test_only_people_who_may_edit_a_page_can_submit_it_for_translation(
    section_editor, home_page, spanish, client
):
    user, library = section_editor
    elsewhere = StandardPageFactory(parent=home_page, title="Board minutes", slug="board")
    client.force_login(user)

    assert refused(client.get(f"/admin/localize/submit/page/{elsewhere.pk}/"))
    assert refused(submit_for_translation(client, elsewhere, spanish))
    assert not Page.objects.filter(locale=spanish).exists()

    assert client.get(f"/admin/localize/submit/page/{library.pk}/").status_code == 200
    response = submit_for_translation(client, library, spanish)
    assert response.status_code == 302
    assert library.get_translation_or_none(spanish) is not None


def test_only_people_who_may_change_a_snippet_can_submit_it_for_translation(section_editor, client):
    user, _library = section_editor
    topic = TopicFactory(name="Child health", slug="child-health")
    client.force_login(user)

    url = f"/admin/localize/submit/snippet/home/topic/{topic.pk}/"
    assert refused(client.get(url))
    user.user_permissions.add(Permission.objects.get(codename="change_topic"))
    assert client.get(url).status_code == 200


def test_submitting_a_page_for_translation_does_not_publish_english_text_in_spanish(
    admin_client, home_page, spanish, client
):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")

    assert submit_for_translation(admin_client, home_page, spanish).status_code == 302
    assert submit_for_translation(admin_client, about, spanish).status_code == 302

    translation = about.get_translation(spanish)
    assert translation.title == "About us"  # a draft to translate, in English for now
    assert not translation.live
    assert client.get("/es/about/").status_code == 404


def translate_all_strings(page, locale, translations: dict[str, str]):
    """What a translator does in wagtail-localize's editor: translate every string."""
    source = TranslationSource.objects.get_for_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translations.get(segment.string.data, segment.string.data)},
        )
    return Translation.objects.get(source=source, target_locale=locale)


@pytest.fixture
def localized_about(admin_client, home_page, spanish, django_capture_on_commit_callbacks):
    """ "About us", translated and published through wagtail-localize."""
    about = StandardPageFactory(
        parent=home_page, title="About us", slug="about", introduction="Who we are."
    )
    for page in (home_page, about):
        submit_for_translation(admin_client, page, spanish)
    spanish_words = {"About us": "Quiénes somos", "about": "quienes-somos"}
    spanish_words |= {"Who we are.": "Quiénes somos.", "Home": "Inicio"}
    for page in (home_page, about):
        translation = translate_all_strings(page, spanish, spanish_words)
        # wagtail-localize publishes when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
    return about


def test_a_published_localize_translation_is_live_in_spanish(localized_about, client):
    html = client.get("/es/quienes-somos/").content.decode()

    assert "Quiénes somos." in html
    assert "Who we are." not in html


def test_translators_see_what_changed_as_soon_as_the_source_is_published(
    localized_about, spanish, client
):
    translation = Translation.objects.get(
        source__object_id=localized_about.translation_key, target_locale=spanish
    )
    total, translated = translation.get_progress()
    assert total == translated

    localized_about.introduction = "Who we are, and what we do."
    localized_about.save_revision().publish()

    total, translated = translation.get_progress()
    assert translated == total - 1  # the changed sentence is waiting for a translator
    # Until a translator publishes, the Spanish page keeps its Spanish text.
    html = client.get("/es/quienes-somos/").content.decode()
    assert "Quiénes somos." in html
    assert "what we do" not in html


# -- Privacy follows the source -----------------------------------------------------------


def test_restricting_a_page_after_translation_restricts_its_translation(
    localized_about, spanish, client, django_capture_on_commit_callbacks
):
    members = Group.objects.get(name="Members")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=localized_about, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([members])

    spanish_page = localized_about.get_translation(spanish)
    mirrored = spanish_page.view_restrictions.get()
    assert mirrored.restriction_type == PageViewRestriction.GROUPS
    assert list(mirrored.groups.all()) == [members]
    response = client.get("/es/quienes-somos/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get("/es/quienes-somos/").status_code == 200


def test_a_translation_whose_sync_was_stopped_stays_as_private_as_its_source(
    localized_about, spanish, client, django_capture_on_commit_callbacks
):
    # wagtail-localize's "Stop synced translation": the Spanish text is the editors' own now.
    Translation.objects.filter(target_locale=spanish).update(enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=localized_about, restriction_type="login")

    assert client.get("/es/quienes-somos/").status_code == 302


def test_changing_a_restriction_changes_its_translations_and_only_once(
    localized_about, spanish, client, django_capture_on_commit_callbacks
):
    members, editors = Group.objects.get(name="Members"), Group.objects.get(name="Editors")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=localized_about, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([members])
    spanish_page = localized_about.get_translation(spanish)
    history = PageLogEntry.objects.filter(page=spanish_page, action__startswith="wagtail.view")
    # One change, one entry in the Spanish page's history (not one per signal).
    assert list(history.values_list("action", flat=True)) == ["wagtail.view_restriction.create"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.set([editors])
    assert list(spanish_page.view_restrictions.get().groups.all()) == [editors]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = "sparc-only"  # noqa: S105 - a test value
        restriction.save()
    mirrored = spanish_page.view_restrictions.get()
    assert (mirrored.restriction_type, mirrored.password) == ("password", "sparc-only")


def test_restricting_a_translation_does_not_change_its_source(
    localized_about, spanish, client, django_capture_on_commit_callbacks
):
    spanish_page = localized_about.get_translation(spanish)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PageViewRestriction.objects.create(page=spanish_page, restriction_type="login")
    assert callbacks  # the privacy rule ran, and left the source alone

    assert client.get("/about/").status_code == 200
    assert not localized_about.view_restrictions.exists()


def test_api_gives_spanish_versions_but_never_a_draft_translation(
    localized_about, admin_client, home_page, spanish, client
):
    draft_source = StandardPageFactory(parent=home_page, title="Annual report", slug="report")
    submit_for_translation(admin_client, draft_source, spanish)  # a draft, not published

    listing = client.get("/api/v2/pages/", {"locale": "es"}).json()
    titles = {item["title"] for item in listing["items"]}
    assert "Quiénes somos" in titles
    assert "Annual report" not in titles

    found = client.get("/api/v2/pages/find/", {"html_path": "/es/quienes-somos/"}, follow=True)
    spanish_about = found.json()
    assert spanish_about["title"] == "Quiénes somos"
    (english,) = spanish_about["meta"]["translations"]
    assert (english["locale"], english["html_url"]) == ("en", "http://localhost/about/")


def test_listings_show_topic_and_series_names_in_the_readers_language_at_a_fixed_query_cost(
    home_page, spanish, client
):
    health = TopicFactory(name="Child health", slug="child-health")
    salud = health.copy_for_translation(spanish)
    salud.name = "Salud infantil"
    salud.save()
    briefings = SeriesFactory(name="Policy briefings", slug="policy-briefings")
    sesiones = briefings.copy_for_translation(spanish)
    sesiones.name = "Sesiones informativas"
    sesiones.save()
    index = WebinarIndexPageFactory(parent=home_page, title="Webinars", slug="webinars")
    publish_translation(home_page, spanish, title="Inicio")
    indice = publish_translation(index, spanish, title="Seminarios web", slug="seminarios-web")

    def add_webinars(count):
        for _ in range(count):
            webinar = WebinarPageFactory(parent=index, topics=[health], webinar_series=briefings)
            translated = webinar.copy_for_translation(spanish)
            translated.save_revision().publish()

    def queries(url):
        # Warm: the first request after a publish reads what every page shows again.
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            html = client.get(url).content.decode()
        return html, len(context.captured_queries)

    add_webinars(2)
    english, _ = queries(index.url)
    spanish_html, few = queries(indice.url)
    assert "<li>Child health</li>" in english
    assert "<li>Salud infantil</li>" in spanish_html
    assert '<option value="child-health">Salud infantil</option>' in spanish_html
    assert "· Sesiones informativas</span>" in spanish_html
    assert '<option value="policy-briefings">Sesiones informativas</option>' in spanish_html
    assert "· Policy briefings</span>" in english
    add_webinars(5)
    assert queries(indice.url)[1] == few


def test_only_people_who_may_edit_the_source_can_sync_its_translations(
    section_editor, localized_about, client
):
    user, _library = section_editor
    source = TranslationSource.objects.get_for_instance(localized_about)
    client.force_login(user)

    assert refused(client.get(f"/admin/localize/update/{source.pk}/"))

    GroupPagePermission.objects.create(
        group=user.groups.get(),
        page=localized_about,
        permission=Permission.objects.get(codename="change_page"),
    )
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200
