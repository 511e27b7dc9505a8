"""The analysis seen from Python agrees with NetworkX on the same network:
degree, betweenness, harmonic closeness, clustering, core number,
components, bridges and local bridges, Burt's constraint and effective
size, unweighted and weighted. The expected values are NetworkX's, computed
on net.to_networkx(); that graph is first checked against one built here
from the ties themselves."""

import datetime
import math
import random
import unittest

import networkx as nx

import netzwerk as nw

D = datetime.date
AS_OF = D(2025, 9, 1)


def random_network(seed=11, n=80):
    """Persons, groups and organisations with ties of all four forms, some
    of three or four members, some ended or not begun yet on AS_OF, and
    interactions, so that pair strengths differ."""
    rng = random.Random(seed)
    net = nw.Network("random")
    kinds = list(nw.ActorKind)
    actors = [net.add_actor(f"P{i}", rng.choice(kinds)) for i in range(n)]
    for _ in range(130):
        size = rng.choice([2, 2, 2, 3, 4])
        members = rng.sample(actors, size)
        start = D(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        tie = net.add_tie(rng.choice(list(nw.Form)), members, start)
        if rng.random() < 0.15:
            tie.end = start + datetime.timedelta(days=rng.randrange(30, 300))
        for _ in range(rng.randrange(4)):
            day = start + datetime.timedelta(days=rng.randrange(200))
            if tie.end is None or day <= tie.end:
                tie.interactions.add(day, nw.InteractionKind.MEETING)
    return net


def graph_from_ties(net, as_of):
    """The pairs of the ties that exist on as_of, built without the library's analysis."""
    graph = nx.Graph()
    for actor in net.actors:
        if actor.joined is None or actor.joined <= as_of:
            graph.add_node(actor.id)
    for tie in net.ties:
        if tie.start <= as_of and (tie.end is None or as_of <= tie.end):
            ids = [m.id for m in tie.members]
            graph.add_nodes_from(ids)
            graph.add_edges_from((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return graph


class NetworkxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.net = random_network()
        cls.snap = cls.net.snapshot(AS_OF)
        cls.graph = cls.net.to_networkx(AS_OF, weighted=False)

    @classmethod
    def tearDownClass(cls):
        cls.net.close()

    def assertClose(self, ours, theirs, places=9):
        self.assertEqual(set(ours), set(theirs))
        for key in theirs:
            if isinstance(theirs[key], float) and math.isnan(theirs[key]):
                self.assertTrue(math.isnan(ours[key]), key)
            else:
                self.assertAlmostEqual(ours[key], theirs[key], places=places, msg=key)

    def test_graph_is_the_ties(self):
        expected = graph_from_ties(self.net, AS_OF)
        self.assertEqual(set(self.graph.nodes), set(expected.nodes))
        self.assertEqual({frozenset(e) for e in self.graph.edges},
                         {frozenset(e) for e in expected.edges})
        self.assertGreater(self.graph.number_of_edges(), 100)
        self.assertGreater(nx.number_connected_components(self.graph), 1)

    def test_degree(self):
        self.assertEqual(self.snap.degree(ids=True), dict(self.graph.degree))

    def test_betweenness(self):
        theirs = nx.betweenness_centrality(self.graph, normalized=False)
        self.assertClose(self.snap.betweenness(ids=True), theirs)

    def test_harmonic_closeness(self):
        self.assertClose(self.snap.harmonic_closeness(ids=True),
                         nx.harmonic_centrality(self.graph))

    def test_local_clustering(self):
        self.assertClose(self.snap.local_clustering(ids=True), nx.clustering(self.graph))

    def test_core_number(self):
        self.assertEqual(self.snap.core_number(ids=True), nx.core_number(self.graph))

    def test_components(self):
        ours = sorted(sorted(c) for c in self.snap.components(ids=True))
        theirs = sorted(sorted(c) for c in nx.connected_components(self.graph))
        self.assertEqual(ours, theirs)

    def test_bridges(self):
        ours = {frozenset((b.a, b.b)) for b in self.snap.bridges(ids=True)}
        self.assertEqual(ours, {frozenset(e) for e in nx.bridges(self.graph)})
        self.assertTrue(ours)
        local = {frozenset((b.a, b.b)): b.span for b in self.snap.bridges(local=True, ids=True)}
        theirs = {frozenset((u, v)): span
                  for u, v, span in nx.local_bridges(self.graph, with_span=True)}
        self.assertEqual(local, theirs)

    def test_structural_holes(self):
        self.assertClose(self.snap.constraint(ids=True), nx.constraint(self.graph))
        self.assertClose(self.snap.effective_size(ids=True), nx.effective_size(self.graph))

    def test_figures(self):
        fig = self.snap.figures()
        g = self.graph
        self.assertEqual((fig.actors, fig.pairs), (g.number_of_nodes(), g.number_of_edges()))
        self.assertAlmostEqual(fig.density, nx.density(g))
        self.assertAlmostEqual(fig.transitivity, nx.transitivity(g))
        self.assertAlmostEqual(fig.clustering_mean, nx.average_clustering(g))
        self.assertEqual(fig.triangles, sum(nx.triangles(g).values()) // 3)
        largest = g.subgraph(max(nx.connected_components(g), key=len))
        self.assertEqual(fig.largest_component, largest.number_of_nodes())
        self.assertEqual(fig.diameter, nx.diameter(largest))
        self.assertAlmostEqual(fig.path_mean, nx.average_shortest_path_length(largest))

    def test_weighted(self):
        snap = self.net.snapshot(AS_OF, weighted=True)
        graph = self.net.to_networkx(AS_OF, weighted=True)
        for a, b, data in graph.edges(data=True):
            self.assertAlmostEqual(
                data["weight"], self.net.actor(a).pair_strength(self.net.actor(b), AS_OF))
        self.assertClose(snap.weighted_degree(ids=True), dict(graph.degree(weight="weight")))
        self.assertClose(snap.betweenness(ids=True),
                         nx.betweenness_centrality(graph, normalized=False, weight="distance"),
                         places=6)
        self.assertClose(snap.constraint(ids=True), nx.constraint(graph, weight="weight"))


if __name__ == "__main__":
    unittest.main()
