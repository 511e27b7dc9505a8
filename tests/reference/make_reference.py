#!/usr/bin/python3
"""Reference values for libnetzwerk's network measures, from igraph and NetworkX.

Run with Debian's /usr/bin/python3 (python3-igraph, python3-networkx):

    make_reference.py OUTDIR

For each graph it writes OUTDIR/<name>.net (the network: actors and ties with
forms and dates, which tests/reference/test_reference.c loads into netzwerk)
and OUTDIR/<name>.ref (the values igraph and NetworkX compute on the graph the
analysis must see: every pair of members of a tie that exists on the date).

The graphs are seeded, so every run writes the same files; the test suite
runs this script before the comparison so that the references cannot drift
from the libraries on the machine.

.ref lines (vertex i is the i-th actor of the .net file):
    vec <measure> <source> v_0 ... v_{n-1}     one value per vertex
    scalar <measure> <source> value
    pairs <measure> <source> u v u v ...       a set of pairs (u < v), sorted
    spans <measure> <source> u v span ...      local bridges with their span (-1: infinite)
    pairvec <measure> <source> x_0 ...         one value per pair, pairs sorted (u, v)
<source> is igraph, networkx, or python (computed here from the definition
with NetworkX's graph primitives, for measures neither library has).
"""

import math
import os
import random
import statistics
import sys

import igraph as ig
import networkx as nx

# Weighted graphs: the weight of a pair is the base weight of its tie's form
# (options: weight_base 1, the other term weights 0), chosen as powers of two
# so that the lengths 1/w are exact and equal paths compare equal in every
# library. Several ties between two actors: 1 - prod(1 - w).
BASES = {"A": 0.125, "B": 1.0, "C": 0.25, "D": 0.5}
KINDS = "PGO"  # person, group, organisation (nw_actor_kind order)


class Net:
    """A network in the .net format: actors and ties with forms and dates."""

    def __init__(self, name, as_of, weighted):
        self.name, self.as_of, self.weighted = name, as_of, weighted
        self.actors = []  # (kind, name)
        self.ties = []  # (form, start, end or None, [members])

    def actor(self, kind, name):
        self.actors.append((kind, name))
        return len(self.actors) - 1

    def tie(self, form, members, start="2020-01-01", end=None):
        self.ties.append((form, start, end, list(members)))

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# {self.name}: written by make_reference.py\n")
            f.write(f"as_of {self.as_of}\nweighted {int(self.weighted)}\n")
            f.write("bases " + " ".join(repr(BASES[x]) for x in "ABCD") + "\n")
            for kind, name in self.actors:
                f.write(f"actor {kind} {name}\n")
            for form, start, end, members in self.ties:
                f.write(f"tie {form} {start} {end or '-'} " + " ".join(map(str, members)) + "\n")

    def graph(self):
        """The NetworkX graph the analysis sees on as_of."""
        g = nx.Graph()
        g.add_nodes_from(range(len(self.actors)))
        missing = {}
        for form, start, end, members in self.ties:
            if not (start <= self.as_of and (end is None or self.as_of <= end)):
                continue
            for i, u in enumerate(members):
                for v in members[i + 1:]:
                    key = (min(u, v), max(u, v))
                    missing[key] = missing.get(key, 1.0) * (1.0 - BASES[form])
                    g.add_edge(*key)
        for (u, v), rest in missing.items():
            w = 1.0 - rest if self.weighted else 1.0
            g[u][v]["weight"] = w
            g[u][v]["dist"] = 1.0 / w
        return g


def from_igraph(name, g, weighted=False, kinds_seed=0):
    """A .net of 2-member ties, one per edge of an igraph graph."""
    rnd = random.Random(kinds_seed)
    net = Net(name, "2024-06-30", weighted)
    for v in range(g.vcount()):
        net.actor(rnd.choice(KINDS), f"{name}{v}")
    for u, v in sorted(tuple(sorted(e.tuple)) for e in g.es):
        net.tie(rnd.choice("ABCD") if weighted else "B", [u, v])
    return net


