"""The bulk load from Python: Network.reserve, add_actors, add_ties and
from_networkx. A bulk load gives the same network as adding one by one (the
native files are byte-equal); every failure raises its exception and leaves
the network as it was (counts, and the identities the next call gets);
numpy arrays are read like sequences; from_networkx and to_networkx agree
with the graph NetworkX built."""

import datetime
import random
import unittest

import networkx as nx
import numpy as np

import netzwerk as nw
from netzwerk import _core

D = datetime.date
START = D(2025, 3, 1)


def random_plan(seed=5, n=40, m=120):
    """Names, kinds and (form, a, b, start) ties over actor identities 1..n."""
    rng = random.Random(seed)
    kinds = [rng.choice(list(nw.ActorKind)) for _ in range(n)]
    ties = []
    for _ in range(m):
        a, b = rng.sample(range(1, n + 1), 2)
        ties.append((rng.choice(list(nw.Form)), a, b,
                     D(2024, 1, 1) + datetime.timedelta(days=rng.randrange(400))))
    return [f"Akteur {i}" for i in range(1, n + 1)], kinds, ties


class EqualToOneByOneTest(unittest.TestCase):
    def test_same_network_as_one_by_one(self):
        names, kinds, ties = random_plan()
        one = nw.Network("Plan")
        for name, kind in zip(names, kinds):
            one.add_actor(name, kind)
        for form, a, b, start in ties:
            one.add_tie(form, [a, b], start)

        bulk = nw.Network("Plan")
        bulk.reserve(len(names), len(ties))
        # Runs of actors of one kind, and of ties of one form and start
        # date, go in one call each (in order, so the identities match).
        ids = []
        i = 0
        while i < len(names):
            j = i
            while j < len(names) and kinds[j] == kinds[i]:
                j += 1
            ids.extend(bulk.add_actors(names[i:j], kinds[i]))
            i = j
        self.assertEqual(ids, list(range(1, len(names) + 1)))
        got = []
        i = 0
        while i < len(ties):
            j = i
            while j < len(ties) and ties[j][0] == ties[i][0] and ties[j][3] == ties[i][3]:
                j += 1
            got.extend(bulk.add_ties(ties[i][0], [(a, b) for _, a, b, _ in ties[i:j]],
                                     ties[i][3]))
            i = j
        self.assertEqual(got, list(range(1, len(ties) + 1)))
        self.assertEqual(bulk.dumps(), one.dumps())

    def test_ranges_and_members(self):
        net = nw.Network("N")
        self.assertEqual(net.add_actors([]), range(0))
        self.assertEqual(net.add_actors(["A", "B"]), range(1, 3))
        self.assertEqual(net.add_actors(("C", "Ü"), nw.ActorKind.GROUP), range(3, 5))
        self.assertEqual([(a.id, a.name, a.kind) for a in net.actors],
                         [(1, "A", nw.ActorKind.PERSON), (2, "B", nw.ActorKind.PERSON),
                          (3, "C", nw.ActorKind.GROUP), (4, "Ü", nw.ActorKind.GROUP)])
        a, c = net.actor(1), net.actor(3)
        net.add_tie(nw.Form.GRUPPE, [1, 2, 3], START)          # tie 1 by hand
        self.assertEqual(net.add_ties("B", [], START), range(0))
        # Identities, the package's Actors and the low-level ones, mixed.
        ids = net.add_ties("B", [(1, 2), (a, c), (c._h, 4), [4, 1]], START, end="2025-12-31")
        self.assertEqual(ids, range(2, 6))
        self.assertEqual([sorted(m.id for m in net.tie(i).members) for i in ids],
                         [[1, 2], [1, 3], [3, 4], [1, 4]])
        for i in ids:
            tie = net.tie(i)
            self.assertEqual((tie.form, tie.start, tie.end),
                             (nw.Form.KOOPERATION, START, D(2025, 12, 31)))
        # Multiplexity: the same pair again is a tie of its own.
        self.assertEqual(net.add_ties(nw.Form.BEGEGNUNG, ((1, 2) for _ in range(2)), START),
                         range(6, 8))
        self.assertEqual(len(net.actor(1).ties), 6)
        self.assertEqual(len(net.ties(nw.Form.KOOPERATION)), 4)


