# syntax=docker/dockerfile:1
# Cordon: the API and the three built SPAs in one image (docker-compose.yml runs it next to PostgreSQL).

# ---- build: install the workspace, build contracts, API and SPAs, then a pruned production copy of the API
FROM node:24-bookworm-slim AS build
ENV CI=true
RUN npm i -g pnpm@12
WORKDIR /src

# Manifests first, so the dependency layer is cached until a manifest or the lockfile changes.
# (A new workspace package needs its package.json listed here.)
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.base.json ./
COPY apps/api/package.json apps/api/
COPY apps/citizen/package.json apps/citizen/
COPY apps/commune/package.json apps/commune/
COPY apps/province/package.json apps/province/
COPY libs/contracts/package.json libs/contracts/
COPY libs/web/package.json libs/web/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile

COPY . .
RUN pnpm --filter @cordon/contracts build \
 && pnpm --filter @cordon/api build \
 && pnpm --filter @cordon/citizen build \
 && pnpm --filter @cordon/commune build \
 && pnpm --filter @cordon/province build

# The API with its production dependencies only; @cordon/contracts (a workspace package) is copied in.
# pnpm >= 12.2 deploys without inject-workspace-packages.
RUN pnpm --filter @cordon/api --prod deploy /out

# ---- runtime: node, the pruned API and the SPAs' static files; no pnpm, no compilers, not root
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_ROOT=/app/web
WORKDIR /app
COPY --from=build /out ./
COPY --from=build /src/apps/citizen/dist ./web/citizen/dist
COPY --from=build /src/apps/commune/dist ./web/commune/dist
COPY --from=build /src/apps/province/dist ./web/province/dist
# Files stay owned by root (read-only for the app); production needs no writable DATA_DIR.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself (not pnpm) is PID 1, so SIGTERM from `docker stop` reaches the API's graceful shutdown.
CMD ["node", "dist/main.js"]
