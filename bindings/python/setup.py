"""Build and install the Python package netzwerk with pip, offline:

    pip install --no-build-isolation bindings/python

Debian's python3-setuptools and python3-wheel do the packaging; the
extension netzwerk._core is built by the project's own CMake build (the
one build definition), for the interpreter that runs pip. Needs cmake,
swig, a C compiler and the library's own dependencies (README.md, "Build
from source"); not Doxygen.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
# The repository; NW_SOURCE_DIR points elsewhere (a CMake project that adds bindings/).
SOURCE = pathlib.Path(os.environ.get("NW_SOURCE_DIR", HERE.parent.parent))


def version():
    header = (HERE.parent.parent / "include" / "netzwerk" / "common.h").read_text()
    return re.search(r'#define NW_VERSION_STRING "([^"]+)"', header).group(1)


class CMakeBuild(build_ext):
    """Configure and build the target netzwerk_python, then take its module."""

    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        subprocess.run([
            "cmake", "-S", str(SOURCE), "-B", str(build),
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DNW_PYTHON3={sys.executable}",
            "-DNW_BUILD_LUA=OFF", "-DNW_BUILD_EXAMPLES=OFF", "-DBUILD_TESTING=OFF",
            "-DNW_BUILD_DOCS=OFF",
        ], check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "netzwerk_python",
                        "--parallel"], check=True)
        built = build / "bindings" / "python" / "netzwerk" / pathlib.Path(
            self.get_ext_filename(ext.name)).name
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    name="netzwerk",
    version=version(),
    description="Organised social networks in community social work (Netzwerkarbeit "
                "im Sozialraum): the Python binding of libnetzwerk",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    packages=["netzwerk"],
    ext_modules=[Extension("netzwerk._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    # Optional: imported only by the functions that need them (on Debian:
    # python3-pandas, python3-networkx, python3-numpy, python3-matplotlib).
    extras_require={
        "pandas": ["pandas"],                   # to_pandas()
        "networkx": ["networkx"],               # to_networkx()
        "numpy": ["numpy"],                     # arrays for add_ties()
        "notebook": ["pandas", "networkx", "matplotlib"],  # examples/notebooks
        "all": ["pandas", "networkx", "numpy", "matplotlib"],
    },
    zip_safe=False,
)
