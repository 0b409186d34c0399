"""The member login page: the site's design, and a `next` that never leaves the site."""

import pytest

from library.tests.conftest import MEMBER_PASSWORD


@pytest.mark.django_db
def test_login_page_is_in_the_sites_design_and_accessible(home_page, client):
    response = client.get("/login/?next=/library/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<main id="main-content"' in html
    assert "<h1>Member login</h1>" in html
    assert 'label for="id_username"' in html and 'label for="id_password"' in html
    assert '<input type="hidden" name="next" value="/library/">' in html
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/admin/", "javascript:alert(1)", ""],
)
def test_login_never_redirects_off_site_or_to_the_admin(home_page, member, client, next_url):
    response = client.post(
        "/login/", {"username": "member", "password": MEMBER_PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_unsafe_next_is_not_echoed_into_the_form(home_page, client):
    html = client.get("/login/?next=https://evil.example/").content.decode()
    assert "evil.example" not in html


@pytest.mark.django_db
def test_wrong_password_shows_an_error_and_keeps_next(home_page, member, client):
    response = client.post(
        "/login/", {"username": "member", "password": "wrong", "next": "/library/"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert 'name="next" value="/library/"' in html


@pytest.mark.django_db
def test_logged_in_non_member_is_told_why_and_can_log_out(home_page, non_member_client):
    html = non_member_client.get("/login/?next=/library/members/").content.decode()
    assert "cannot see this resource" in html
    response = non_member_client.post("/login/logout/", {"next": "/library/"})
    assert response.status_code == 302
    assert response["Location"] == "/library/"
    assert "_auth_user_id" not in non_member_client.session
