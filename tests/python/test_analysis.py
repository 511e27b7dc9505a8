"""The analysis from Python: snapshots and every measure, tie strength and
state, figures, change, timeline, losing touch, pandas and NetworkX
bridges, and the errors of misuse.

The expected values are worked out by hand from the definitions in
docs/analysis.md on a small network (drawn below)."""

import datetime
import math
import unittest

import netzwerk as nw
from netzwerk import _core

D = datetime.date
AS_OF = D(2025, 6, 1)


def build():
    """Seven actors on 2025-06-01:

        A --- B        t1 B Kooperation {A, B, C}, interaction 2025-05-20
         \\   /         t4 D Gruppe {A, B} since 2024-06-01 (AB is multiplex)
          \\ /
           C --- D --- E    t2 C Kontakt {C, D} (never activated: latent)
                            t3 A Begegnung {D, E} on 2025-05-01
        F (organisation): only t5 B Kooperation {E, F}, ended 2025-03-01
        G: joined 2025-03-01, no ties
    """
    net = nw.Network("Hand")
    a, b, c, d = (net.add_actor(n) for n in "ABCD")
    e = net.add_actor("E", nw.ActorKind.GROUP)
    f = net.add_actor("F", nw.ActorKind.ORGANISATION)
    g = net.add_actor("G", joined=D(2025, 3, 1))
    t1 = net.add_tie(nw.Form.KOOPERATION, [a, b, c], D(2025, 1, 1))
    t1.interactions.add(D(2025, 5, 20), nw.InteractionKind.MEETING)
    t2 = net.add_tie(nw.Form.KONTAKT, [c, d], D(2025, 2, 1))
    t3 = net.add_tie(nw.Form.BEGEGNUNG, [d, e], D(2025, 5, 1))
    t4 = net.add_tie(nw.Form.GRUPPE, [a, b], D(2024, 6, 1))
    t5 = net.add_tie(nw.Form.KOOPERATION, [e, f], D(2024, 1, 1), end=D(2025, 3, 1))
    return net, (a, b, c, d, e, f, g), (t1, t2, t3, t4, t5)


def by_name(values):
    return {actor.name: v for actor, v in values.items()}


# Strengths by the formula of docs/analysis.md with the default options.
def strength(base, age_days, contacts_ago, last_ago, half_life):
    age = 1 - 2 ** (-age_days / 365)
    i = sum(2 ** (-d / half_life) for d in contacts_ago)
    tending = i / (i + 1)
    recency = 2 ** (-last_ago / half_life)
    return (0.4 * base + 0.15 * age + 0.3 * tending + 0.15 * recency), (age, tending, recency)


S_T1, TERMS_T1 = strength(0.8, 151, [12], 12, 60)  # 2025-01-01 .. 06-01 is 151 days
S_T4, _ = strength(0.7, 365, [], 365, 90)


