# One image for web, worker and beat (see docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HRDD_VAR_DIR=/var/lib/hrdd
WORKDIR /app
# Pango for WeasyPrint (evidence packs and the annual statement as PDF).
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY . .
RUN pip install --no-cache-dir . && mkdir -p /var/lib/hrdd \
    && python -c "from rules.textsignals.morphology import warm_romance_dictionaries as w; w()"
EXPOSE 8000
CMD ["gunicorn", "hrdd.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"]