class ErrorsTest(unittest.TestCase):
    """Every failure: its exception, and nothing changed."""

    def setUp(self):
        self.net = nw.Network("N")
        self.net.add_actors(["A", "B", "C", "D"])
        self.net.actor("D").remove()                           # actor 4 is gone
        self.net.add_tie(nw.Form.KONTAKT, [1, 2], START)       # tie 1

    def tearDown(self):
        self.net.close()

    def assertUnchanged(self):
        net = self.net
        self.assertEqual((len(net.actors), len(net.ties)), (3, 1))
        # no identity was used: the next actor is 5, the next tie 2
        self.assertEqual(net.add_actors(["E"]), range(5, 6))
        self.assertEqual(net.add_ties(nw.Form.KONTAKT, [(1, 5)], START), range(2, 3))

    def check(self, exc, text, method, *args):
        """net.<method>(*args) raises exc (with text), and nothing changed;
        then a fresh network for the next check. A method of net._h for
        "_h.<name>"."""
        owner = self.net._h if method.startswith("_h.") else self.net
        with self.assertRaises(exc) as caught:
            getattr(owner, method.removeprefix("_h."))(*args)
        if text is not None:
            self.assertIn(text, str(caught.exception))
        self.assertUnchanged()
        self.tearDown()
        self.setUp()

    def test_add_ties(self):
        add = "add_ties"
        other = nw.Network("O")
        stranger = other.add_actor("X")
        cases = [
            (nw.NotFoundError, "pairs[2][1]: no actor 9", [(1, 2), (2, 3), (3, 9)]),
            (nw.NotFoundError, "pairs[0][0]: actor 4 was removed", [(4, 1)]),
            (nw.NotFoundError, "pairs[0][1]: no actor 0", [(1, 0)]),
            (nw.InvalidArgumentError, "pairs[1]: actor 3 is given twice", [(1, 2), (3, 3)]),
            (nw.InvalidArgumentError, "pairs[1][0]: the actor is of another network",
             [(1, 2), (stranger, 2)]),
            (nw.InvalidArgumentError, "pairs[0]: a pair has 2 actors, not 3", [(1, 2, 3)]),
            (nw.InvalidArgumentError, "pairs[0]: a pair has 2 actors, not 1", [[1]]),
            (nw.InvalidArgumentError, "pairs[0][1]: not an actor identity", [(1, -1)]),
            (nw.InvalidArgumentError, "pairs[1][0]: not an actor identity", [(1, 2), (2**32, 1)]),
            (TypeError, "pairs[0][1]: expected an actor identity", [(1, "B")]),
            (TypeError, "pairs[0][0]: expected an actor identity", [(None, 1)]),
            (TypeError, "pairs[0][0]: expected an actor identity", [(1.0, 2)]),
            (TypeError, "pairs[0][0]: expected an actor identity", [(True, 2)]),
            (TypeError, "pairs[1]: expected a pair", [(1, 2), 3]),
            (TypeError, "pairs[0]: expected a pair", ["12"]),
            (TypeError, "pairs: expected a sequence", "12"),
            (TypeError, "pairs: expected a sequence", 12),
        ]
        for exc, text, pairs in cases:
            with self.subTest(pairs=pairs):
                self.check(exc, text, add, nw.Form.KOOPERATION, pairs, START)
        # the dates, the form
        self.check(nw.InvalidArgumentError, None, add, "B", [(1, 2)], "2025-02-30")
        self.check(nw.InvalidArgumentError, None, add, "B", [(1, 2)], None)
        self.check(nw.InvalidArgumentError, "end", add, "B", [(1, 2)], START, D(2025, 2, 28))
        self.check(nw.InvalidArgumentError, None, "_h.add_ties", 7, [(1, 2)], START)
        self.check(ValueError, None, add, 7, [(1, 2)], START)
        other.close()
        self.check(nw.InvalidArgumentError, "another network", add, "B", [(stranger, 2)], START)

    def test_add_actors(self):
        add = "add_actors"
        self.check(nw.ExistsError, "names[1]: 'B' is taken by actor 2", add, ["X", "B"])
        self.check(nw.ExistsError, "names[0] and names[2] are the same name 'X'",
                   add, ["X", "Y", "X"])
        self.check(nw.InvalidArgumentError, "names[1]", add, ["X", ""])
        self.check(nw.InvalidArgumentError, "names[1]", add, ["X", "Y\tZ"])
        self.check(nw.InvalidArgumentError, "names[0]: text contains a NUL", add, ["X\0"])
        self.check(nw.InvalidArgumentError, None, "_h.add_actors", ["X"], 9)
        self.check(ValueError, None, add, ["X"], 9)
        self.check(TypeError, "names[1]: expected str", add, ["X", 2])
        self.check(TypeError, "names: expected a sequence of str", add, "XY")

    def test_reserve(self):
        self.net.reserve()
        self.net.reserve(100, ties=1000)
        self.check(nw.InvalidArgumentError, "actors: a count is not negative",
                   "reserve", -1)
        self.check(nw.InvalidArgumentError, "ties: a count is not negative",
                   "reserve", 0, -5)
        self.check(nw.LimitError, None, "reserve", 2**33)
        self.check(nw.LimitError, None, "reserve", 0, 2**33)
        self.check(nw.LimitError, None, "reserve", 2**70)
        self.check(TypeError, None, "reserve", "5")
        self.check(TypeError, None, "reserve", 1.5)

    def test_closed_network(self):
        net = nw.Network("C")
        net.close()
        for call in (lambda: net.add_ties("A", [(1, 2)], START), lambda: net.add_actors(["X"]),
                     lambda: net.reserve(1, 1)):
            with self.assertRaises(nw.StaleError):
                call()


class NumpyTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("N")
        self.net.add_actors([f"P{i}" for i in range(1, 7)])
        self.pairs = [(1, 2), (2, 3), (6, 1), (4, 5)]

    def tearDown(self):
        self.net.close()

    def members(self, ids):
        return [tuple(sorted(m.id for m in self.net.tie(i).members)) for i in ids]

    def test_dtypes_and_layouts(self):
        expected = [tuple(sorted(p)) for p in self.pairs]
        arrays = {
            "uint32": np.array(self.pairs, dtype=np.uint32),
            "int64": np.array(self.pairs, dtype=np.int64),
            "int8": np.array(self.pairs, dtype=np.int8),
            "uint16": np.array(self.pairs, dtype=np.uint16),
            "uint64": np.array(self.pairs, dtype=np.uint64),
            "fortran": np.asfortranarray(np.array(self.pairs, dtype=np.uint32)),
            "strided": np.array(self.pairs, dtype=np.int32).T.copy().T,
            "every other row": np.array([p for pair in self.pairs for p in (pair, (9, 9))],
                                        dtype=np.int64)[::2],
            "columns swapped": np.array([(b, a) for a, b in self.pairs], dtype=np.int64)[:, ::-1],
        }
        first = 1
        for label, array in arrays.items():
            with self.subTest(array=label):
                ids = self.net.add_ties(nw.Form.KONTAKT, array, START)
                self.assertEqual(ids, range(first, first + 4))
                self.assertEqual(self.members(ids), expected)
                first += 4
        self.assertEqual(self.net.add_ties("A", np.zeros((0, 2), dtype=np.uint32), START),
                         range(0))
        # numpy scalars in a sequence count as identities too
        ids = self.net.add_ties("A", [(np.int64(1), np.uint32(2))], START)
        self.assertEqual(self.members(ids), [(1, 2)])

    def test_errors(self):
        add = self.net.add_ties
        cases = [
            (nw.NotFoundError, "pairs[1][1]: no actor 7", np.array([(1, 2), (3, 7)], np.uint32)),
            (nw.InvalidArgumentError, "pairs[2]: actor 4 is given twice",
             np.array([(1, 2), (3, 1), (4, 4)], np.int64)),
            (nw.InvalidArgumentError, "pairs[0][1]: not an actor identity",
             np.array([(1, -2)], np.int64)),
            (nw.InvalidArgumentError, "pairs[0][0]: not an actor identity",
             np.array([(2**32, 1)], np.uint64)),
            (nw.InvalidArgumentError, "shape (n, 2), not (2, 3)", np.ones((2, 3), np.uint32)),
            (nw.InvalidArgumentError, "shape (n, 2)", np.ones(4, np.uint32)),
            (nw.InvalidArgumentError, "shape (n, 2)", np.ones((1, 2, 2), np.uint32)),
            (TypeError, "format 'd'", np.ones((2, 2))),
            (TypeError, "byte order", np.ones((2, 2), dtype=">u4")),
            (TypeError, "expected a sequence", b"\x01\x02"),
        ]
        for exc, text, array in cases:
            with self.subTest(array=array):
                with self.assertRaises(exc) as caught:
                    add(nw.Form.KOOPERATION, array, START)
                self.assertIn(text, str(caught.exception))
                self.assertEqual((len(self.net.actors), len(self.net.ties)), (6, 0))
        self.assertEqual(add("B", np.array([(1, 2)], np.uint32), START), range(1, 2))

    def test_the_array_is_not_kept(self):
        array = np.array(self.pairs, dtype=np.uint32)
        ids = self.net.add_ties("A", array, START)
        array[:] = 6  # changing it afterwards changes nothing
        self.assertEqual(self.members(ids), [tuple(sorted(p)) for p in self.pairs])


