# syntax=docker/dockerfile:1
# Tastemaker: the Discord bot as a container. `docker compose up -d` runs it with Redis (docker-compose.yml);
# README, "Run in production", has upgrade, backup and restore.
#
# Paths in the image:
#   /app/data  the shipped, read-only artifacts (starter-movies.csv, the community prior, word vectors). They are
#              part of the image on purpose, NOT a volume: a volume would keep an old copy across upgrades.
#   /app/var   the volume for what the bot writes: the SQLite database (STORE_URL below) and its backups.

# 1. Compile TypeScript to dist/ (src, commands, and the backup script: `node dist/scripts/backup.js`).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY deploy/tsconfig.image.json ./deploy/
COPY src ./src
COPY commands ./commands
COPY scripts/backup.ts ./scripts/
RUN npx tsc -p deploy/tsconfig.image.json

# 2. Production dependencies only. sqlite3 and @napi-rs/canvas ship prebuilt binaries; the toolchain is
#    the fallback for a platform without one, and stays in this stage.
FROM node:20-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The runtime: node, the compiled code, production modules and the shipped data; runs as `node` (uid 1000).
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    STORE_URL=sqlite:///app/var/tastemaker.sqlite \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0 \
    SHUTDOWN_GRACE_S=10
WORKDIR /app
COPY --chown=root:root package.json ./
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# data/ without local state (.dockerignore leaves out data/*.sqlite*, data/tmp, data/backups).
COPY --chown=root:root data ./data
RUN mkdir -p /app/var/backups && chown -R node:node /app/var
USER node
VOLUME ["/app/var"]
# The health and metrics port (/healthz, /metrics). Publish it to the host's 127.0.0.1 only, or scrape it
# from the compose network; it has no authentication.
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || 9464) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the main process (no npm in between), so SIGTERM reaches the bot's graceful stop.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/index.js"]
