"""Which request headers a URL's stored responses vary by, kept in this process too.

Django's cache framework looks a response up in two steps: the list of headers the
URL's responses vary by (stored by `learn_cache_key`), then the response under a key
built from those headers' values. A hit would ask the shared cache twice; a header list
is a few names, the same in every process and for as long as its key prefix (the
content version) lasts, so each process keeps a copy of the ones it has seen and a hit
asks Redis once, for the response. A copy another process has since replaced only
costs a miss: the response is built and stored, and the list learnt again.
"""

import threading
from collections import OrderedDict

# Header lists kept per process (a few hundred bytes each): the URLs read most.
MAX_KEPT = 10_000
_MISSING = object()


class HeaderLists:
    """A cache-like object for Django's get_cache_key and learn_cache_key (their
    `cache` argument): reads this process's copy first, writes through."""

    def __init__(self, shared, max_kept: int = MAX_KEPT):
        self.shared, self.max_kept = shared, max_kept
        self._kept: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            value = self._kept.get(key, _MISSING)
            if value is not _MISSING:
                self._kept.move_to_end(key)
                return value
        value = self.shared.get(key, _MISSING)
        if value is _MISSING:
            return default
        self._keep(key, value)
        return value

    def set(self, key, value, timeout=None):
        self.shared.set(key, value, timeout)
        self._keep(key, value)

    def clear_kept(self) -> None:
        with self._lock:
            self._kept.clear()

    def _keep(self, key, value) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.max_kept:
                self._kept.popitem(last=False)
