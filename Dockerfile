# Production image: gunicorn web, Celery worker and Celery beat all run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VAR_DIR=/srv/var

# WeasyPrint needs Pango; DejaVu gives the PDFs a font without any download.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/app
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock

COPY . .
# A throwaway key: settings refuse a weak one with DEBUG off, and this one is never kept.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" python manage.py collectstatic --no-input -v 0 \
    && useradd --system --home /srv buengobierno \
    && mkdir -p /srv/var && chown -R buengobierno /srv/var
USER buengobierno

EXPOSE 8000
# Threaded workers, timeouts and the access log with request times: gunicorn.conf.py.
CMD ["gunicorn", "buengobierno.wsgi", "-c", "gunicorn.conf.py"]