class SnapshotTest(unittest.TestCase):
    def setUp(self):
        self.net, self.actors, self.ties = build()
        self.snap = self.net.snapshot(AS_OF)

    def tearDown(self):
        self.net.close()

    def test_what_it_holds(self):
        s = self.snap
        self.assertEqual(s.as_of, AS_OF)
        self.assertEqual((len(s), s.pair_count, s.tie_count), (7, 5, 4))
        self.assertGreater(s.memory, 0)
        self.assertEqual(s.actor_ids, (1, 2, 3, 4, 5, 6, 7))
        self.assertEqual([a.name for a in s.actors], list("ABCDEFG"))
        self.assertIn(self.actors[6], s)
        self.assertIn(6, s)
        self.assertNotIn(nw.Network("other").add_actor("A"), s)
        self.assertIs(s.network, self.net)
        self.assertFalse(s.weighted)
        self.assertEqual(s.options, nw.SNAPSHOT_DEFAULTS)
        self.assertTrue(s.current and s.is_current(self.net))
        self.assertIn("7 actors, 5 pairs", repr(s))
        pairs = s.pairs()
        self.assertEqual([(p.a.name, p.b.name) for p in pairs],
                         [("A", "B"), ("A", "C"), ("B", "C"), ("C", "D"), ("D", "E")])
        self.assertEqual([(p.ties, p.strong, p.weight) for p in pairs[:1] + pairs[3:4]],
                         [(2, True, 1.0), (1, False, 1.0)])
        self.assertEqual(s.pairs(ids=True)[0][:2], (1, 2))
        # A change makes it stale but leaves it as it was.
        self.actors[6].name = "Gisela"
        self.assertFalse(s.current)
        self.assertEqual(len(s), 7)

    def test_actor_measures(self):
        s = self.snap
        self.assertEqual(by_name(s.degree()), dict(A=2, B=2, C=3, D=2, E=1, F=0, G=0))
        self.assertEqual(by_name(s.weighted_degree()), dict(A=2, B=2, C=3, D=2, E=1, F=0, G=0))
        # C joins {A, B} with {D, E}: 4 pairs; D joins {A, B, C} with E: 3 pairs.
        self.assertEqual(by_name(s.betweenness()), dict(A=0, B=0, C=4, D=3, E=0, F=0, G=0))
        self.assertAlmostEqual(s.betweenness(normalized=True)[self.actors[2]], 4 / 15)
        closeness = by_name(s.harmonic_closeness())
        expected = dict(A=1 + 1 + 1 / 2 + 1 / 3, B=1 + 1 + 1 / 2 + 1 / 3, C=3.5, D=3,
                        E=1 + 1 / 2 + 2 / 3, F=0, G=0)
        for name, value in expected.items():
            self.assertAlmostEqual(closeness[name], value, msg=name)
        self.assertAlmostEqual(s.harmonic_closeness(normalized=True)[self.actors[2]], 3.5 / 6)
        self.assertEqual(s.harmonic_closeness(ids=True)[3], 3.5)
        # Within two steps: A reaches B, C, D; C reaches everybody of its component.
        self.assertEqual(by_name(s.two_step_reach()), dict(A=3, B=3, C=4, D=4, E=2, F=0, G=0))
        # 2-step reach / sum of the neighbours' degrees: C 4 / (2 + 2 + 2).
        self.assertAlmostEqual(s.reach_efficiency()[self.actors[2]], 4 / 6)
        self.assertEqual(s.reach_efficiency()[self.actors[5]], 0)
        self.assertEqual(by_name(s.local_clustering()), dict(A=1, B=1, C=1 / 3, D=0, E=0, F=0, G=0))
        self.assertEqual(by_name(s.core_number()), dict(A=2, B=2, C=2, D=1, E=1, F=0, G=0))
        # Components are numbered from 0: the index into components().
        self.assertEqual(by_name(s.component_of()), dict(A=0, B=0, C=0, D=0, E=0, F=1, G=2))
        self.assertEqual([{a.name for a in part} for part in s.components()],
                         [set("ABCDE"), {"F"}, {"G"}])
        # The names of C and Lua: no closeness() or clustering() that NetworkX
        # users would take for closeness_centrality (in [0, 1]) or the like.
        self.assertFalse(hasattr(s, "closeness"))
        self.assertFalse(hasattr(s, "clustering"))
        # Burt: C has p = 1/3 to A, B, D; A and B are joined (p = 1/2).
        constraint = s.constraint()
        self.assertAlmostEqual(constraint[self.actors[2]], 2 * (1 / 3 + 1 / 6) ** 2 + 1 / 9)
        self.assertAlmostEqual(constraint[self.actors[3]], 0.5)
        self.assertTrue(math.isnan(constraint[self.actors[5]]))
        # Effective size of C: 3 - 2 * (1/3 * 1) = 7/3 (A and B are redundant to each other).
        self.assertAlmostEqual(s.effective_size()[self.actors[2]], 3 - 2 / 3)
        self.assertAlmostEqual(s.efficiency()[self.actors[2]], (3 - 2 / 3) / 3)
        self.assertEqual(s.degree(ids=True), {1: 2, 2: 2, 3: 3, 4: 2, 5: 1, 6: 0, 7: 0})
        self.assertIsInstance(s.degree(ids=True)[1], int)

    def test_lists(self):
        s = self.snap
        a, b, c, d, e, f, g = self.actors
        self.assertEqual(s.stars(), [c])
        self.assertEqual(s.isolates(), [f, g])
        self.assertEqual(s.isolates(ids=True), [6, 7])
        # D: betweenness 3/15 >= 0.1, constraint 1/4 + 1/4 = 0.5 <= 0.5; C's is 0.61.
        self.assertEqual(s.brokers(), [d])
        self.assertEqual(s.bridges(), [nw.Bridge(c, d, math.inf, False, 1.0),
                                       nw.Bridge(d, e, math.inf, False, 1.0)])
        self.assertEqual(s.bridges(local=True), s.bridges())
        self.assertEqual(s.bridges(ids=True)[0][:2], (3, 4))
        # Overlap: AB share C (1 / (1 + 1 - 1)), AC share B (1 / (1 + 2 - 1)).
        self.assertEqual(s.overlap(ids=True),
                         {(1, 2): 1.0, (1, 3): 0.5, (2, 3): 0.5, (3, 4): 0.0, (4, 5): 0.0})
        self.assertEqual(s.overlap()[(a, b)], 1.0)

    def test_local_bridge_span(self):
        # A square A-B-C-D-A: no common neighbours, each pair a local bridge of span 3.
        with nw.Network("Ring") as net:
            a, b, c, d = (net.add_actor(n) for n in "ABCD")
            for x, y in ((a, b), (b, c), (c, d), (d, a)):
                net.add_tie(nw.Form.KOOPERATION, [x, y], D(2025, 1, 1))
            snap = net.snapshot(AS_OF)
            self.assertEqual(snap.bridges(), [])
            local = snap.bridges(local=True, ids=True)
            self.assertEqual([(x.a, x.b, x.span, x.strong) for x in local],
                             [(1, 2, 3, True), (1, 4, 3, True), (2, 3, 3, True), (3, 4, 3, True)])

    def test_figures(self):
        fig = self.snap.figures()
        self.assertIsInstance(fig, nw.Figures)
        expected = dict(
            as_of=AS_OF, actors=7, size=5, size_activatable=5, actors_person=5,
            actors_group=1, actors_organisation=1, ties=4, ties_begegnung=1,
            ties_kooperation=1, ties_kontakt=1, ties_gruppe=1, ties_strong=2, ties_weak=2,
            ties_active=2, ties_dormant=1, ties_latent=1, pairs=5, pairs_multiplex=1,
            pairs_strong=3, components=3, largest_component=5, isolates=2, degree_max=3,
            triangles=1, diameter=3, paths_exact=True, max_core=2, max_core_size=3)
        for name, value in expected.items():
            self.assertEqual(getattr(fig, name), value, name)
            self.assertIs(type(getattr(fig, name)), type(value), name)
        self.assertAlmostEqual(fig.density, 10 / 42)
        self.assertAlmostEqual(fig.largest_share, 5 / 7)
        self.assertAlmostEqual(fig.degree_mean, 10 / 7)
        self.assertAlmostEqual(fig.transitivity, 3 / 6)  # 1 triangle, 6 connected triples
        self.assertAlmostEqual(fig.clustering_mean, (1 + 1 + 1 / 3) / 7)
        self.assertAlmostEqual(fig.ei_index, (1 - 4) / 5)  # D-E crosses kinds
        self.assertEqual(fig.strength_mean, 1.0)
        # Mean distance in {A..E}: 10 pairs, distances 1,1,2,3 (A) 1,2,3 (B) 1,2 (C) 1 (D).
        self.assertAlmostEqual(fig.path_mean, (7 + 6 + 3 + 1) / 10)
        self.assertEqual(list(fig.as_dict())[:3], ["as_of", "actors", "size"])
        self.assertEqual(self.net.figures(AS_OF), fig)
        self.assertEqual(self.net.figures(AS_OF, strong=True).ties, 2)

    def test_weighted_and_forms(self):
        s = self.net.snapshot(AS_OF, weighted=True)
        self.assertTrue(s.weighted)
        a, b = self.actors[:2]
        ab = s.pairs()[0]
        self.assertAlmostEqual(ab.weight, 1 - (1 - S_T1) * (1 - S_T4))
        self.assertAlmostEqual(s.weighted_degree()[a], ab.weight + s.pairs()[1].weight)
        strong = self.net.snapshot(AS_OF, strong=True)
        self.assertEqual((strong.tie_count, strong.pair_count), (2, 3))
        self.assertEqual(self.net.snapshot(AS_OF, forms="CA").tie_count, 2)
        self.assertEqual(self.net.snapshot(AS_OF, forms=nw.Form.KONTAKT).pair_count, 1)
        self.assertEqual(self.net.snapshot(AS_OF, form_mask=1 << nw.Form.GRUPPE).tie_count, 1)
        # Options by name change the analysis: Kooperation dormant after 5 days.
        s = self.net.snapshot(AS_OF, dormant_after_kooperation=5, broker_max_constraint=0.4)
        self.assertEqual(s.options["dormant_after_kooperation"], 5)
        self.assertEqual(s.figures().ties_dormant, 2)
        self.assertEqual(s.brokers(), [])
        # numpy's numbers (as pandas hands them out) pass like Python's.
        import numpy
        s = self.net.snapshot(AS_OF, dormant_after_kooperation=numpy.int64(5),
                              half_life_kooperation=numpy.float64(30), path_sources=numpy.int32(2))
        self.assertEqual((s.options["dormant_after_kooperation"], s.options["path_sources"]), (5, 2))
        self.assertEqual(s.options["half_life_kooperation"], 30.0)


