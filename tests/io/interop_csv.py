"""CSV interop: Python's csv module (as a stand-in for spreadsheets) reads our
export with the values of the source document, and a file written the way
Excel writes it (semicolons, byte-order mark, CRLF) imports.
Usage: interop_csv.py IO_TOOL TESTS_IO_DIR WORK_DIR"""
import csv
import json
import os
import subprocess
import sys

tool, data, work = sys.argv[1], os.path.join(sys.argv[2], "data"), sys.argv[3]
os.makedirs(work, exist_ok=True)
failed = passed = 0


def check(ok, what):
    global failed, passed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


src = json.load(open(os.path.join(data, "every_field.json"), encoding="utf-8"))
for sep, bom in ((",", False), (";", True)):
    a, t = os.path.join(work, "actors.csv"), os.path.join(work, "ties.csv")
    args = ["--sep", sep] + (["--bom"] if bom else [])
    subprocess.run([tool, "convert", os.path.join(data, "every_field.json"), f"csv:{a}:{t}", *args], check=True)
    raw = open(a, "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf") == bom, f"sep {sep}: byte-order mark")
    check(b"\r\n" in raw, f"sep {sep}: CRLF line ends")
    rows = list(csv.DictReader(open(a, encoding="utf-8-sig", newline=""), delimiter=sep))
    check(len(rows) == len(src["actors"]), f"sep {sep}: actor rows")
    for row, x in zip(rows, src["actors"]):
        check(row["name"] == x["name"] and row["kind"] == x["kind"] and int(row["id"]) == x["id"],
              f"sep {sep}: actor {x['id']}")
        emails = [c["value"] for c in x.get("contacts", []) if c["channel"] == "email"]
        check(row["email"] == "|".join(emails), f"sep {sep}: emails of {x['id']}")
        postal = [c["value"] for c in x.get("contacts", []) if c["channel"] == "postal"]
        check(row["postal"] == "|".join(postal), f"sep {sep}: postal (with a line break) of {x['id']}")
        for k, v in x.get("attributes", {}).items():
            col = "attr." + k if k in ("id", "kind", "name", "email", "phone", "postal", "other",
                                        "interests", "consent_given", "consent_withdrawn", "joined") else k
            check(row[col] == v, f"sep {sep}: attribute {k} of {x['id']}")
    names = {x["id"]: x["name"] for x in src["actors"]}
    esc = lambda s: s.replace("\\", "\\\\").replace("|", "\\|")
    ties = list(csv.DictReader(open(t, encoding="utf-8-sig", newline=""), delimiter=sep))
    # Every tie of the source is a row (zip below stops at the shorter list).
    check(len(ties) == len(src["ties"]), f"sep {sep}: tie rows ({len(ties)}, expected {len(src['ties'])})")
    for row, x in zip(ties, src["ties"]):
        check(row["members"] == "|".join(esc(names[m]) for m in x["members"]), f"sep {sep}: members of tie {x['id']}")
        check((row["form"], row["start"], row["end"], row["imposed"], row["label"])
              == (x["form"], x["start"], x.get("end", ""), "true" if x.get("imposed") else "false",
                  x.get("label", "")), f"sep {sep}: tie {x['id']}")

# As Excel (German) writes it.
a, t = os.path.join(work, "excel_actors.csv"), os.path.join(work, "excel_ties.csv")
with open(a, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(["Name", "Kind", "Email", "Joined", "Stadtteil"])
    w.writerow(["Müller; Maria", "Person", "maria@example.org", "2024-01-10", "Nord"])
    w.writerow(["Kita \"Sonne\"", "Organisation", "", "", ""])
with open(t, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(["members", "form", "start", "imposed"])
    w.writerow(["Müller; Maria|Kita \"Sonne\"", "Kooperation", "2024-02-01", "WAHR"])
out = os.path.join(work, "excel.json")
subprocess.run([tool, "convert", f"csv:{a}:{t}", out], check=True)
d = json.load(open(out, encoding="utf-8"))
check([x["name"] for x in d["actors"]] == ["Müller; Maria", "Kita \"Sonne\""], "excel import: names")
check(d["actors"][0].get("attributes") == {"Stadtteil": "Nord"}, "excel import: attribute")
check(d["actors"][0]["contacts"] == [{"channel": "email", "value": "maria@example.org"}], "excel import: email")
check([(x["form"], x["members"], x.get("imposed")) for x in d["ties"]] == [("B", [1, 2], True)], "excel import: tie")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
