# The Assay service (API + worker). The sandboxes it runs are separate images: see sandboxes/.
# BASE_IMAGE must provide Node.js 20+ and npm; where no registry is reachable, pass a local one.
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM ${BASE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 DATABASE_URL=/data/assay.db
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY drizzle ./drizzle
COPY challenges ./challenges
# Image tags are content hashes of these folders: the service needs them to name the sandbox images.
COPY sandboxes ./sandboxes
COPY runners ./runners
VOLUME /data
EXPOSE 3000
CMD ["node", "dist/main.js"]
