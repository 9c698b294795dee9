"""gunicorn in production (Dockerfile, docker-compose.yml) and in the benchmark (dev.py bench).

Threaded workers (gthread): each process serves several requests at once, so a page that
waits on PostgreSQL, a streamed export or a PDF download does not hold a whole process,
and each thread keeps its database connection (CONN_MAX_AGE). A worker is restarted when
it stops answering for `timeout` seconds; with gthread a long request (an export) does not
count against it, only a stuck process does.

    gunicorn buengobierno.wsgi -c gunicorn.conf.py

Environment: PORT (8000), WEB_CONCURRENCY (processes: cores + 1), GUNICORN_THREADS (4),
GUNICORN_TIMEOUT (60 s).
"""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle each process now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
# Request time in microseconds (%(D)s) on every line: what production serves, measured.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(D)sus "%(f)s" "%(a)s"'