def names_and_edges(graph, name=str):
    """Node names and undirected edges by name, from a NetworkX graph."""
    names = {n: name(n, d) if name is not str else str(n) for n, d in graph.nodes(data=True)}
    return (set(names.values()),
            {frozenset((names[u], names[v])) for u, v in graph.edges()})


class NetworkxTest(unittest.TestCase):
    def test_round_trip_karate(self):
        graph = nx.karate_club_graph()
        net = nw.Network.from_networkx(graph, "Karate", start=START)
        self.assertEqual((net.name, len(net.actors), len(net.ties)), ("Karate", 34, 78))
        self.assertEqual({t.form for t in net.ties}, {nw.Form.KONTAKT})
        back = net.to_networkx(START, weighted=False)
        self.assertEqual(names_and_edges(back, lambda n, d: d["name"]), names_and_edges(graph))
        self.assertTrue(nx.is_isomorphic(back, graph))
        # before the start date there are no ties
        self.assertEqual(net.to_networkx(START - datetime.timedelta(days=1)).number_of_edges(),
                         0)

    def test_forms_names_multigraph(self):
        graph = nx.MultiGraph(name="Quartier", as_of=START)
        graph.add_node("a", label="Anna")
        graph.add_node("b", label="Ben")
        graph.add_node("c", label="Cem")
        graph.add_edge("a", "b", form="B")
        graph.add_edge("a", "b")                        # parallel: the default form
        graph.add_edge("b", "c", form=nw.Form.GRUPPE)
        graph.add_edge("a", "c", form="BC")             # one tie of each form
        net = nw.Network.from_networkx(graph, form="A", name_attr="label",
                                       kind=nw.ActorKind.ORGANISATION)
        self.assertEqual(net.name, "Quartier")
        self.assertEqual([(a.name, a.kind) for a in net.actors],
                         [(n, nw.ActorKind.ORGANISATION) for n in ("Anna", "Ben", "Cem")])
        ties = sorted((t.form.letter, tuple(sorted(m.name for m in t.members))) for t in net.ties)
        self.assertEqual(ties, [("A", ("Anna", "Ben")), ("B", ("Anna", "Ben")),
                                ("B", ("Anna", "Cem")), ("C", ("Anna", "Cem")),
                                ("D", ("Ben", "Cem"))])
        self.assertEqual({t.start for t in net.ties}, {START})

    def test_round_trip_of_to_networkx(self):
        names, kinds, plan = random_plan(seed=9, n=25, m=60)
        net = nw.Network("Plan")
        for name, kind in zip(names, kinds):
            net.add_actor(name, kind)
        for form, a, b, start in plan:
            net.add_tie(form, [a, b], start)
        as_of = D(2025, 2, 1)
        graph = net.to_networkx(as_of)
        copy = nw.Network.from_networkx(graph, name_attr="name")
        self.assertEqual(copy.name, "Plan")
        # actors by name with their kinds, those of the plan (to_networkx
        # leaves out no actor here: none has a joining date)
        self.assertEqual({a.name: a.kind for a in copy.actors}, dict(zip(names, kinds)))
        again = copy.to_networkx(as_of)

        def by_name(g):
            return {frozenset((g.nodes[u]["name"], g.nodes[v]["name"])): d["form"]
                    for u, v, d in g.edges(data=True)}

        self.assertEqual({d["name"] for _, d in again.nodes(data=True)},
                         {d["name"] for _, d in graph.nodes(data=True)})
        self.assertEqual(by_name(again), by_name(graph))
        # independently: the pairs and forms of the ties that exist on as_of
        expected = {}
        for form, a, b, start in plan:
            if start <= as_of:
                key = frozenset((names[a - 1], names[b - 1]))
                expected[key] = "".join(sorted(set(expected.get(key, "")) | {form.letter}))
        self.assertEqual(by_name(again), expected)

    def test_errors_make_no_network(self):
        loop = nx.Graph([(1, 2), (2, 2)])
        with self.assertRaises(nw.InvalidArgumentError):
            nw.Network.from_networkx(loop, start=START)
        with self.assertRaises(TypeError):
            nw.Network.from_networkx(nx.Graph([(1, 2)]))         # no start, no as_of
        with self.assertRaises(nw.ExistsError):
            nw.Network.from_networkx(nx.Graph([(1, "1")]), start=START)
        with self.assertRaises(nw.InvalidArgumentError):
            nw.Network.from_networkx(nx.Graph([(1, 2)]), start=START, name_attr="label")
        with self.assertRaises(nw.InvalidArgumentError):
            nw.Network.from_networkx(nx.Graph([(1, 2)]), start="2025-13-01")
        graph = nx.Graph([(1, 2)])
        graph.nodes[2]["kind"] = "club"
        with self.assertRaises(nw.InvalidArgumentError):
            nw.Network.from_networkx(graph, start=START)
        graph.nodes[2]["kind"] = nw.ActorKind.GROUP
        graph.nodes[1]["kind"] = "organisation"
        net = nw.Network.from_networkx(graph, start=START)
        self.assertEqual([a.kind for a in net.actors],
                         [nw.ActorKind.ORGANISATION, nw.ActorKind.GROUP])
        empty = nw.Network.from_networkx(nx.Graph(), start=START)
        self.assertEqual((empty.name, len(empty.actors), len(empty.ties)), ("NetworkX", 0, 0))


class LowLevelTest(unittest.TestCase):
    def test_core_methods(self):
        net = _core.Network("N")
        net.reserve(3, 2)
        self.assertEqual(net.add_actors(["A", "B", "C"], _core.PERSON), range(1, 4))
        self.assertEqual(net.add_ties(_core.KONTAKT, [(1, 2), (3, 2)], START), range(1, 3))
        self.assertEqual(net.tie_count(), 2)


if __name__ == "__main__":
    unittest.main()
