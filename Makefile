# Trading Backtest: the two commands that matter are `make run` and `make test`.
SHELL := /bin/bash
MVNW  := backend/mvnw -f backend/pom.xml -B
JAR   := backend/app/target/trading-backtest.jar
# Builds talk to no one: Next.js would otherwise send anonymous telemetry.
export NEXT_TELEMETRY_DISABLED := 1
# The web application's static export, bundled into the jar under static/ (FrontendConfiguration serves it).
EXPORT         := frontend/out/index.html
FRONTEND_DEPS  := frontend/node_modules/.package-lock.json
FRONTEND_FILES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
                  frontend/package.json frontend/next.config.ts frontend/scripts/externalize-inline-scripts.mjs

.DEFAULT_GOAL := help
.PHONY: help run build format test test-repo test-backend test-frontend test-e2e test-deploy frontend frontend-dev check-java check-node clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

run: build ## Build and start the app on http://localhost:8080 (embedded PostgreSQL unless DATABASE_URL is set)
	@set -a; [ -f .env ] && . ./.env; set +a; exec java $${JAVA_OPTS:-} -jar $(JAR)

build: check-java frontend ## Build the web application and the service jar that serves it (tests skipped)
	rm -rf backend/app/target/classes/static
	mkdir -p backend/app/target/classes/static
	cp -R frontend/out/. backend/app/target/classes/static/
	$(MVNW) -q -DskipTests -Dspotless.check.skip=true package

format: $(FRONTEND_DEPS) ## Format every Java (google-java-format via Spotless) and web file (Prettier) in place
	$(MVNW) -q spotless:apply
	cd frontend && npm run format

test: test-repo test-backend test-frontend test-e2e test-deploy ## Run every test of the repository

test-repo: ## Tracked files: no merge-conflict markers, no reference to a document outside the repository
	scripts/check-repo.sh

test-backend: check-java ## Format check, Error Prone, engine and service tests (JUnit, ArchUnit, real embedded PostgreSQL)
	$(MVNW) verify

test-frontend: $(FRONTEND_DEPS) ## Web application: format check (Prettier), lint (with feature boundaries), types, unit and component tests (Vitest)
	cd frontend && npm run format:check && npm run lint && npm run typecheck && npm test

test-e2e: check-java $(EXPORT) $(FRONTEND_DEPS) ## Browser tests: the real jar on a throwaway database, driven in Chromium
	scripts/e2e.sh

test-deploy: check-java ## Deployment: shellcheck over every script; nginx (the repository's nginx.conf) in front of the real app
	scripts/lint-shell.sh
	scripts/test-nginx.sh

frontend: $(EXPORT) ## Build the web application's static export (frontend/out)

frontend-dev: $(FRONTEND_DEPS) ## Next.js dev server on :3000 against a backend on :8080 (make run)
	cd frontend && npm run dev

$(EXPORT): $(FRONTEND_DEPS) $(FRONTEND_FILES)
	cd frontend && npm run build

$(FRONTEND_DEPS): frontend/package-lock.json | check-node
	cd frontend && npm ci --no-audit --no-fund

check-java:
	@v=$$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $$2}'); \
	 if [ -z "$$v" ] || [ "$${v%%.*}" -lt 17 ]; then echo "Java 17 or newer is required (found: $${v:-none})" >&2; exit 1; fi

check-node:
	@v=$$(node -p 'process.versions.node' 2>/dev/null); \
	 if [ -z "$$v" ] || [ "$${v%%.*}" -lt 20 ]; then echo "Node.js 20 or newer is required (found: $${v:-none})" >&2; exit 1; fi

clean: ## Remove build output (keeps ./var, the local database)
	$(MVNW) -q clean
	rm -rf frontend/out frontend/.next
