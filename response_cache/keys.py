"""What a stored response is keyed by, besides its URL: the state of the whole site.

Django's cache keys (`django.utils.cache.get_cache_key`/`learn_cache_key`) name the full
URL (scheme, host, so the site, path and query), the language of the request and the
headers the response varies by. What they lack is the content the response was built
from, which is the same for every URL: the site's content version, which every change
the public can see replaces when its transaction commits, in every process
(content_api.caching), and the parts the clock changes (a webinar becoming past:
`time_states()`; a campaign milestone falling behind today: the local date). All three
go into the key prefix, so a change makes every stored response unreachable at once,
with nothing to delete.

The prefix is computed once per request, when the response is looked up, and the
response is stored under that same prefix: a request that read the content before a
change committed stores what it read under the version it read it at, never under the
new one.
"""

import hashlib

from django.utils import timezone

from content_api.caching import REPRESENTATION_REVISION, content_version, time_states

# Bump when what the middleware stores changes shape, so no process reads an old entry.
STORAGE_REVISION = "1"


def key_prefix() -> str:
    """The prefix of every response cache key for a request made now."""
    state, _ = time_states()
    parts = [
        STORAGE_REVISION,
        REPRESENTATION_REVISION,
        content_version()["token"],
        state,
        timezone.localdate().isoformat(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f"response-cache.{digest}"
