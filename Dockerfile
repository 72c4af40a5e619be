# The cairn image: the node, the indexer and the local-marketplace script, with the contracts
# compiled at build time. Used by docker-compose.yml; see the README.
#
# Stage 1 builds the two native steps of the contract build (the crate-registry
# universal-sierra-compiler pinned in toolchain.env, and the repo's cairn-sierra-fixup).
FROM rust:1.92-bookworm AS toolchain
ARG UNIVERSAL_SIERRA_COMPILER_VERSION=2.8.0
COPY scripts/contracts/sierra-fixup /src/sierra-fixup
RUN cargo install --locked universal-sierra-compiler --version "${UNIVERSAL_SIERRA_COMPILER_VERSION}" --root /opt/cairn \
 && cargo install --locked --path /src/sierra-fixup --root /opt/cairn

FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --loglevel=error
COPY . .
COPY --from=toolchain /opt/cairn/bin/ /usr/local/bin/
ENV CAIRN_USC_BIN=/usr/local/bin/universal-sierra-compiler \
    CAIRN_SIERRA_FIXUP_BIN=/usr/local/bin/cairn-sierra-fixup
RUN npx tsx scripts/contracts/build.ts && npm run explorer:build
CMD ["npx", "tsx", "scripts/marketplace.ts"]
