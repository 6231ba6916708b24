# One image for every Eventwire process: api, worker, beat, migrate.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EVENTWIRE_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY eventwire ./eventwire
COPY service ./service
COPY workers ./workers
COPY schemas ./schemas
COPY extraction ./extraction
COPY storage ./storage
RUN pip install -c constraints.txt '.[ops]' \
 && useradd --create-home --uid 10001 eventwire \
 && mkdir -p /data /metrics && chown eventwire /data /metrics

USER eventwire
EXPOSE 8000
CMD ["eventwire", "serve", "--host", "0.0.0.0", "--port", "8000"]
