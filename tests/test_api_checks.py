"""The deployment check that the content version (behind the API's validators) is
shared by every web process."""

import pytest
from django.core import checks

REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ""}}
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
NOTHING = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def deployment_messages(deploy=True):
    messages = checks.run_checks(tags=[checks.Tags.caches], include_deployment_checks=deploy)
    return [message for message in messages if message.id.startswith("content_api.")]


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.WEB_CONCURRENCY = 1
    return settings


@pytest.mark.parametrize("caches", [LOCAL_MEMORY, NOTHING])
def test_several_processes_without_a_shared_cache_fail_the_deployment_check(production, caches):
    production.CACHES = caches
    production.WEB_CONCURRENCY = 4
    (message,) = deployment_messages()
    assert message.level == checks.WARNING
    assert "REDIS_URL" in message.hint


def test_several_processes_sharing_redis_pass(production):
    production.CACHES = REDIS
    production.WEB_CONCURRENCY = 4
    assert deployment_messages() == []


def test_one_process_may_keep_the_version_in_its_own_memory(production):
    production.CACHES = LOCAL_MEMORY
    assert deployment_messages() == []


def test_a_cache_that_stores_nothing_is_a_warning_even_for_one_process(production):
    production.CACHES = NOTHING
    assert [message.id for message in deployment_messages()] == ["content_api.W101"]


def test_development_and_plain_check_are_not_concerned(production):
    production.CACHES = LOCAL_MEMORY
    production.WEB_CONCURRENCY = 4
    assert deployment_messages(deploy=False) == []
    production.DEBUG = True
    assert deployment_messages() == []


def test_web_concurrency_comes_from_the_environment(monkeypatch):
    import importlib

    from settings import environment

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    try:
        assert importlib.reload(environment).WEB_CONCURRENCY == 3
        monkeypatch.setenv("WEB_CONCURRENCY", "")  # empty means the default
        assert importlib.reload(environment).WEB_CONCURRENCY == 1
    finally:
        monkeypatch.delenv("WEB_CONCURRENCY")
        importlib.reload(environment)
