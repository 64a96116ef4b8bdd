# syntax=docker/dockerfile:1
# One image for both processes: the api (default CMD) and the Temporal worker (compose overrides the command).
# The runtime executes TypeScript through tsx (no emit step), so the image carries sources + production node_modules.

# ---- base: Node + pinned pnpm -------------------------------------------------------------------
FROM node:20-bookworm-slim AS base
RUN npm install -g pnpm@10.34.8
WORKDIR /app

# ---- deps: every workspace dependency, needed to build the editor ---------------------------------
# Manifests first, so source edits do not invalidate the install layer.
FROM base AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches patches
COPY packages/shared/package.json packages/shared/
COPY packages/runtime/package.json packages/runtime/
COPY packages/editor/package.json packages/editor/
RUN --mount=type=cache,id=casework-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store

# ---- build: the editor's static bundle (packages/editor/dist) ------------------------------------
FROM deps AS build
COPY tsconfig.base.json ./
COPY packages/shared packages/shared
COPY packages/editor packages/editor
RUN pnpm --filter @casework/editor build

# ---- prod-deps: only what the runtime (and the shared package it imports) needs at run time ------
# A fresh filtered install rather than `pnpm prune`: no dev tools, no editor dependencies.
FROM base AS prod-deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches patches
COPY packages/shared/package.json packages/shared/
COPY packages/runtime/package.json packages/runtime/
COPY packages/editor/package.json packages/editor/
RUN --mount=type=cache,id=casework-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --filter '@casework/runtime...' --store-dir /pnpm/store

# ---- runtime --------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production CASEWORK_EDITOR_DIR=/app/packages/editor/dist HOST=0.0.0.0 PORT=3000
WORKDIR /app
# Dependencies before sources (they change less often). pnpm's symlinks are relative, so they survive the copy.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/packages/shared/node_modules ./packages/shared/node_modules
COPY --from=prod-deps /app/packages/runtime/node_modules ./packages/runtime/node_modules
COPY package.json pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/shared packages/shared
COPY packages/runtime packages/runtime
COPY --from=build /app/packages/editor/dist ./packages/editor/dist
# Files stay root-owned (read-only to the app); the processes run as the image's unprivileged `node` user.
USER node
# tsx is a dependency of packages/runtime (not of the workspace root), so `--import tsx` must resolve from here.
WORKDIR /app/packages/runtime
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/server.ts"]