def neighbourhood():
    """A hand-made neighbourhood network (Netzwerk Sichere Schulwege, grown):
    cooperations and groups of several partners, contacts, encounters, a tie
    that ended, one not yet begun, a multiplex pair and an isolate."""
    net = Net("neighbourhood", "2025-06-30", True)
    a = {}
    for kind, name in [
        ("O", "Jugendzentrum"), ("O", "Grundschule"), ("G", "Elterninitiative"),
        ("O", "Wohnungsbau"), ("P", "Ayse"), ("P", "Juergen"), ("P", "Monika"),
        ("O", "Stadtteilbuero"), ("O", "Polizei"), ("G", "Seniorentreff"),
        ("P", "Karin"), ("P", "Dimitri"), ("O", "Kita"), ("G", "Sportverein"),
        ("P", "Lena"), ("P", "Omar"), ("O", "Bibliothek"), ("P", "Paul"),
    ]:
        a[name] = net.actor(kind, name)
    T = net.tie
    T("B", [a["Jugendzentrum"], a["Grundschule"], a["Elterninitiative"]], "2025-02-01")
    T("D", [a["Elterninitiative"], a["Ayse"], a["Juergen"], a["Monika"]], "2024-11-09")
    T("C", [a["Wohnungsbau"], a["Jugendzentrum"]], "2024-10-01")
    T("C", [a["Juergen"], a["Grundschule"]], "2024-11-15")
    T("A", [a["Ayse"], a["Wohnungsbau"]], "2025-06-14")
    T("B", [a["Stadtteilbuero"], a["Jugendzentrum"], a["Polizei"], a["Grundschule"]], "2025-03-01")
    T("C", [a["Stadtteilbuero"], a["Seniorentreff"]], "2023-05-01")
    T("D", [a["Seniorentreff"], a["Karin"], a["Dimitri"]], "2022-01-01")
    T("A", [a["Dimitri"], a["Kita"]], "2025-01-20")
    T("B", [a["Kita"], a["Sportverein"], a["Lena"]], "2024-09-01")
    T("C", [a["Lena"], a["Omar"]], "2024-04-01")
    T("C", [a["Omar"], a["Bibliothek"]], "2023-01-01", "2024-12-31")  # ended
    T("B", [a["Bibliothek"], a["Paul"]], "2025-09-01")  # not begun
    T("C", [a["Ayse"], a["Juergen"]], "2024-06-01")  # multiplex with the group
    T("A", [a["Kita"], a["Lena"]], "2025-05-05")  # multiplex with the cooperation
    T("C", [a["Polizei"], a["Stadtteilbuero"]], "2021-03-01")  # multiplex
    return net


def pairs_sorted(edges):
    return sorted(tuple(sorted(e)) for e in edges)


