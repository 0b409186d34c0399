"""In Debian's Chromium (/usr/bin/chromium, driven by playwright): the home page, a webinar
page (with its JSON-LD), the admin login and the admin dashboard load with no CSP
violation. Nothing leaves this machine: any request off 127.0.0.1 is aborted."""

import os

import pytest

from conftest import service_unavailable
from security.tests.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
# A live server needs committed rows; serialized_rollback puts back the migrations' rows
# (the locales) that the flush after a transactional test removes for the tests after it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def console_problems(base_url, paths, login=None):
    """Loads each path and returns the CSP violations and console errors seen."""
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base_url) else route.abort()
            ),
        )
        page.on(
            "console",
            lambda message: (
                problems.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
                else None
            ),
        )
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e =>"
            " console.error('Content Security Policy violation: ' + e.violatedDirective"
            " + ' ' + e.blockedURI))"
        )
        if login:
            page.goto(base_url + "/admin/login/")
            page.fill("input[name=username]", login[0])
            page.fill("input[name=password]", login[1])
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
        for path in paths:
            page.goto(base_url + path)
            page.wait_for_load_state("networkidle")
        browser.close()
    return problems


@pytest.fixture
def chromium():
    if not os.path.exists(CHROMIUM):
        service_unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        service_unavailable("playwright is not installed (requirements-dev.txt)")


def test_public_pages_and_the_admin_load_without_csp_violations(
    chromium, live_server, site_pages, admin_user
):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # playwright's loop; no ORM used here
    paths = [site_pages["home"].url, site_pages["webinar"].url, site_pages["member directory"].url]
    try:
        assert console_problems(live_server.url, [*paths, "/admin/login/"]) == []
        assert (
            console_problems(
                live_server.url, ["/admin/", "/admin/pages/"], login=("boss", PASSWORD)
            )
            == []
        )
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
