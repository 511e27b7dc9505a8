#!/usr/bin/python3
"""Benchmark libnetzwerk against igraph's C library and NetworkX.

    /usr/bin/python3 tests/bench/run_bench.py --bench BUILD/tests/bench/bench_netzwerk \
        [--sizes 10k,100k,1M] [--scale] [--nx-budget SECONDS] [--workdir DIR] [--json FILE]

For each size it builds the same seeded Barabasi-Albert graph (python-igraph
Graph.Barabasi(n, 5) after random.seed(42), as in /work/shared/BUILD-NOTES.md),
writes its edge list, runs bench_netzwerk (netzwerk and igraph C, each in its
own child process) and times NetworkX on the same edge list here, then prints
CPU seconds (all three run single-threaded; CPU time is far less disturbed
than wall time by other load on the machine), the ratio of each peer's time
to netzwerk's (> 1: netzwerk is faster) and memory per tie.

Sizes: 10k ties (2,000 actors), 100k ties (20,000 actors: the betweenness
graph), 1M ties (200,000 actors; betweenness and closeness skipped: hours).
--scale adds 1,000,000 actors and 10,000,000 ties (Graph.Barabasi(10**6, 10)):
netzwerk and igraph, no betweenness or closeness, plus netzwerk's network
figures (path figures estimated from 16 sources).

Measures under 50 ms count the best of up to 200 runs (at most 0.25 s in
all), in every library; builds (the network, the snapshot) the best of at
least 3.
NetworkX is bounded: a measure whose estimated time exceeds --nx-budget
(default 120 s) is timed on a sample of 20 sources (betweenness, closeness:
every source costs about the same, so the sample's time times n / 20) or 20
actors (constraint: scaled by a cost model, d^3 + d * (sum of the
neighbours' degrees), of NetworkX's implementation) and extrapolated; such
cells are marked "~" and are estimates, not measurements.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

import igraph as ig
import networkx as nx

SIZES = {"10k": (2000, 5), "100k": (20000, 5), "1M": (200000, 5), "10M": (1000000, 10)}
MEASURES = ["build", "build_bulk", "bulk_actors", "bulk_ties", "snapshot", "snapshot_weighted", "degree", "components", "clustering", "betweenness",
            "closeness", "constraint", "bridges", "coreness", "figures"]


def edge_file(workdir, size):
    n, k = SIZES[size]
    path = os.path.join(workdir, f"ba_{size}.txt")
    if not os.path.exists(path):
        random.seed(42)  # python-igraph draws from Python's random module
        g = ig.Graph.Barabasi(n, k)
        with open(path + ".tmp", "w") as f:
            f.write(f"{g.vcount()} {g.ecount()}\n")
            f.writelines(f"{u} {v}\n" for u, v in g.get_edgelist())
        os.replace(path + ".tmp", path)
    return path


def run_c(bench, path, skip, figures):
    cmd = [bench, path]
    if skip:
        cmd += ["--skip", ",".join(skip)]
    if figures:
        cmd.append("--figures")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    times, memory, agree, extra = {}, {}, {}, []
    for line in out.splitlines():
        f = line.split()
        if f[0] in ("netzwerk", "igraph"):
            times[(f[0], f[1])] = float(f[2])  # CPU seconds
            times[(f[0], f[1], "wall")] = float(f[4]) if len(f) > 4 else None
        elif f[0] == "memory":
            memory[(f[1], f[2])] = int(f[3])
        elif f[0] == "agree":
            agree[f[1]] = f[2] == "yes"
        elif f[0] == "figures":
            extra.append(line)
    return times, memory, agree, extra


def nx_times(path, skip, budget):
    """Seconds per measure for NetworkX, and which were extrapolated."""
    with open(path) as f:
        n, m = map(int, f.readline().split())
        edges = [tuple(map(int, line.split())) for line in f]
    times, estimated = {}, set()

    def build():
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_edges_from(edges)
        return graph

    def timed(name, fn, min_runs=1):
        # As in bench_netzwerk: under 50 ms, the best of up to 200 runs
        # (at most 0.25 s in all); a build at least 3 times.
        best, spent = None, 0.0
        for run in range(200):
            start = time.process_time()
            fn()
            took = time.process_time() - start
            spent += took
            best = took if best is None else min(best, took)
            if run + 1 >= min_runs and (best > 0.05 or spent > 0.25):
                break
        times[name] = best

    timed("build", build, min_runs=3)
    g = build()
    for name, fn in (("degree", lambda: dict(g.degree())),
                     ("components", lambda: list(nx.connected_components(g))),
                     ("clustering", lambda: nx.clustering(g)),
                     ("bridges", lambda: list(nx.bridges(g))),
                     ("coreness", lambda: nx.core_number(g))):
        if name not in skip:
            timed(name, fn)
    nodes = list(g)
    rnd = random.Random(1)
    # NetworkX's constraint of u costs about d(u)^3 + d(u) * (sum of its
    # neighbours' degrees) steps (each normalised mutual weight sums over a
    # whole neighbourhood); hubs dominate, so the sample is weighted by that.
    deg = dict(g.degree())
    cost = {u: deg[u] ** 3 + deg[u] * sum(deg[w] for w in g[u]) + 1 for u in nodes}
    # Per-source costs: time a sample of sources; run all if within budget.
    for name in ("betweenness", "closeness", "constraint"):
        if name in skip:
            continue
        sample = rnd.sample(nodes, min(len(nodes), 20))
        start = time.process_time()
        if name == "betweenness":
            nx.betweenness_centrality_subset(g, sample, nodes, normalized=False)
        elif name == "closeness":
            nx.harmonic_centrality(g, sources=sample)
        else:
            nx.constraint(g, nodes=sample)
        took = time.process_time() - start
        if name == "constraint":
            per = took / sum(cost[u] for u in sample) * sum(cost.values()) / n
        else:
            per = took / len(sample)
        if per * n <= budget:
            timed(name, {"betweenness": lambda: nx.betweenness_centrality(g, normalized=False),
                         "closeness": lambda: nx.harmonic_centrality(g),
                         "constraint": lambda: nx.constraint(g)}[name])
        else:
            times[name] = per * n
            estimated.add(name)
    return times, estimated


def fmt(x):
    if x is None:
        return "-"
    if x < 0.01:
        return f"{x:.1e}"
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def collect(size, n, m, times, memory, agree, nxt, est, extra):
    """The raw results of one size, as stored in the --json file."""
    rows = []
    for meas in MEASURES:
        a = times.get(("netzwerk", meas))
        b = times.get(("igraph", meas))
        c = nxt.get(meas) if nxt else None
        if a is None and b is None:
            continue
        rows.append({"measure": meas, "netzwerk": a, "igraph": b, "networkx": c,
                     "netzwerk_wall": times.get(("netzwerk", meas, "wall")),
                     "igraph_wall": times.get(("igraph", meas, "wall")),
                     "networkx_estimated": meas in est, "agree": agree.get(meas)})
    ties = memory.get(("netzwerk", "ties"), m)
    mem = {
        "snapshot_bytes_per_tie": memory.get(("netzwerk", "snapshot_bytes"), 0) / ties,
        "snapshot_build_peak_bytes_per_tie": memory.get(("netzwerk", "snapshot_build_peak_bytes"), 0) / ties,
        "weighted_snapshot_bytes_per_tie": memory.get(("netzwerk", "weighted_snapshot_bytes"), 0) / ties,
        "weighted_snapshot_build_peak_bytes_per_tie":
            memory.get(("netzwerk", "weighted_snapshot_build_peak_bytes"), 0) / ties,
        "model_bytes_per_tie": memory.get(("netzwerk", "model_bytes"), 0) / ties,
        "bulk_model_bytes_per_tie": memory.get(("netzwerk", "bulk_model_bytes"), 0) / ties,
        "netzwerk_peak_rss_kb": memory.get(("netzwerk", "peak_rss_kb")),
        "igraph_peak_rss_kb": memory.get(("igraph", "peak_rss_kb")),
    }
    return {"size": size, "n": n, "m": m, "rows": rows, "memory": mem, "figures": extra}


def render(r, markdown=False):
    """Print one size's table: CPU seconds and the peers' time / netzwerk's."""
    rows = {row["measure"]: row for row in r["rows"]}
    get = lambda meas, lib: rows.get(meas, {}).get(lib)
    table = []
    # Loading: netzwerk builds its model (validated, named, dated records)
    # and then the snapshot the measures read; igraph_create and NetworkX's
    # Graph() go straight from the edge list to their structure. Two ways
    # to build the model: one call per actor and tie, and the bulk load
    # (nw_network_reserve, one nw_actors_add, one nw_ties_add).
    model, snap = get("build", "netzwerk"), get("snapshot", "netzwerk")
    bulk, bulk_ties = get("build_bulk", "netzwerk"), get("bulk_ties", "netzwerk")
    bulk_actors = get("bulk_actors", "netzwerk")
    igraph_build, nx_build = get("build", "igraph"), get("build", "networkx")
    load = model + snap if model is not None and snap is not None else None
    if bulk is not None and snap is not None:
        table.append(("load, bulk (model + snapshot)", bulk + snap, igraph_build, nx_build, False,
                      get("build", "agree")))
        table.append(("  model, bulk", bulk, igraph_build, nx_build, False, None))
        if bulk_actors is not None:
            table.append(("    of which nw_actors_add", bulk_actors, None, None, False, None))
        table.append(("    of which nw_ties_add", bulk_ties, igraph_build, None, False, None))
    table.append(("load, one call per actor/tie", load, igraph_build, nx_build, False,
                  None if bulk is not None else get("build", "agree")))
    table.append(("  model, one call per actor/tie", model, None, None, False, None))
    table.append(("  snapshot only (vs igraph_create)", snap, igraph_build, None, False, None))
    table.append(("  snapshot, weighted", get("snapshot_weighted", "netzwerk"), None, None, False, None))
    for meas in MEASURES[6:]:
        if meas in rows:
            row = rows[meas]
            table.append((meas, row["netzwerk"], row["igraph"], row["networkx"], row["networkx_estimated"],
                          row.get("agree")))

    def ratio(peer, ours):
        return f"{peer / ours:.1f}x" if peer and ours else "-"

    head = ("CPU seconds", "netzwerk", "igraph C", "NetworkX", "igraph/netzwerk", "NetworkX/netzwerk", "agree")
    print(f"\n{r['size']}: {r['n']} actors, {r['m']} ties\n")
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
    else:
        print(f"{head[0]:34} {head[1]:>9} {head[2]:>9} {head[3]:>10} {head[4]:>16} {head[5]:>18}  {head[6]}")
    for label, a, b, c, est, agree in table:
        cells = (label, fmt(a), fmt(b), ("~" if est else "") + fmt(c), ratio(b, a),
                 ("~" if est else "") + ratio(c, a), {True: "yes", False: "NO"}.get(agree, ""))
        if markdown:
            print("| " + " | ".join(cells) + " |")
        else:
            print(f"{cells[0]:34} {cells[1]:>9} {cells[2]:>9} {cells[3]:>10} {cells[4]:>16} {cells[5]:>18}  "
                  f"{cells[6]}")
    mem = r["memory"]
    print(f"\nmemory: snapshot {mem['snapshot_bytes_per_tie']:.1f} B/tie unweighted, "
          f"{mem['weighted_snapshot_bytes_per_tie']:.1f} weighted "
          f"(while building, {mem['snapshot_build_peak_bytes_per_tie']:.1f} / "
          f"{mem['weighted_snapshot_build_peak_bytes_per_tie']:.1f} B/tie at the peak); "
          f"model {mem['model_bytes_per_tie']:.1f} B/tie "
          f"(bulk load {mem.get('bulk_model_bytes_per_tie', 0):.1f}); peak RSS netzwerk "
          f"{(mem['netzwerk_peak_rss_kb'] or 0) / 1024:.1f} MB, igraph "
          f"{(mem['igraph_peak_rss_kb'] or 0) / 1024:.1f} MB")
    for line in r["figures"]:
        print(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", help="path of the bench_netzwerk program")
    ap.add_argument("--from-json", metavar="JSON", help="only print the tables of an earlier --json file")
    ap.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    ap.add_argument("--sizes", default="10k,100k,1M")
    ap.add_argument("--scale", action="store_true", help="add the 1M actors / 10M ties run")
    ap.add_argument("--no-networkx", action="store_true")
    ap.add_argument("--nx-budget", type=float, default=120.0)
    ap.add_argument("--skip", default="",
                    help="measures to leave out in every library, e.g. betweenness,closeness "
                         "(a run that looks at loading only)")
    ap.add_argument("--workdir", default="/tmp/netzwerk-bench")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--reuse-networkx", metavar="JSON",
                    help="take the NetworkX times from an earlier --json file (they do not depend on netzwerk)")
    args = ap.parse_args()
    if args.from_json:
        with open(args.from_json) as f:
            for r in json.load(f):
                render(r, args.markdown)
        return 0
    if not args.bench:
        ap.error("--bench is required")
    os.makedirs(args.workdir, exist_ok=True)
    sizes = [s for s in args.sizes.split(",") if s]
    if args.scale:
        sizes.append("10M")
    results = []
    earlier = {}
    if args.reuse_networkx:
        with open(args.reuse_networkx) as f:
            earlier = {r["size"]: r for r in json.load(f)}
    print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; "
          f"igraph {ig.__version__}, networkx {nx.__version__}")
    for size in sizes:
        path = edge_file(args.workdir, size)
        with open(path) as f:
            n, m = map(int, f.readline().split())
        skip = ["betweenness", "closeness"] if size in ("1M", "10M") else []
        skip += [x for x in args.skip.split(",") if x and x not in skip]
        times, memory, agree, extra = run_c(args.bench, path, skip, figures=size == "10M")
        nxt, est = ({}, set())
        if size in earlier:
            nxt = {r["measure"]: r["networkx"] for r in earlier[size]["rows"] if r["networkx"] is not None}
            est = {r["measure"] for r in earlier[size]["rows"] if r["networkx_estimated"]}
        elif not args.no_networkx and size != "10M":
            nxt, est = nx_times(path, skip, args.nx_budget)
        results.append(collect(size, n, m, times, memory, agree, nxt, est, extra))
        render(results[-1], args.markdown)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
