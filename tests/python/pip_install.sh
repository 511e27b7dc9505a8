#!/usr/bin/env bash
# pip install of the source tree, offline, as bindings/python/README.md says:
# into a fresh virtual environment with Debian's setuptools and wheel
# (--no-build-isolation, --no-index: nothing is downloaded), then use the
# installed package from outside the source tree.
#
# usage: pip_install.sh <python3> <source dir> <work dir>
set -euo pipefail
python=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/pip" install --no-build-isolation --no-index --quiet "$source/bindings/python"
cd "$work"
"$work/venv/bin/python" - "$work/venv" <<'PY'
import datetime, pathlib, sys
import netzwerk as nw

# The package comes from the environment, not from the build or source tree.
venv = pathlib.Path(sys.argv[1]).resolve()
assert venv in pathlib.Path(nw.__file__).resolve().parents, nw.__file__

net = nw.Network("Pip")
a, b, c = (net.add_actor(n) for n in ("A", "B", "C"))
net.add_tie(nw.Form.KONTAKT, [a, b], datetime.date(2025, 1, 1))
net.add_tie(nw.Form.KONTAKT, [b, c], datetime.date(2025, 1, 1))
snap = net.snapshot(datetime.date(2025, 2, 1))
# A path of three: the middle actor lies on the one shortest path A-C.
assert snap.betweenness(ids=True) == {1: 0.0, 2: 1.0, 3: 0.0}, snap.betweenness(ids=True)
# The optional dependencies are declared as extras.
import importlib.metadata
extras = set(importlib.metadata.metadata("netzwerk").get_all("Provides-Extra") or ())
assert {"pandas", "networkx", "numpy", "notebook", "all"} <= extras, extras
print("pip install: OK,", nw.__file__)
PY
