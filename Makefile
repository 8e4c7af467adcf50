# folio -- build, set-up, demo and tests.
#
#   make demo    install what is missing, build, render input/ to output/
#   make test    install what is missing, build, run every test
#   make golden-update   regenerate the golden dumps (review the diff!)
#   make conformance     score `folio fo` with ../shared/conformance
#   make bench           layout cost: ms/page and peak RSS, 3 vs 300 pages;
#                        then folio beside FOP, WeasyPrint and a pango floor
#                        (bench/peers.sh; installs BENCH_PACKAGES)
#
# Dependencies are Debian packages (see DEB_PACKAGES); `make deps` installs
# the missing ones with apt-get when run as root and otherwise prints the
# exact command to run.

CC      ?= cc
PKGS     = pangocairo pangoft2 cairo-pdf libxml-2.0 libxslt libexslt fontconfig \
           librsvg-2.0 gdk-pixbuf-2.0
DEB_PACKAGES = build-essential pkg-config libpango1.0-dev libcairo2-dev \
               libxml2-dev libxslt1-dev fonts-paratype fonts-liberation2 \
               librsvg2-dev libgdk-pixbuf-2.0-dev libhyphen-dev hyphen-ru hyphen-en-us \
               libqrencode-dev zbar-tools libdeflate-dev \
               poppler-utils qpdf libxml2-utils xsltproc
# the post stage (src/post/): libqpdf, OpenSSL for signatures, the sRGB
# profile of the OutputIntent; certutil (NSS) for the signing tests
DEB_PACKAGES += libqpdf-dev libssl-dev icc-profiles-free libnss3-tools
POST_LIBS =
# libqpdf and libcrypto are not linked but opened on first use
# (src/post/dl.c): their sonames, read off the development links the -dev
# packages install
soname = $(shell objdump -p "$$($(CC) -print-file-name=$(1))" 2>/dev/null | \
           awk '/SONAME/ {print $$2}')
QPDF_SONAME   := $(call soname,libqpdf.so)
CRYPTO_SONAME := $(call soname,libcrypto.so)

BUILD   := build
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
           -Wno-missing-field-initializers \
           $(if $(QPDF_SONAME),-DFOLIO_QPDF_SONAME='"$(QPDF_SONAME)"') \
           $(if $(CRYPTO_SONAME),-DFOLIO_CRYPTO_SONAME='"$(CRYPTO_SONAME)"')
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The order of DT_NEEDED is the dynamic loader's symbol search order, and
# start-up resolves thousands of symbols over ~50 libraries: libraries that
# define (or bind to themselves) most symbols go first, so a lookup stops
# after a few objects instead of walking past dozens.  libm stays before
# libc, as in the default order, where they define the same names.
# libqpdf (and with it gnutls, nettle, gmp, p11-kit) and libcrypto are not
# linked at all: the post stage opens libqpdf (on a background thread of
# `folio render`), `folio sign` libcrypto (src/post/dl.c); they were 8,300
# of 16,500 symbol bindings and about half of a bare start
# (docs/benchmarks.md).
LINK_ORDER = -Wl,--no-as-needed -lm -lc -lstdc++ -lglib-2.0 \
             -lgobject-2.0 -lgio-2.0 -lxml2 -lpango-1.0 -lcairo \
             -lharfbuzz -Wl,--as-needed
# librsvg is opened on the first SVG (src/image/image.c), libqrencode on
# the first QR code (src/layout/block.c) and libhyphen for a pattern file
# liang.c leaves to it (src/layout/hyphen.c): not linked.  folio-unit
# links libhyphen to compare liang.c with it.
FOLIO_LIBS = $(filter-out -lrsvg-2,$(PKG_LIBS)) $(DEFLATE_LIBS)
# libdeflate compresses the PDF's streams (src/base/deflate.c defines
# zlib's deflate functions for that; libz stays for everything else)
DEFLATE_LIBS = -ldeflate -ldl -lpthread

