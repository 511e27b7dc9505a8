"""Print where to install the netzwerk package for an install prefix.

Usage: python3 install_dir.py PREFIX

The answer is the directory this interpreter searches for that prefix,
relative to the prefix when it lies under it (so that DESTDIR and
`cmake --install --prefix` still work). Debian patches sysconfig: its
default scheme for /usr/local adds "local" itself, and /usr has its own
scheme (deb_system: /usr/lib/python3/dist-packages).
"""

import os
import sys
import sysconfig

prefix = os.path.normpath(sys.argv[1])
schemes = sysconfig.get_scheme_names()
if prefix == "/usr" and "deb_system" in schemes:
    path = sysconfig.get_path("platlib", "deb_system", vars={"base": "/usr", "platbase": "/usr"})
elif prefix == "/usr/local" and sysconfig.get_default_scheme() == "posix_local":
    path = sysconfig.get_path("platlib", "posix_local", vars={"base": "/usr", "platbase": "/usr"})
else:
    path = sysconfig.get_path("platlib", "posix_prefix", vars={"base": prefix, "platbase": prefix})
if os.path.commonpath([path, prefix]) == prefix:
    path = os.path.relpath(path, prefix)
print(path)
