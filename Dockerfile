# Production image: one process serves the API under /api, socket.io and the web client at /.
# Build:  docker build -t twinning .
FROM node:24-bookworm-slim AS build
WORKDIR /app
# .npmrc (engine-strict) before npm ci: the image's Node must satisfy package.json engines (>= 24.11).
COPY package.json package-lock.json .npmrc ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/contracts/tsconfig.lib.json libs/contracts/
COPY libs/contracts/src libs/contracts/src
COPY tsconfig.base.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --projects=contracts,api,web \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/libs/contracts/package.json ./libs/contracts/package.json
COPY --from=build --chown=node:node /app/libs/contracts/dist ./libs/contracts/dist
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
