# Trading Backtest: the two commands that matter are `make run` and `make test`.
SHELL := /bin/bash
MVNW  := backend/mvnw -f backend/pom.xml -B
JAR   := backend/app/target/trading-backtest.jar

.DEFAULT_GOAL := help
.PHONY: help run build test test-backend check-java clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

run: build ## Build and start the app on http://localhost:8080 (embedded PostgreSQL unless DATABASE_URL is set)
	@set -a; [ -f .env ] && . ./.env; set +a; exec java $${JAVA_OPTS:-} -jar $(JAR)

build: check-java ## Build the service jar (tests skipped)
	$(MVNW) -q -DskipTests package

test: test-backend ## Run every test of the repository

test-backend: check-java ## Engine and service tests (JUnit, ArchUnit, real embedded PostgreSQL)
	$(MVNW) verify

check-java:
	@v=$$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $$2}'); \
	 if [ -z "$$v" ] || [ "$${v%%.*}" -lt 17 ]; then echo "Java 17 or newer is required (found: $${v:-none})" >&2; exit 1; fi

clean: ## Remove build output (keeps ./var, the local database)
	$(MVNW) -q clean