class StrengthTest(unittest.TestCase):
    def setUp(self):
        self.net, self.actors, self.ties = build()

    def tearDown(self):
        self.net.close()

    def test_strength_and_terms(self):
        t1, t2, t3, t4, t5 = self.ties
        self.assertAlmostEqual(t1.strength(AS_OF), S_T1)
        terms = t1.strength_terms(AS_OF)
        self.assertIsInstance(terms, nw.StrengthTerms)
        self.assertEqual((terms.base, terms.last_contact, terms.interactions),
                         (0.8, D(2025, 5, 20), 1))
        for got, want in zip((terms.age, terms.tending, terms.recency), TERMS_T1):
            self.assertAlmostEqual(got, want)
        self.assertAlmostEqual(terms.strength, S_T1)
        # The interaction after the date does not count yet.
        self.assertEqual(t1.strength_terms(D(2025, 5, 1)).interactions, 0)
        # Options by name: only the base term counts.
        self.assertAlmostEqual(t1.strength(AS_OF, weight_age=0, weight_tending=0,
                                           weight_recency=0), 0.8)
        self.assertAlmostEqual(t4.strength("2025-06-01"), S_T4)
        self.assertEqual(t5.strength(AS_OF), 0.0)
        self.assertIsNone(t5.strength_terms(AS_OF).last_contact)

    def test_state(self):
        t1, t2, t3, t4, t5 = self.ties
        self.assertEqual([t.state(AS_OF) for t in self.ties],
                         [nw.TieState.ACTIVE, nw.TieState.LATENT, nw.TieState.ACTIVE,
                          nw.TieState.DORMANT, nw.TieState.ABSENT])
        self.assertEqual(t1.state(AS_OF, dormant_after_kooperation=10), nw.TieState.DORMANT)
        self.assertEqual(str(nw.TieState.LATENT), "latent")
        self.assertEqual(f"{t2.state(AS_OF)}", "latent")

    def test_pair_strength(self):
        a, b, c, d, e, f, g = self.actors
        self.assertAlmostEqual(a.pair_strength(b, AS_OF), 1 - (1 - S_T1) * (1 - S_T4))
        self.assertEqual(a.pair_tie_count(b, AS_OF), 2)
        self.assertAlmostEqual(a.pair_strength(b, AS_OF, strong=True, forms="D"), S_T4)
        self.assertEqual(a.pair_tie_count(b, AS_OF, forms="B"), 1)
        self.assertEqual(a.pair_strength(g, AS_OF), 0.0)
        self.assertEqual(e.pair_tie_count(f, AS_OF), 0)  # ended

    def test_losing_touch(self):
        t1, t2, t3, t4, t5 = self.ties
        touch = self.net.losing_touch(AS_OF)
        self.assertEqual(touch, [nw.Touch(t4, nw.Form.GRUPPE, D(2024, 6, 1), 365, True)])
        # Kooperation: ideal every 14 days; on 2025-06-10 t1's last contact is 21 days old.
        later = self.net.losing_touch(D(2025, 6, 10), forms="B")
        self.assertEqual(later, [nw.Touch(t1, nw.Form.KOOPERATION, D(2025, 5, 20), 21, False)])
        self.assertEqual(self.net.losing_touch(AS_OF, touch_ideal_gruppe=0), [])


