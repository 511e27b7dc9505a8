"""Every file in bad/ breaks one rule or limit; loading it must fail with the
code and message listed in bad/MANIFEST, and leave nothing behind: io_tool
expect-error also fails if the load wrote to its output network pointer or
left a block of the library allocated (its counting allocator).
Usage: bad_files.py IO_TOOL TESTS_IO_DIR WORK_DIR"""
import os
import shlex
import subprocess
import sys

tool, bad = sys.argv[1], os.path.join(sys.argv[2], "bad")
failed = passed = 0
for line in open(os.path.join(bad, "MANIFEST"), encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    name, code, text, *opts = shlex.split(line)
    if name.startswith("csv:"):
        path = "csv:" + ":".join(os.path.join(bad, p) for p in name[4:].split(":"))
    else:
        path = os.path.join(bad, name)
    r = subprocess.run([tool, "expect-error", path, code, text, *opts], capture_output=True, text=True)
    if r.returncode == 0:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {r.stderr.strip()}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
