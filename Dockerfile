# Copydesk: the text-cleaning HTTP service. One gunicorn (a master and its
# workers) per container; scale by running more containers.
#   docker build -t copydesk .
#   docker run -p 8080:8080 -v "$PWD/rules:/app/rules:ro" copydesk
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    COPYDESK_CACHE_DIR=/app/.cache \
    COPYDESK_RULES_DIR=/app/rules \
    COPYDESK_BIND=0.0.0.0:8080

WORKDIR /app

# Dependencies first, from requirements.txt only: this layer is rebuilt only when it changes.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY gunicorn.conf.py ./
COPY service/ ./service/
COPY rules/ ./rules/

# Build the SymSpell cache and check the rules now, so start-up only reads them;
# compile the bytecode too, since the app's files are read-only at run time.
RUN python -m service prepare \
    && python -m compileall -q service

RUN groupadd --system --gid 10001 copydesk \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin copydesk
# Numeric, so Kubernetes can check runAsNonRoot.
USER 10001:10001

EXPOSE 8080
# No curl in slim images: the standard library asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]

# Rules can be replaced by mounting a directory at /app/rules; SIGHUP reloads them.
CMD ["python", "-m", "service", "serve"]