def references(net):
    g = nx.Graph(net.graph())
    n = g.number_of_nodes()
    weighted = net.weighted
    out = []

    def vec(measure, source, values):
        out.append(f"vec {measure} {source} " + " ".join(repr(float(x)) for x in values))

    def scalar(measure, source, value):
        out.append(f"scalar {measure} {source} {float(value)!r}")

    # igraph's view of the same graph (vertex ids = node ids).
    edges = pairs_sorted(g.edges())
    h = ig.Graph(n=n, edges=edges)
    w = [g[u][v]["weight"] for u, v in edges]
    dist = [1.0 / x for x in w]
    W = "weight" if weighted else None
    D = "dist" if weighted else None

    vec("degree", "networkx", [g.degree(v) for v in range(n)])
    vec("degree", "igraph", h.degree())
    vec("weighted_degree", "networkx", [g.degree(v, weight="weight") for v in range(n)])
    vec("weighted_degree", "igraph", h.strength(weights=w))

    bc = nx.betweenness_centrality(g, normalized=False, weight=D)
    vec("betweenness", "networkx", [bc[v] for v in range(n)])
    vec("betweenness", "igraph", h.betweenness(directed=False, weights=dist if weighted else None))

    hc = nx.harmonic_centrality(g, distance=D)
    vec("harmonic_closeness", "networkx", [hc[v] for v in range(n)])
    vec("harmonic_closeness", "igraph",
        h.harmonic_centrality(weights=dist if weighted else None, normalized=False))

    reach = [len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in range(n)]
    vec("two_step_reach", "networkx", reach)
    vec("two_step_reach", "igraph", [s - 1 for s in h.neighborhood_size(order=2)])
    eff = []
    for v in range(n):
        alters = sum(g.degree(u) for u in g[v])
        eff.append(reach[v] / alters if alters else 0.0)
    vec("reach_efficiency", "python", eff)

    cl = nx.clustering(g)
    vec("local_clustering", "networkx", [cl[v] for v in range(n)])
    vec("local_clustering", "igraph", h.transitivity_local_undirected(mode="zero"))

    core = nx.core_number(g)
    vec("core_number", "networkx", [core[v] for v in range(n)])
    vec("core_number", "igraph", h.coreness())

    con = nx.constraint(g, weight=W)
    vec("constraint", "networkx", [con[v] for v in range(n)])
    vec("constraint", "igraph", h.constraint(weights=w if weighted else None))
    # NetworkX copies the whole graph for each ego when unweighted (Borgatti's
    # formula via ego_graph); a copy without edge data keeps that fast.
    bare = nx.Graph()
    bare.add_nodes_from(g)
    bare.add_edges_from(g.edges())
    es = nx.effective_size(g if weighted else bare, weight=W)
    vec("effective_size", "networkx", [es[v] for v in range(n)])
    vec("efficiency", "networkx", [es[v] / g.degree(v) if g.degree(v) else float("nan") for v in range(n)])

    # Components, numbered in order of their lowest vertex.
    def numbered(membership):
        first, labels = {}, []
        for v in range(n):
            labels.append(first.setdefault(membership[v], len(first)))
        return labels

    member = {}
    for c in nx.connected_components(g):
        for v in c:
            member[v] = min(c)
    vec("component", "networkx", numbered([member[v] for v in range(n)]))
    vec("component", "igraph", numbered(h.components().membership))

    out.append("pairs bridges networkx " + " ".join(f"{u} {v}" for u, v in pairs_sorted(nx.bridges(g))))
    out.append("pairs bridges igraph " + " ".join(
        f"{u} {v}" for u, v in pairs_sorted(h.es[e].tuple for e in h.bridges())))
    spans = sorted((min(u, v), max(u, v), s) for u, v, s in nx.local_bridges(g, with_span=True))
    out.append("spans local_bridges networkx " + " ".join(
        f"{u} {v} {-1 if math.isinf(s) else int(s)}" for u, v, s in spans))

    overlap = []
    for u, v in edges:
        c = len(set(g[u]) & set(g[v]))
        denom = (g.degree(u) - 1) + (g.degree(v) - 1) - c
        overlap.append(c / denom if denom > 0 else 0.0)
    out.append("pairvec overlap python " + " ".join(repr(x) for x in overlap))
    out.append("pairs pairs networkx " + " ".join(f"{u} {v}" for u, v in edges))
    strong = set()
    for form, start, end, members in net.ties:
        if form in "BD" and start <= net.as_of and (end is None or net.as_of <= end):
            strong.update((min(x, y), max(x, y)) for i, x in enumerate(members) for y in members[i + 1:])
    out.append("pairs strong_pairs python " + " ".join(f"{u} {v}" for u, v in sorted(strong)))

    # Network figures.
    m = g.number_of_edges()
    scalar("pairs", "networkx", m)
    scalar("density", "networkx", nx.density(g))
    scalar("density", "igraph", h.density())
    scalar("density_weighted", "python", sum(w) / (n * (n - 1) / 2) if n > 1 else 0.0)
    scalar("transitivity", "networkx", nx.transitivity(g))
    scalar("transitivity", "igraph", h.transitivity_undirected())
    scalar("clustering_mean", "networkx", nx.average_clustering(g))
    scalar("clustering_mean", "igraph", h.transitivity_avglocal_undirected(mode="zero"))
    scalar("triangles", "networkx", sum(nx.triangles(g).values()) // 3)
    scalar("triangles", "igraph", len(h.cliques(3, 3)))
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    scalar("components", "networkx", len(comps))
    scalar("components", "igraph", len(h.components()))
    largest = g.subgraph(comps[0])
    scalar("largest_component", "networkx", len(comps[0]))
    scalar("isolates", "networkx", nx.number_of_isolates(g))
    scalar("path_mean", "networkx", nx.average_shortest_path_length(largest) if len(comps[0]) > 1 else 0.0)
    hl = h.induced_subgraph(sorted(comps[0]))
    scalar("path_mean", "igraph", hl.average_path_length(directed=False) if hl.vcount() > 1 else 0.0)
    scalar("diameter", "networkx", nx.diameter(largest))
    scalar("diameter", "igraph", hl.diameter(directed=False))
    scalar("max_core", "networkx", max(core.values()))
    scalar("max_core", "igraph", max(h.coreness()))
    degs = [g.degree(v) for v in range(n)]
    scalar("degree_mean", "python", statistics.fmean(degs))
    scalar("degree_sd", "python", statistics.pstdev(degs))
    kind = [k for k, _ in net.actors]
    across = sum(kind[u] != kind[v] for u, v in edges)
    scalar("ei_index", "python", (across - (m - across)) / m if m else 0.0)

    head = [f"# {net.name}: reference values from igraph {ig.__version__} and NetworkX {nx.__version__}",
            f"n {n}", f"m {m}"]
    return "\n".join(head + out) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_reference.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    random.seed(42)  # python-igraph draws from Python's random module
    nets = []
    nets.append(from_igraph("ba", ig.Graph.Barabasi(200, 3), kinds_seed=1))
    nets.append(from_igraph("ws", ig.Graph.Watts_Strogatz(1, 300, 3, 0.1).simplify(), kinds_seed=2))
    er = ig.Graph.Erdos_Renyi(n=400, m=340)  # mean degree 1.7: many components and isolates
    nets.append(from_igraph("er", er, kinds_seed=3))
    nets.append(from_igraph("weighted", ig.Graph.Barabasi(250, 2).simplify(), weighted=True, kinds_seed=4))
    nets.append(neighbourhood())
    plain = neighbourhood()
    plain.name, plain.weighted = "neighbourhood_unweighted", False
    nets.append(plain)
    names = []
    for net in nets:
        net.write(os.path.join(outdir, net.name + ".net"))
        with open(os.path.join(outdir, net.name + ".ref"), "w", encoding="utf-8") as f:
            f.write(references(net))
        names.append(net.name)
    with open(os.path.join(outdir, "graphs.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
    print(f"wrote {len(names)} graphs to {outdir}: {' '.join(names)}")


if __name__ == "__main__":
    main()
