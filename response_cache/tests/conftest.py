from operations.tests.servers import cache_on, hanging_server, redis_server  # noqa: F401
from tests.conftest import api_site  # noqa: F401 - a page tree of every section
