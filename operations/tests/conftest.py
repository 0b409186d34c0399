from operations.tests.servers import cache_on, hanging_server, redis_server  # noqa: F401
