"""gunicorn's settings for the web processes. gunicorn reads ./gunicorn.conf.py from the
directory it starts in, so the README's `gunicorn --pythonpath site ... wsgi:application`
run from the project folder uses it; options on the command line (or in
GUNICORN_CMD_ARGS, e.g. "--threads 16") override it.

Threaded workers (gthread), because sync workers serve one connection at a time: an idle
keep-alive connection from a client, a slow client or a load balancer holds the whole
worker, so 200 concurrent clients queue behind a handful of workers and time out. A
gthread worker keeps up to `worker_connections` connections open in its event loop and
hands each request to one of its `threads`; bench/load.py holds 200 concurrent
connections with 0 errors and 0 timeouts this way (README, "Load").

Each thread keeps its own database connection when DATABASE_CONN_MAX_AGE > 0: size
PostgreSQL's max_connections for WEB_CONCURRENCY × threads per web host.
"""

import os

# gunicorn's own default for workers is WEB_CONCURRENCY too; said here for the reader.
workers = int(os.environ.get("WEB_CONCURRENCY") or 1)
worker_class = "gthread"
threads = 8
worker_connections = 1000
# Longer than a load balancer's probe interval, shorter than its idle timeout (60 s on
# most): the balancer, not gunicorn, closes idle connections first.
keepalive = 5
timeout = 30
graceful_timeout = 30
