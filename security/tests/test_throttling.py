"""Finding 6: 30 wrong passwords, then the right one, must not get in, at the member
login, the admin login and a password-restricted page; after the cool-off it does, and
another user (or another client) is never locked out by someone else's guesses."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from security.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOCKOUT = "Too many failed attempts"
LOGINS = {"member login": "/login/", "admin login": "/admin/login/"}


def log_in(client, url, username, password, **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def is_logged_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.parametrize("url", LOGINS.values(), ids=LOGINS.keys())
def test_thirty_wrong_passwords_then_the_right_one_is_refused_with_a_message(
    client, url, admin_user
):
    for _ in range(30):
        log_in(client, url, admin_user.username, "wrong-guess")
    response = log_in(client, url, admin_user.username, PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in_as(client, admin_user)
    html = response.content.decode()
    assert LOCKOUT in html and "15 minutes" in html
    assert 'name="password"' in html, "the login form again, not a bare error"


@pytest.mark.parametrize("url", LOGINS.values(), ids=LOGINS.keys())
def test_after_the_cool_off_the_right_password_logs_in(client, url, admin_user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(6):
            log_in(client, url, admin_user.username, "wrong-guess")
        assert log_in(client, url, admin_user.username, PASSWORD).status_code == 429
        traveller.shift(timedelta(minutes=16))
        response = log_in(client, url, admin_user.username, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in_as(client, admin_user)


def test_four_failures_then_success_resets_the_count(client, member):
    for _ in range(4):
        log_in(client, "/login/", member.username, "wrong-guess")
    assert log_in(client, "/login/", member.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, "/login/", member.username, "wrong-guess")
    assert log_in(client, "/login/", member.username, PASSWORD).status_code == 302


def test_someone_elses_guesses_lock_out_neither_another_user_nor_another_client(
    client, member, admin_user
):
    for _ in range(30):
        log_in(client, "/login/", admin_user.username, "wrong-guess")
    assert log_in(client, "/login/", member.username, PASSWORD).status_code == 302
    client.logout()
    response = log_in(client, "/login/", admin_user.username, PASSWORD, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302


def test_the_api_is_not_throttled(client, admin_user, home_page):
    for _ in range(10):
        log_in(client, "/login/", admin_user.username, "wrong-guess")
    assert client.get("/api/v2/pages/").status_code == 200


@pytest.fixture
def password_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Board papers")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="board-2030"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    return page, url


def send_password(client, url, password, return_url, **extra):
    return client.post(url, {"password": password, "return_url": return_url}, **extra)


def test_password_restricted_page_25_guesses_then_the_right_one_is_refused(client, password_page):
    page, url = password_page
    for _ in range(25):
        assert send_password(client, url, "guess", page.url).status_code in (200, 429)
    response = send_password(client, url, "board-2030", page.url)
    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()
    assert "Board papers" not in client.get(page.url).content.decode()


def test_password_restricted_page_opens_after_the_cool_off_and_for_other_clients(
    client, password_page
):
    page, url = password_page
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(6):
            send_password(client, url, "guess", page.url)
        other = send_password(Client(), url, "board-2030", page.url, REMOTE_ADDR="10.0.0.9")
        assert other.status_code == 302
        assert send_password(client, url, "board-2030", page.url).status_code == 429
        traveller.shift(timedelta(minutes=16))
        response = send_password(client, url, "board-2030", page.url)
    assert response.status_code == 302
    assert "Board papers" in client.get(page.url).content.decode()
