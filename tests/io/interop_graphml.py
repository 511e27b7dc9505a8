"""GraphML interop: NetworkX and python-igraph read our export with the same
nodes, edges and attribute values; GraphML files written by NetworkX and by
igraph import into our model.

Expected values come from the source document (read with Python's json), not
from our writer. Usage: interop_graphml.py IO_TOOL TESTS_IO_DIR WORK_DIR
"""
import json
import math
import os
import subprocess
import sys

import igraph
import networkx as nx

TOOL, WORK = sys.argv[1], sys.argv[3]
DATA = os.path.join(sys.argv[2], "data")
os.makedirs(WORK, exist_ok=True)
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def tool(*args):
    r = subprocess.run([TOOL, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"io_tool {' '.join(args)} failed: {r.stderr}")


# ---- our export, read by NetworkX and igraph ------------------------------
src = json.load(open(os.path.join(DATA, "every_field.json"), encoding="utf-8"))
graphml = os.path.join(WORK, "every_field.graphml")
tool("convert", os.path.join(DATA, "every_field.json"), graphml)

actors = {f"a{a['id']}": a for a in src["actors"]}
expected_edges = []  # (u, v, tie) with u < v by identity
ties = {t["id"]: t for t in src["ties"]}
for t in src["ties"]:
    m = sorted(t["members"])
    for i in range(len(m)):
        for j in range(i + 1, len(m)):
            expected_edges.append((f"a{m[i]}", f"a{m[j]}", t["id"]))


def check_edge_attrs(tool_name, u, v, d, none_value):
    t = ties[int(d["tie"])]
    where = f"{tool_name} edge {u}-{v} tie {t['id']}"
    check(d["form"] == t["form"], f"{where}: form")
    check(d["strong"] == (t["form"] in "BD"), f"{where}: strong")
    check(d["start"] == t["start"], f"{where}: start")
    check(d.get("end", none_value) == t.get("end", none_value), f"{where}: end")
    check(d["imposed"] == t.get("imposed", False), f"{where}: imposed")
    check(d.get("label", none_value) == t.get("label", none_value), f"{where}: label")
    check(int(d["members"]) == len(t["members"]), f"{where}: members")
    log = t.get("interactions", [])
    check(int(d["interactions"]) == len(log), f"{where}: interactions")
    last = max((e["date"] for e in log), default=none_value)
    check(d.get("last_interaction", none_value) == last, f"{where}: last_interaction")


# NetworkX
G = nx.read_graphml(graphml)
check(set(G.nodes) == set(actors), "networkx: node set")
for n, a in actors.items():
    d = G.nodes[n]
    check(d["name"] == a["name"], f"networkx node {n}: name")
    check(d["kind"] == a["kind"], f"networkx node {n}: kind")
    check(d.get("joined") == a.get("joined"), f"networkx node {n}: joined")
    check(d.get("consent_withdrawn") == a.get("consent_withdrawn"), f"networkx node {n}: withdrawn")
    for k, v in a.get("attributes", {}).items():
        name = "attr." + k if k in ("name", "kind", "joined", "interests") else k
        # NetworkX reads an empty <data> element as no value.
        check(d.get(name) == v or (v == "" and d.get(name) is None), f"networkx node {n}: attribute {k}")
check(G.is_multigraph(), "networkx: parallel edges (two ties of one pair) give a multigraph")
got = sorted((min(u, v, key=lambda s: int(s[1:])), max(u, v, key=lambda s: int(s[1:])), d["tie"])
             for u, v, d in G.edges(data=True))
check(got == sorted(expected_edges), f"networkx: edges {got} != {sorted(expected_edges)}")
for u, v, d in G.edges(data=True):
    check_edge_attrs("networkx", u, v, d, None)
check(G.graph.get("name") == src["name"], "networkx: graph name")

# igraph
g = igraph.Graph.Read_GraphML(graphml)
check(not g.is_directed(), "igraph: undirected")
check(sorted(g.vs["id"]) == sorted(actors), "igraph: node ids")
for vtx in g.vs:
    a = actors[vtx["id"]]
    check(vtx["name"] == a["name"], f"igraph node {vtx['id']}: name")
    check(vtx["kind"] == a["kind"], f"igraph node {vtx['id']}: kind")
    check((vtx["joined"] or None) == a.get("joined"), f"igraph node {vtx['id']}: joined")
got = []
for e in g.es:
    u, v = g.vs[e.source]["id"], g.vs[e.target]["id"]
    u, v = sorted((u, v), key=lambda s: int(s[1:]))
    got.append((u, v, int(e["tie"])))
    # igraph fills absent values: "" for strings.
    d = {k: (None if e[k] == "" else e[k]) for k in e.attributes()}
    check_edge_attrs("igraph", u, v, d, None)
check(sorted(got) == sorted(expected_edges), "igraph: edges")
check(g["name"] == src["name"], "igraph: graph name")

# Our own import of our export keeps identities.
back = os.path.join(WORK, "back.json")
tool("convert", graphml, back)
b = json.load(open(back, encoding="utf-8"))
check([a["id"] for a in b["actors"]] == [a["id"] for a in src["actors"]], "import: actor ids")
check([(t["id"], t["members"]) for t in b["ties"]] == [(t["id"], t["members"]) for t in src["ties"]],
      "import: tie ids and members")

# ---- a NetworkX-written file imports into our model ------------------------
H = nx.Graph()
H.add_node("Anna", kind="group", Rolle="Sprecherin")
H.add_node("Ben")
H.add_node("Cleo", Rolle="Kassiererin")
H.add_edge("Anna", "Ben", form="B", start="2024-03-01", weight=2.5)
H.add_edge("Ben", "Cleo")
nxfile = os.path.join(WORK, "networkx.graphml")
nx.write_graphml(H, nxfile)
out = os.path.join(WORK, "networkx.json")
tool("convert", nxfile, out, "--default-start", "2024-01-01", "--name", "Aus NetworkX")
d = json.load(open(out, encoding="utf-8"))
check(d["name"] == "Aus NetworkX", "networkx import: name")
names = {a["id"]: a["name"] for a in d["actors"]}
check(sorted(names.values()) == ["Anna", "Ben", "Cleo"], "networkx import: actors")
anna = next(a for a in d["actors"] if a["name"] == "Anna")
check(anna["kind"] == "group", "networkx import: kind")
check(anna.get("attributes") == {"Rolle": "Sprecherin"}, "networkx import: attribute")
got = sorted((sorted(names[m] for m in t["members"]), t["form"], t["start"]) for t in d["ties"])
check(got == [(["Anna", "Ben"], "B", "2024-03-01"), (["Ben", "Cleo"], "C", "2024-01-01")],
      f"networkx import: ties {got}")

# ---- an igraph-written file (Zachary's karate club) imports too ------------
k = igraph.Graph.Famous("Zachary")
kfile = os.path.join(WORK, "karate.graphml")
k.write_graphml(kfile)
out = os.path.join(WORK, "karate.json")
tool("convert", kfile, out, "--default-start", "2024-01-01")
d = json.load(open(out, encoding="utf-8"))
check(len(d["actors"]) == k.vcount() == 34, "igraph import: 34 actors")
check(len(d["ties"]) == k.ecount() == 78, "igraph import: 78 ties")
pairs = sorted(tuple(sorted(t["members"])) for t in d["ties"])
check(pairs == sorted((min(e.tuple) + 1, max(e.tuple) + 1) for e in k.es), "igraph import: edges")

print(f"{len(FAILURES)} failed" if FAILURES else "all GraphML interop checks passed")
sys.exit(1 if FAILURES else 0)
