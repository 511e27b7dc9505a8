"""Saved files validate against docs/netzwerk.schema.json (python3-jsonschema),
and documents that break the format do not.
Usage: schema.py IO_TOOL TESTS_IO_DIR WORK_DIR"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema

tool, io_dir, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
schema = json.load(open(os.path.join(io_dir, "..", "..", "docs", "netzwerk.schema.json"), encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=jsonschema.FormatChecker())
failed = passed = 0


def expect(doc, valid, what):
    global failed, passed
    errors = list(validator.iter_errors(doc))
    if (not errors) == valid:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, [e.message for e in errors][:3])


# Files the library saved: the data set, and imports from GraphML and CSV.
saved = []
for src in sorted(glob.glob(os.path.join(io_dir, "data", "*.json"))):
    base = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(work, base + ".json")
    subprocess.run([tool, "convert", src, out], check=True)
    g = os.path.join(work, base + ".graphml")
    subprocess.run([tool, "convert", src, g], check=True)
    subprocess.run([tool, "convert", g, os.path.join(work, base + "_graphml.json")], check=True)
    a, t = os.path.join(work, "a.csv"), os.path.join(work, "t.csv")
    subprocess.run([tool, "convert", src, f"csv:{a}:{t}"], check=True)
    subprocess.run([tool, "convert", f"csv:{a}:{t}", os.path.join(work, base + "_csv.json")], check=True)
    saved += [out, os.path.join(work, base + "_graphml.json"), os.path.join(work, base + "_csv.json")]
for path in saved:
    expect(json.load(open(path, encoding="utf-8")), True, path)

# Broken documents.
good = json.load(open(saved[0], encoding="utf-8"))
def broken(change):
    d = copy.deepcopy(good)
    change(d)
    return d
expect(broken(lambda d: d.update(version=2)), False, "a newer version")
expect(broken(lambda d: d.pop("name")), False, "no name")
expect(broken(lambda d: d["actors"][0].update(kind="robot")), False, "unknown kind")
expect(broken(lambda d: d["actors"][0].update(joined="2024-1-1")), False, "bad date")
expect(broken(lambda d: d["actors"][0].update(nmae="x")), False, "unknown member")
expect(broken(lambda d: d["ties"][0].update(form="E")), False, "unknown form")
expect(broken(lambda d: d["ties"][0].update(members=[1])), False, "one member")
expect(broken(lambda d: d["ties"][0].update(id=0)), False, "identity 0")
expect(broken(lambda d: d["ties"][0]["interactions"][0].update(kind="fax")), False, "interaction kind")

# Checklists: the fixture's cooperation (ties[0]) and contact (ties[1]) have one.
coop = good["ties"][0]["checklist"]["items"]
assert good["ties"][0]["form"] == "B" and any(i["code"] == "custom" for i in coop)
assert any(i["code"] == "coop.partner_benefit" for i in coop) and "checklist" in good["ties"][1]
def item(t, code):
    return lambda d: next(i for i in d["ties"][t]["checklist"]["items"] if i["code"] == code)
def change_item(t, code, f):
    return lambda d: f(item(t, code)(d))
expect(broken(change_item(0, "coop.goal", lambda i: i.update(code="coop.budget"))), False, "unknown item code")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(code="group.relevance"))), False,
       "an item of another form")
expect(broken(change_item(1, "contact.consent", lambda i: i.update(code="coop.goal"))), False,
       "a cooperation's item in a contact")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(state="closed"))), False, "unknown state")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(label="x"))), False, "a built-in item's label")
expect(broken(change_item(0, "custom", lambda i: i.pop("label"))), False, "a user's item without label")
expect(broken(change_item(0, "coop.partner_benefit", lambda i: i.pop("partner"))), False,
       "a per-partner item without partner")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(partner=1))), False, "a partner on coop.goal")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(due="2024-13-01"))), False, "a bad due date")
expect(broken(change_item(0, "coop.goal", lambda i: i.update(responsible=0))), False, "responsible 0")
expect(broken(lambda d: d["ties"][0]["checklist"].pop("next_item_id")), False, "no next_item_id")
expect(broken(lambda d: d["ties"][0]["checklist"].update(next_item_id=4294967297)), False,
       "next_item_id beyond used up")
expect(broken(lambda d: d["ties"][0]["checklist"].update(next_item_id=4294967296)), True,
       "next_item_id used up")
expect(broken(change_item(0, "custom", lambda i: i.update(code="coop.goal", label=None) or i.pop("label"))),
       True, "a second coop.goal (the library refuses it, the schema cannot tell)")
# Consent records: the fixture's actor 4 has two (every field, and an opt-out).
withrec = next(i for i, a in enumerate(good["actors"]) if "consents" in a)
recs = good["actors"][withrec]["consents"]
assert {r["type"] for r in recs} == {"opt-in", "opt-out"} and "withdrawn" in recs[0]
def change_consent(f):
    return lambda d: f(d["actors"][withrec]["consents"][0])
expect(broken(change_consent(lambda c: c.update(type="maybe"))), False, "unknown consent type")
expect(broken(change_consent(lambda c: c.pop("given"))), False, "a consent without given")
expect(broken(change_consent(lambda c: c.update(expires="2026-13-01"))), False, "a bad expiry")
expect(broken(change_consent(lambda c: c.update(purpose="a\nb"))), False, "a purpose of two lines")
expect(broken(change_consent(lambda c: c.update(signed=True))), False, "an unknown consent field")
expect(broken(lambda d: d["actors"][withrec].update(consent_given="2024-01-01")), False,
       "consents and consent_given together")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
