# SPDX-License-Identifier: GPL-2.0-only
#
# The two commands of the README, plus developer targets. Builds go to build/ (and
# build-asan/ for the sanitizer run); outputs of `make demo` go to results/.
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_BUILD_TYPE ?= RelWithDebInfo
CTEST_FLAGS ?= --output-on-failure -j $(JOBS)

CLANG_FORMAT ?= clang-format
FORMAT_FILES = $(shell git ls-files '*.c' '*.h' '*.cc' 2>/dev/null)

.PHONY: all deps build test demo test-asan test-ns3-43 test-slurm fuzz valgrind format format-check clean

all: build

deps:
	@utils/install-deps.sh

# Configure once; afterwards `cmake --build` re-runs CMake by itself when a CMakeLists.txt
# changes, so a second `make` with nothing changed does nothing.
build: deps
	@test -f $(BUILD_DIR)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(CMAKE_BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest $(CTEST_FLAGS)

demo: build
	@mkdir -p results
	$(BUILD_DIR)/bin/packmime-http --rate=100 --duration=60 --outdir=results
	$(BUILD_DIR)/bin/packmime-plot results

test-asan: deps
	@utils/install-deps.sh --sanitizers
	@test -f $(ASAN_DIR)/CMakeCache.txt || \
	  cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPACKMIME_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ctest $(CTEST_FLAGS)

# make test against Debian 13's packaged ns-3.43 (C++20, ns3::<module> targets), inside a
# debootstrap'd root cached in /var/cache/packmime (PACKMIME_CHROOT_CACHE); as root.
test-ns3-43:
	utils/test-debian-chroot.sh trixie

# packmime-sweep as a Slurm job array on a single-node Slurm started for the test (as root;
# skipped with a message otherwise).
test-slurm: build
	test/packmime-slurm-test.sh $(BUILD_DIR)/bin

# valgrind memcheck on a short run of every example and tool.
valgrind: build
	@command -v valgrind >/dev/null || utils/install-deps.sh --valgrind
	utils/valgrind.sh $(BUILD_DIR)/bin

# libFuzzer targets of every parser (clang, ASan + UBSan), each run for FUZZ_SECONDS.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@utils/install-deps.sh --fuzz
	@test -f $(FUZZ_DIR)/CMakeCache.txt || \
	  cmake -S fuzz -B $(FUZZ_DIR) -DCMAKE_C_COMPILER=clang
	cmake --build $(FUZZ_DIR) -j $(JOBS)
	fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

format:
	$(CLANG_FORMAT) -i $(FORMAT_FILES)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)
