"""save(load(file)) is byte-identical for files in the native format, and
load(save(x)) keeps everything through GraphML and CSV that those carry.
Usage: roundtrip.py IO_TOOL TESTS_IO_DIR WORK_DIR"""
import glob
import json
import os
import subprocess
import sys

tool, data, work = sys.argv[1], os.path.join(sys.argv[2], "data"), sys.argv[3]
os.makedirs(work, exist_ok=True)
failed = passed = 0


def run(*args):
    subprocess.run([tool, *args], check=True)


def result(ok, what):
    global failed, passed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


for src in sorted(glob.glob(os.path.join(data, "*.json"))):
    name = os.path.basename(src)
    out = os.path.join(work, name)
    run("convert", src, out)
    result(open(src, "rb").read() == open(out, "rb").read(), f"{name}: save(load(file)) differs")

    # JSON -> CSV (semicolons, BOM) -> JSON: the fields CSV carries survive.
    a, t = os.path.join(work, "actors.csv"), os.path.join(work, "ties.csv")
    run("convert", src, f"csv:{a}:{t}", "--sep", ";", "--bom")
    back = os.path.join(work, "from_csv.json")
    run("convert", f"csv:{a}:{t}", back)
    s, b = json.load(open(src, encoding="utf-8")), json.load(open(back, encoding="utf-8"))
    for x, y in zip(s["actors"], b["actors"]):
        attrs = {k: v for k, v in x.get("attributes", {}).items() if v != ""}
        result((x["id"], x["name"], x["kind"], x.get("joined"), x.get("interests"), attrs)
               == (y["id"], y["name"], y["kind"], y.get("joined"), y.get("interests"),
                   y.get("attributes", {})), f"{name}: csv actor {x['id']}")
        result(sorted((c["channel"], c["value"]) for c in x.get("contacts", []))
               == sorted((c["channel"], c["value"]) for c in y.get("contacts", [])),
               f"{name}: csv contacts of actor {x['id']}")
    keys = ("id", "form", "members", "start", "end", "imposed", "label", "topics", "goals")
    result([[t.get(k) for k in keys] for t in s["ties"]] == [[t.get(k) for k in keys] for t in b["ties"]],
           f"{name}: csv ties")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
