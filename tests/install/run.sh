#!/usr/bin/env bash
# Install test: install the build to a temporary prefix, then build
# examples/quickstart.c (with example_network.c) against the installed files
# only, the two ways users do it (pkg-config and find_package), and run the
# programs; then use the installed Python package and Lua module.
#
# usage: run.sh <build dir> <source dir> <cmake> <C compiler>
set -euo pipefail

build=$1 source=$2 cmake=$3 cc=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/netzwerk-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
quickstart=("$source/examples/quickstart.c" "$source/examples/example_network.c")
# Consumers must not find the build tree by accident.
unset LD_LIBRARY_PATH PKG_CONFIG_PATH CMAKE_PREFIX_PATH

fail() { echo "install test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "install to $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }

pc=$(find "$prefix" -name netzwerk.pc -path '*/pkgconfig/*')
[ -n "$pc" ] || fail "netzwerk.pc not installed"
libdir=$(dirname "$(dirname "$pc")")
for f in "$prefix/include/netzwerk.h" "$prefix/include/netzwerk/export.h" \
         "$libdir/libnetzwerk.so" "$libdir/libnetzwerk.a" \
         "$libdir/cmake/netzwerk/netzwerkConfig.cmake" \
         "$libdir/cmake/netzwerk/netzwerkConfigVersion.cmake"; do
    [ -e "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
[ ! -e "$prefix/include/internal.h" ] || fail "lib/internal.h must not be installed"

step "public headers keep the handles opaque"
# Every `typedef struct X X;` in the headers is a handle; none may be defined.
handles=$(grep -rhoE 'typedef struct (nw_[a-z0-9_]+) \1;' "$prefix/include" | awk '{print $3}' | sort -u)
[ -n "$handles" ] || fail "no handle typedefs found in the installed headers"
for h in $handles; do
    if grep -rnE "struct[[:space:]]+${h}[[:space:]]*\{" "$prefix/include"; then
        fail "installed header defines the handle struct $h"
    fi
done
echo "opaque: ${handles//$'\n'/ }"

step "the library exports exactly the NW_API functions of the headers"
# A declared but unimplemented function shows up here, not only in a user's
# link; an exported internal helper too.
grep -rhoE 'NW_API[^(;]*[^a-z0-9_](nw_[a-z0-9_]+) *\(' "$prefix/include" \
    | sed -E 's/.*[^a-z0-9_](nw_[a-z0-9_]+) *\($/\1/' | sort -u >"$work/declared"
nm -D --defined-only "$libdir/libnetzwerk.so" | awk '$2 == "T" {print $3}' | sort -u >"$work/exported"
[ -s "$work/declared" ] || fail "no NW_API declarations found"
if ! diff_out=$(comm -3 "$work/declared" "$work/exported") || [ -n "$diff_out" ]; then
    echo "declared only (left) / exported only (right):"
    echo "$diff_out"
    fail "exported symbols differ from the NW_API declarations"
fi
echo "$(wc -l <"$work/declared") functions"

step "pkg-config --validate"
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
pkg-config --validate netzwerk || fail "pkg-config --validate"
[ "$(pkg-config --variable=prefix netzwerk)" = "$prefix" ] || fail "netzwerk.pc prefix is not $prefix"

step "build with pkg-config (shared)"
# shellcheck disable=SC2046  # word splitting of the flags is wanted
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror "${quickstart[@]}" -o "$work/qs_pc" \
    $(pkg-config --cflags --libs netzwerk) || fail "cc with pkg-config"
# (Capture first: `ldd | grep -q` can fail under pipefail when grep exits early.)
deps=$(LD_LIBRARY_PATH=$libdir ldd "$work/qs_pc")
grep -q "$libdir/libnetzwerk.so" <<<"$deps" || fail "qs_pc does not load the installed library"
LD_LIBRARY_PATH=$libdir "$work/qs_pc" >"$work/qs_pc.out" || fail "qs_pc exited with $?"

step "build with pkg-config --static (static library)"
# The documented way: --static adds -DNW_STATIC_DEFINE and the private
# dependencies; the archive is named so that the .so beside it is not used.
[[ " $(pkg-config --static --cflags netzwerk) " == *" -DNW_STATIC_DEFINE "* ]] \
    || fail "pkg-config --static --cflags lacks -DNW_STATIC_DEFINE"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror "${quickstart[@]}" -o "$work/qs_pc_static" \
    $(pkg-config --static --cflags netzwerk) "$libdir/libnetzwerk.a" \
    $(pkg-config --static --libs netzwerk | sed 's/-lnetzwerk\b//') \
    || fail "cc with the static library"
deps=$(ldd "$work/qs_pc_static")
if grep -q libnetzwerk <<<"$deps"; then fail "qs_pc_static is linked dynamically"; fi
"$work/qs_pc_static" >/dev/null || fail "qs_pc_static exited with $?"

step "build with find_package(netzwerk)"
"$cmake" -S "$source/tests/install/consumer" -B "$work/consumer" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" -DNW_QUICKSTART="$(IFS=";"; echo "${quickstart[*]}")" \
    >"$work/consumer.log" || { cat "$work/consumer.log"; fail "configure the consumer"; }
"$cmake" --build "$work/consumer" >>"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "build the consumer"; }
# The CMake build sets an RPATH to the installed library.
deps=$(ldd "$work/consumer/quickstart_shared")
grep -q "$libdir/libnetzwerk.so" <<<"$deps" || fail "quickstart_shared does not load the installed library"
"$work/consumer/quickstart_shared" >"$work/qs_cmake.out" || fail "quickstart_shared exited with $?"
deps=$(ldd "$work/consumer/quickstart_static")
if grep -q libnetzwerk <<<"$deps"; then fail "quickstart_static is linked dynamically"; fi
"$work/consumer/quickstart_static" >/dev/null || fail "quickstart_static exited with $?"
cmp -s "$work/qs_pc.out" "$work/qs_cmake.out" || fail "the two builds print different output"

# The bindings, where the README says they go: each interpreter finds its
# module in the prefix with the documented path setting, and uses it.
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
if [ "$(cache NW_BUILD_PYTHON)" = ON ]; then
    step "the Python package, from $(cache NW_PYTHON_INSTALL_DIR)"
    (cd "$work" && PYTHONPATH="$prefix/$(cache NW_PYTHON_INSTALL_DIR)" "$(cache NW_PYTHON3)" -c '
import datetime, sys, netzwerk as nw
assert nw.__file__.startswith(sys.argv[1]), nw.__file__
net = nw.Network("Installiert")
a, b = net.add_actor("A"), net.add_actor("B")
net.add_tie(nw.Form.KONTAKT, [a, b], datetime.date(2025, 1, 1))
assert net.snapshot(datetime.date(2025, 2, 1)).degree(ids=True) == {1: 1, 2: 1}
' "$prefix") || fail "the installed Python package"
fi
if [ "$(cache NW_BUILD_LUA)" = ON ]; then
    step "the Lua module, from $(cache NW_LUA_INSTALL_DIR)"
    (cd "$work" && NW_PREFIX=$prefix LUA_CPATH="$prefix/$(cache NW_LUA_INSTALL_DIR)/?.so;;" \
        "$(cache NW_LUA_EXECUTABLE)" -e '
local nw = require "netzwerk"
local net = nw.Network("Installiert")
local a, b = net:add_actor("A"), net:add_actor("B")
net:add_tie(nw.KONTAKT, {a, b}, "2025-01-01")
assert(net:snapshot{as_of = "2025-02-01"}:degree()[a.id] == 1)
local prefix = os.getenv("NW_PREFIX")
assert(package.searchpath("netzwerk", package.cpath):sub(1, #prefix) == prefix)
') || fail "the installed Lua module"
fi

echo "install test: OK ($(wc -l <"$work/qs_pc.out") lines of output, 4 builds, bindings)"
