# Herald: build, check and deploy. `make` alone lists the targets.
.DEFAULT_GOAL := help
.PHONY: help build test web-test simulate local local-java validate deploy destroy require-region

JAR := target/herald.jar
# JDK 25, when there is one, runs `make local` with its ahead-of-time cache (scripts/aot-cache.sh); JDK 17 otherwise.
JAVA25 ?= $(firstword $(wildcard $(if $(JAVA25_HOME),$(JAVA25_HOME)/bin/java) /usr/lib/jvm/temurin-25*/bin/java /usr/lib/jvm/*-25-*/bin/java))
AOT := target/herald.aot
SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)
TF := terraform -chdir=deploy/terraform
# One region for both stacks, so the Notifier polls a queue in its own region.
REGION ?= $(or $(AWS_REGION),$(AWS_DEFAULT_REGION))
# Extra SAM parameters, e.g. PARAMS="JwtIssuer=https://auth.example.com JwtAudience=herald"
PARAMS ?=
# e.g. TF_APPLY_FLAGS=-auto-approve in a pipeline; by default terraform asks first.
TF_APPLY_FLAGS ?=

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: $(JAR) ## Build target/herald.jar

# A file target, so that an unchanged jar keeps its timestamp and the ahead-of-time cache trained on it stays valid.
$(JAR): $(SOURCES)
	mvn -B -q package -DskipTests
	@touch $(JAR)

# The deploy checks run first; the browser client's tests run last, on the jar that `mvn verify` built, so
# node's test summary is the last thing printed.
test: node_modules ## Run every test: deploy checks, unit, integration (real servers on loopback), architecture, browser client
	python3 deploy/checks/validate.py
	mvn -B verify
	$(MAKE) --no-print-directory web-test

# Playwright drives Debian's chromium (/usr/bin/chromium); it must never fetch a browser of its own.
web-test: node_modules ## Run the browser client's tests (Node, and the test page in headless Chromium) on target/herald.jar
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node --test --test-concurrency=1 web/test/*.test.js

simulate: build ## Run the seeded simulation of the core with every fault injected
	java -jar $(JAR) simulate --seed 7 --clients 2000 --notifications 20000 --faults all

# The local stack's JVM (docs/local-performance.md has the measurements): a heap of 64 to 512 MB (20,000 connections
# fit); the serial collector, which keeps the heap as small as its live data allows; a first metaspace threshold above
# what the stack loads, so that loading it triggers no full collection; on JDK 25, compact object headers as well.
# LOCAL_JIT is the client compiler alone by default: a developer's traffic comes in bursts, and C1 compiles a burst's
# code in a fraction of the CPU C2 takes. Sustained load (herald bench's steady and soak scenarios at hundreds of
# notifications a second) needs C2's faster code: `make local LOCAL_JIT=`. Pass LOCAL_JVM_OPTS= for the JVM's defaults.
LOCAL_JIT ?= -XX:TieredStopAtLevel=1
LOCAL_JVM_OPTS ?= -Xms64m -Xmx512m -XX:+UseSerialGC -XX:MetaspaceSize=128m $(LOCAL_JIT)
ifneq ($(JAVA25),)
# The cache's own notes (a stub it could not link), Pekko's sun.misc.Unsafe notice and Netty's loading of its epoll
# library are not the developer's concern. scripts/aot-cache.sh trains with the same options: the cache refuses
# its module handling to a run whose options differ, so a change of LOCAL_JVM_OPTS retrains it.
JAVA25_OPTS := --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED $(LOCAL_JVM_OPTS) \
  -XX:+UseCompactObjectHeaders
LOCAL_JAVA := $(JAVA25) -XX:AOTCache=$(AOT) -Xlog:aot*=error $(JAVA25_OPTS)
LOCAL_NEEDS := $(AOT)
else
LOCAL_JAVA := java $(LOCAL_JVM_OPTS)
LOCAL_NEEDS := $(JAR)
endif
# What `make local` runs, for tools that start the stack themselves (the side-by-side harness takes it as --java and
# --jvm-args): `make -s local-java`.
local-java:
	@echo '$(LOCAL_JAVA)'

local: $(LOCAL_NEEDS) ## Run the local stack from the jar (on JDK 25 with its ahead-of-time cache when JDK 25 is installed)
	$(LOCAL_JAVA) -jar $(JAR) local

# Trained again when the jar or the options change (target/herald.aot.opts holds the options it was trained with).
$(AOT): $(JAR) $(AOT).opts
	scripts/aot-cache.sh $(JAVA25) $(AOT) $(JAVA25_OPTS)

$(AOT).opts: FORCE
	@mkdir -p $(dir $@)
	@echo '$(JAVA25) $(JAVA25_OPTS)' | cmp -s - $@ || echo '$(JAVA25) $(JAVA25_OPTS)' > $@

.PHONY: FORCE
FORCE:

node_modules: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch node_modules

validate: node_modules ## Offline checks: HCL parse, cfn-lint, cross-check and its tests
	python3 deploy/checks/validate.py

require-region:
	@test -n "$(REGION)" || { echo "Set AWS_REGION (or REGION=...) for both Terraform and SAM" >&2; exit 1; }

deploy: require-region ## terraform apply, build, then sam deploy fed by terraform's outputs
	$(TF) init -input=false
	AWS_REGION=$(REGION) $(TF) apply -input=false $(TF_APPLY_FLAGS)
	$(MAKE) build
	overrides="$$(AWS_REGION=$(REGION) $(TF) output -json | python3 deploy/outputs-to-parameters.py)" && \
	cd deploy/sam && sam deploy --region $(REGION) --parameter-overrides $$overrides $(PARAMS)

destroy: require-region ## sam delete, then terraform destroy (the table is retained)
	cd deploy/sam && sam delete --region $(REGION) --no-prompts
	AWS_REGION=$(REGION) $(TF) destroy -input=false
