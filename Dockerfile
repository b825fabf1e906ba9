# moonshot-mock in a container: docker build -t moonshot-mock . && docker run --rm -p 4000:4000 moonshot-mock
FROM node:24-alpine AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# npm ci runs `prepare` (the build); then drop the dev tools.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:24-alpine
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/_mock/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# 0.0.0.0 inside the container only, so `-p` can reach it; outside, the CLI's default stays 127.0.0.1.
# Any Host name: other containers reach it by their service name (e.g. http://moonshot-mock:4000).
ENTRYPOINT ["node", "dist/bin.js", "--host", "0.0.0.0", "--allowed-hosts", "*"]