LIB_SRC := $(wildcard src/base/*.c src/xml/*.c src/xslt/*.c src/fo/*.c src/image/*.c \
                      src/layout/*.c src/render/*.c src/post/*.c) src/pipeline.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
# folio batch (src/batch.c): SHA-256 from GLib, manifests with json-glib
MAIN_OBJ += $(BUILD)/src/batch.o $(BUILD)/src/batch-jobs.o
PKGS += json-glib-1.0
DEB_PACKAGES += libjson-glib-dev parallel
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
HEADERS := $(wildcard src/*.h src/*/*.h src/*/*.def)

.PHONY: all deps demo test golden-update conformance clean fo-support-doc bench bench-deps

all: $(BUILD)/folio $(BUILD)/folio-unit

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	    || { echo "apt-get install failed"; exit 1; }; \
	else \
	  echo "Missing Debian packages. Run:"; \
	  echo "  sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/folio: $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LINK_ORDER) $(FOLIO_LIBS) $(POST_LIBS) -lm

$(BUILD)/folio-unit: $(LIB_OBJ) $(UNIT_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(DEFLATE_LIBS) -lhyphen -lqrencode $(POST_LIBS) -lm

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p output
	$(BUILD)/folio render -d output input/*.xml
	@ls -l output/*.pdf

# The suite, then the sanitizer subset; the last line sums both, so the
# output ends with one "N passed, N failed" as CI expects.
test: deps
	@$(MAKE) --no-print-directory all
	@log=$$(mktemp); rcf=$$(mktemp); \
	{ tests/run.sh; echo $$? >$$rcf; } | tee $$log; rc=$$(cat $$rcf); \
	{ $(MAKE) --no-print-directory asan-quick; echo $$? >$$rcf; } | tee -a $$log; \
	[ "$$(cat $$rcf)" = 0 ] || rc=1; \
	{ $(MAKE) --no-print-directory tsan-quick; echo $$? >$$rcf; } | tee -a $$log; \
	[ "$$(cat $$rcf)" = 0 ] || rc=1; \
	awk '/^((a|t)san: )?[0-9]+ passed, [0-9]+ failed$$/ { sub(/^(a|t)san: /, ""); p += $$1; f += $$3 } \
	     END { printf "%d passed, %d failed\n", p, f }' $$log; \
	rm -f $$log $$rcf; exit $$rc

golden-update: all
	GOLDEN_UPDATE=1 tests/run.sh golden

bench: all bench-deps
	bench/run.sh
	bench/peers.sh

# The peers of bench/peers.sh: only `make bench` needs them (not make deps).
BENCH_PACKAGES = fop weasyprint default-jdk-headless time
bench-deps:
	@missing=""; \
	for p in $(BENCH_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	    || { echo "apt-get install failed"; exit 1; }; \
	else \
	  echo "Missing Debian packages for the benchmarks. Run:"; \
	  echo "  sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi

conformance: all
	../shared/conformance/run '$(BUILD)/folio fo {in} -o {out}'

fo-support-doc: $(BUILD)/folio
	@{ echo '# XSL-FO support in folio'; echo; \
	   echo 'Generated by `make fo-support-doc` from src/fo/elements.def and'; \
	   echo 'src/fo/props.def, the tables the engine itself uses. Anything'; \
	   echo 'marked "no" is reported as a warning with its line when a'; \
	   echo 'document uses it.'; echo; \
	   $(BUILD)/folio --list-fo-support; } > docs/fo-support.md

clean:
	rm -rf $(BUILD)

# ---- hostile input: sanitizers, valgrind, fuzzing (docs/security.md) ----
#
#   make asan       the whole suite against a build with AddressSanitizer and
#                   UndefinedBehaviorSanitizer (build-asan/); any report fails
#   make asan-quick the fast subset `make test` runs under the sanitizers:
#                   unit tests, the hostile scripts but the batch kill
#                   test, and the error scripts but the business rules
#                   (about 50 s; the goldens, e2e, kill and rules scripts
#                   run only in `make asan`, to keep `make test` within a
#                   few minutes)
#   make leakcheck  valgrind over goldens, a protocol and a report: no leak
#                   from folio's own code (tests/valgrind.supp: library caches)
#   make fuzz       libFuzzer targets (tests/fuzz/), FUZZ_SECONDS each;
#                   installs FUZZ_PACKAGES first
ASAN_BUILD   = build-asan
SAN_FLAGS    = -fsanitize=address,undefined,float-cast-overflow \
               -fno-sanitize-recover=undefined,float-cast-overflow \
               -fno-omit-frame-pointer
# leaks are valgrind's job (make leakcheck): LSan cannot tell fontconfig's
# process-lifetime caches from our own losses without a suppression list
ASAN_ENV     = ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99 \
               UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99 \
               HOSTILE_ROWS=10000
ASAN_QUICK   = unit/ hostile/xml hostile/xslt hostile/layout hostile/images \
               hostile/output hostile/fuzz-regress errors/fo- errors/malformed \
               errors/missing errors/schema errors/unknown errors/unwritable
# make tsan-quick (run by make test): the tests that start folio's threads
# (a cold render checks the document on one thread while it compiles the
# stylesheet, and loads patterns, fonts and libqpdf on two more; a long
# flow's paragraphs are set on several) against a ThreadSanitizer build;
# tests/tsan.supp leaves out pango's own threads and locks
TSAN_BUILD   = build-tsan
TSAN_ENV     = TSAN_OPTIONS="halt_on_error=1 exitcode=99 suppressions=$(CURDIR)/tests/tsan.supp" \
               G_SLICE=always-malloc
TSAN_QUICK   = e2e/timings e2e/protocols errors/schema errors/unknown hostile/xslt \
               e2e/batch/ e2e/sign e2e/qr e2e/layout-threads
FUZZ_PACKAGES = clang-14 libclang-rt-14-dev
FUZZ_BUILD   = build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = xml-fo props pipeline protocol

.PHONY: asan asan-build asan-quick tsan-build tsan-quick leakcheck fuzz fuzz-build

tsan-build:
	@$(MAKE) --no-print-directory BUILD=$(TSAN_BUILD) \
	  CC="$(CC) -fsanitize=thread -fno-omit-frame-pointer" all

# $(call san_run,ENV,BUILD-DIR,TESTS,PREFIX): tests/run.sh on each of
# TESTS against the build in BUILD-DIR, lines prefixed "PREFIX: "
define san_run
@rc=0; log=$$(mktemp); for f in $(3); do \
  $(1) FOLIO_BUILD_DIR=$(2) TEST_TIMEOUT=180 tests/run.sh $$f >$$log 2>&1 || rc=1; \
  sed 's/^/$(4): /' $$log; \
done; rm -f $$log; exit $$rc
endef

tsan-quick: tsan-build
	$(call san_run,$(TSAN_ENV),$(TSAN_BUILD),$(TSAN_QUICK),tsan)

asan-build:
	@$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) CC="$(CC) $(SAN_FLAGS)" all

asan: deps asan-build
	$(ASAN_ENV) FOLIO_BUILD_DIR=$(ASAN_BUILD) TEST_TIMEOUT=180 tests/run.sh

asan-quick: asan-build
	$(call san_run,$(ASAN_ENV),$(ASAN_BUILD),$(ASAN_QUICK),asan)

FUZZ_CC   = clang-14 -fsanitize=fuzzer-no-link,address,undefined \
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer

$(BUILD)/fuzz-%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIB_OBJ)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -DFUZZ_REPO='"$(CURDIR)"' -fsanitize=fuzzer \
	  -o $@ $< $(LIB_OBJ) $(PKG_LIBS) $(DEFLATE_LIBS) -lhyphen -lqrencode $(POST_LIBS) -lm

fuzz-build:
	@missing=""; for p in $(FUZZ_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Run: sudo apt-get install -y$$missing"; exit 1; fi; fi
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC="$(FUZZ_CC)" \
	  $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)

fuzz: deps fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

leakcheck: deps all
	@command -v valgrind >/dev/null || { echo "Run: apt-get install -y valgrind"; exit 1; }
	tests/leakcheck.sh