class ChangeTimelineTest(unittest.TestCase):
    def setUp(self):
        self.net, self.actors, self.ties = build()

    def tearDown(self):
        self.net.close()

    def test_change(self):
        change = self.net.change(D(2025, 1, 15), AS_OF)
        self.assertIsInstance(change, nw.Change)
        self.assertEqual((change.before.as_of, change.after.as_of), (D(2025, 1, 15), AS_OF))
        self.assertEqual(change.actors_joined, [7])   # G joined 2025-03-01
        self.assertEqual(change.actors_left, [])
        self.assertEqual(change.ties_began, [2, 3])
        self.assertEqual(change.ties_ended, [5])
        delta = change.delta()
        self.assertEqual((delta["ties"], delta["actors"], delta["pairs"]), (1, 1, 5 - 4))
        self.assertNotIn("as_of", delta)
        self.assertEqual(delta["paths_exact"], 0)
        s1 = self.net.snapshot(D(2025, 1, 15))
        self.assertEqual(s1.compare(self.net.snapshot(AS_OF)), change)

    def test_timeline(self):
        line = self.net.timeline(D(2025, 1, 1), AS_OF, 30)
        self.assertIsInstance(line, nw.Timeline)
        self.assertEqual([f.as_of for f in line],
                         [D(2025, 1, 1), D(2025, 1, 31), D(2025, 3, 2), D(2025, 4, 1),
                          D(2025, 5, 1), D(2025, 5, 31)])
        self.assertEqual([f.ties for f in line], [3, 3, 3, 3, 4, 4])
        self.assertEqual([f.ties_kontakt for f in line], [0, 0, 1, 1, 1, 1])
        coarse = self.net.timeline(D(2025, 1, 1), AS_OF, datetime.timedelta(days=75))
        self.assertEqual(coarse, [line[0], self.net.figures(D(2025, 3, 17)), line[-1]])
        frame = line.to_pandas()
        self.assertEqual(list(frame.index), [f.as_of for f in line])
        self.assertEqual(list(frame["ties"]), [3, 3, 3, 3, 4, 4])
        self.assertEqual(len(nw.Timeline().to_pandas()), 0)


class BridgesTest(unittest.TestCase):
    def setUp(self):
        self.net, self.actors, self.ties = build()

    def tearDown(self):
        self.net.close()

    def test_to_networkx(self):
        graph = self.net.to_networkx(AS_OF)
        self.assertEqual(sorted(graph.nodes), [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(graph.nodes[5]["name"], "E")
        self.assertEqual(graph.nodes[5]["kind"], "group")
        self.assertEqual(graph.nodes[7]["joined"], D(2025, 3, 1))
        self.assertEqual(sorted(graph.edges), [(1, 2), (1, 3), (2, 3), (3, 4), (4, 5)])
        ab = graph.edges[1, 2]
        self.assertEqual((ab["ties"], ab["form"], ab["strong"], ab["multiplex"]),
                         ([1, 4], "BD", True, 2))
        self.assertEqual(ab["forms"], [nw.Form.KOOPERATION, nw.Form.GRUPPE])
        self.assertAlmostEqual(ab["weight"], 1 - (1 - S_T1) * (1 - S_T4))
        self.assertAlmostEqual(ab["distance"], 1 / ab["weight"])
        self.assertEqual(graph.edges[3, 4]["form"], "C")
        self.assertFalse(graph.edges[3, 4]["strong"])
        unweighted = self.net.to_networkx(AS_OF, weighted=False)
        self.assertEqual(unweighted.edges[1, 2]["weight"], 1.0)
        self.assertEqual(graph.graph["as_of"], AS_OF)
        self.assertEqual(sorted(self.net.to_networkx(AS_OF, strong=True).edges),
                         [(1, 2), (1, 3), (2, 3)])
        # The date is required: the library never reads the clock.
        with self.assertRaisesRegex(TypeError, "as_of"):
            self.net.to_networkx()
        with self.assertRaisesRegex(TypeError, "as_of"):
            self.net.to_networkx(weighted=False)

    def test_to_pandas(self):
        actors, ties = self.net.to_pandas()
        self.assertEqual(list(actors.index), [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(list(actors["name"]), list("ABCDEFG"))
        self.assertEqual(actors.loc[6, "kind"], "organisation")
        self.assertEqual(actors.loc[1, "ties"], 2)
        self.assertEqual(list(ties["form"]), ["B", "C", "A", "D", "B"])
        self.assertEqual(ties.loc[1, "members"], (1, 2, 3))
        self.assertEqual(ties.loc[1, "last_interaction"], D(2025, 5, 20))
        self.assertEqual(ties.loc[5, "end"], D(2025, 3, 1))
        frame = self.net.snapshot(AS_OF).to_pandas()
        self.assertEqual(list(frame.index), [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(frame.loc[3, "betweenness"], 4)
        self.assertEqual(frame.loc[3, "name"], "C")
        self.assertEqual(list(frame["broker"]), [False, False, False, True, False, False, False])
        self.assertEqual(frame.loc[7, "component_of"], 2)
        self.assertAlmostEqual(frame.loc[3, "harmonic_closeness"], 3.5)
        self.assertAlmostEqual(frame.loc[3, "local_clustering"], 1 / 3)
        self.assertNotIn("closeness", frame.columns)
        self.assertNotIn("clustering", frame.columns)


class MisuseTest(unittest.TestCase):
    def setUp(self):
        self.net, self.actors, self.ties = build()

    def tearDown(self):
        self.net.close()

    def test_stale(self):
        snap = self.net.snapshot(AS_OF)
        self.actors[6].remove()
        with self.assertRaises(nw.StaleError):
            snap.degree()            # G was removed: name it by identity
        self.assertEqual(snap.degree(ids=True)[7], 0)
        with self.assertRaises(nw.StaleError):
            self.actors[6].pair_strength(self.actors[0], AS_OF)
        self.ties[0].remove()
        with self.assertRaises(nw.StaleError):
            self.ties[0].strength(AS_OF)
        with self.assertRaises(nw.StaleError):
            self.ties[0].state(AS_OF)
        other = nw.Network("other")
        self.assertFalse(snap.is_current(other))
        other.close()
        with self.assertRaises(nw.StaleError):
            snap.is_current(other)
        self.net.close()
        # The snapshot outlives its network; actors cannot be named any more.
        self.assertFalse(snap.current)
        self.assertEqual(snap.betweenness(ids=True)[3], 4)
        self.assertEqual(snap.figures().actors, 7)
        self.assertNotIn("name", snap.to_pandas().columns)
        for call in (snap.degree, snap.stars, snap.pairs, snap.bridges, lambda: snap.actors):
            with self.assertRaises(nw.StaleError):
                call()
        with self.assertRaises(nw.StaleError):
            self.net.snapshot(AS_OF)
        with self.assertRaises(nw.StaleError):
            self.net.timeline(D(2025, 1, 1), AS_OF)
        with self.assertRaises(nw.StaleError):
            self.net.losing_touch(AS_OF)
        with self.assertRaises(nw.StaleError):
            self.ties[1].strength(AS_OF)

    def test_invalid_arguments(self):
        a, b = self.actors[:2]
        for bad in ("2025-02-30", "1.6.2025", ""):
            with self.subTest(date=bad), self.assertRaises(nw.InvalidArgumentError):
                self.net.snapshot(bad)
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.snapshot(AS_OF, half_life_kooperation=-1.0)
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.snapshot(AS_OF, weight_base=0, weight_age=0, weight_tending=0,
                              weight_recency=0)
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.snapshot(AS_OF, form_mask=1 << 7)
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.timeline(AS_OF, D(2025, 1, 1), 30)     # end before start
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.timeline(D(2025, 1, 1), AS_OF, 0)
        with self.assertRaises(nw.InvalidArgumentError):
            a.pair_strength(a, AS_OF)
        other = nw.Network("other")
        with self.assertRaises(nw.InvalidArgumentError):
            a.pair_strength(other.add_actor("X"), AS_OF)
        with self.assertRaises(nw.InvalidArgumentError):
            self.ties[0].strength(None)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.snapshot_option_type("no_such_option")
        with self.assertRaises(nw.LimitError):
            self.net.timeline(D(1900, 1, 1), D(2200, 1, 1), 1)
        with self.assertRaises(nw.NotFoundError):
            self.net.snapshot(AS_OF)._h.degree().get(7)
        with self.assertRaises(nw.NotFoundError):
            self.net.snapshot(AS_OF)._h.actor_id(7)
        with self.assertRaises(nw.NotFoundError):
            self.net.snapshot(AS_OF)._h.vertex_of(99)

    def test_wrong_types(self):
        a = self.actors[0]
        with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'halflife'"):
            self.net.snapshot(AS_OF, halflife=3)
        with self.assertRaisesRegex(TypeError, "expects an int"):
            self.net.snapshot(AS_OF, path_sources="all")
        with self.assertRaises(OverflowError):
            self.net.snapshot(AS_OF, path_sources=2**2000)
        with self.assertRaisesRegex(TypeError, "option names are str"):
            self.net._h.snapshot(AS_OF, {1: 2})
        with self.assertRaisesRegex(TypeError, "expected a dict"):
            self.net._h.snapshot(AS_OF, [("weighted", True)])
        with self.assertRaisesRegex(TypeError, "expects an int"):
            self.net.snapshot(AS_OF, dormant_after_kooperation=1.5)
        with self.assertRaisesRegex(TypeError, "expects a number"):
            self.net.snapshot(AS_OF, half_life_kooperation="30")
        with self.assertRaisesRegex(TypeError, "expects a number"):
            self.net.snapshot(AS_OF, half_life_kooperation=True)
        with self.assertRaises(TypeError):
            self.net.snapshot(AS_OF, forms="B", form_mask=2)
        with self.assertRaises(TypeError):
            self.net.snapshot(20250601)
        with self.assertRaises(TypeError):
            self.net.snapshot(datetime.datetime(2025, 6, 1))
        with self.assertRaises(TypeError):
            self.net.snapshot(AS_OF).compare("2025-01-01")
        with self.assertRaises(TypeError):
            self.net.snapshot(AS_OF).is_current("net")
        with self.assertRaises(TypeError):
            a.pair_strength("B", AS_OF)
        with self.assertRaises(TypeError):
            nw.Snapshot()
        with self.assertRaises(ValueError):
            self.net.snapshot(AS_OF, forms="X")

    def test_option_errors_name_what_the_user_wrote(self):
        t1 = self.ties[0]
        a, b = self.actors[:2]
        invalid = [  # the keyword the user wrote, not the library's option field
            (dict(half_life_kooperation=-1), "option half_life_kooperation must be > 0"),
            (dict(base_kontakt=2), "option base_kontakt must lie in [0, 1]"),
            (dict(dormant_after_gruppe=-3), "option dormant_after_gruppe must be > 0"),
            (dict(touch_ideal_begegnung=5, touch_max_begegnung=1),
             "option touch_max_begegnung must be 0 or >= touch_ideal_begegnung"),
            (dict(maturity_half_life=0), "option maturity_half_life must be > 0"),
        ]
        for options, message in invalid:
            with self.subTest(options=options):
                for call in (lambda: self.net.snapshot(AS_OF, **options),
                             lambda: t1.strength(AS_OF, **options)):
                    with self.assertRaises(nw.InvalidArgumentError) as caught:
                        call()
                    self.assertEqual(str(caught.exception), message)
                    self.assertNotIn("form[", str(caught.exception))
                for name in options:
                    self.assertIn(name, nw.SNAPSHOT_DEFAULTS)
        with self.assertRaises(nw.InvalidArgumentError) as caught:
            self.net.snapshot(AS_OF, weight_base=-1)
        self.assertNotIn("weight_*", str(caught.exception))
        self.assertIn("weight_base", str(caught.exception))
        unknown = {  # the function the user called, not the low-level table
            "figures": lambda: self.net.figures(AS_OF, halflife=3),
            "change": lambda: self.net.change(AS_OF, AS_OF, halflife=3),
            "timeline": lambda: self.net.timeline(AS_OF, AS_OF, halflife=3),
            "losing_touch": lambda: self.net.losing_touch(AS_OF, halflife=3),
            "to_networkx": lambda: self.net.to_networkx(AS_OF, halflife=3),
            "strength": lambda: t1.strength(AS_OF, halflife=3),
            "strength_terms": lambda: t1.strength_terms(AS_OF, halflife=3),
            "state": lambda: t1.state(AS_OF, halflife=3),
            "pair_strength": lambda: a.pair_strength(b, AS_OF, halflife=3),
            "pair_tie_count": lambda: a.pair_tie_count(b, AS_OF, halflife=3),
        }
        for name, call in unknown.items():
            with self.subTest(name=name), self.assertRaises(TypeError) as caught:
                call()
            self.assertEqual(str(caught.exception),
                             f"{name}() got an unexpected keyword argument 'halflife'")
        with self.assertRaisesRegex(TypeError, r"^figures\(\): option path_sources expects"):
            self.net.figures(AS_OF, path_sources="all")

    def test_missing_optional_packages_say_what_to_install(self):
        import sys
        from unittest import mock
        calls = {"pandas": [self.net.to_pandas, self.net.snapshot(AS_OF).to_pandas,
                            self.net.timeline(AS_OF, AS_OF).to_pandas],
                 "networkx": [lambda: self.net.to_networkx(AS_OF)]}
        for module, functions in calls.items():
            for call in functions:
                with self.subTest(module=module, call=call), \
                        mock.patch.dict(sys.modules, {module: None}):
                    with self.assertRaises(ImportError) as caught:
                        call()
                    self.assertIn(f"apt-get install python3-{module}", str(caught.exception))
                    self.assertIn(f"netzwerk[{module}]", str(caught.exception))
                    self.assertEqual(caught.exception.name, module)

    def test_help(self):
        import pydoc
        text = pydoc.render_doc(nw.Network, renderer=pydoc.plaintext)
        for expected in ("snapshot", "to_networkx", "losing_touch", "timeline", "figures"):
            self.assertIn(expected, text)
        text = pydoc.render_doc(nw.Snapshot, renderer=pydoc.plaintext)
        for expected in ("immutable", "betweenness", "releases the GIL", "ids=True"):
            self.assertIn(expected.lower(), text.lower())
        for cls in (nw.Snapshot, nw.Figures, nw.Change, nw.Timeline, nw.TieState,
                    nw.StrengthTerms, nw.Touch, nw.Pair, nw.Bridge):
            self.assertTrue(cls.__doc__ and len(cls.__doc__) > 40, cls)

    def test_figures_names_match_the_library(self):
        import dataclasses
        rec = self.net.snapshot(AS_OF)._h.figures()
        names = [rec.name_at(i) for i in range(rec.count_fields())]
        self.assertEqual(names, [f.name for f in dataclasses.fields(nw.Figures)])
        self.assertEqual(rec.value_at(0), _core.days(AS_OF))


if __name__ == "__main__":
    unittest.main()
