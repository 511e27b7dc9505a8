"""Network: name, topics, goals, actors and ties views, look-up, lifetime."""

import datetime
import gc
import unittest

import netzwerk as nw

D = datetime.date


class NetworkTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("Sichere Schulwege", topics=["Schulweg", "Verkehr"],
                              goals=["Laufbus bis 2026"])

    def tearDown(self):
        self.net.close()

    def test_name(self):
        self.assertEqual(self.net.name, "Sichere Schulwege")
        self.net.name = "Sichere Schulwege Nordstadt"
        self.assertEqual(self.net.name, "Sichere Schulwege Nordstadt")
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.name = ""
        self.assertEqual(self.net.name, "Sichere Schulwege Nordstadt")
        with self.assertRaises(nw.InvalidArgumentError):
            nw.Network("")

    def test_topics_are_a_live_ordered_set(self):
        topics = self.net.topics
        self.assertEqual(topics, ["Schulweg", "Verkehr"])
        self.assertEqual(len(topics), 2)
        topics.add("Spielplätze")
        self.assertEqual(list(self.net.topics), ["Schulweg", "Verkehr", "Spielplätze"])
        self.assertEqual(topics[-1], "Spielplätze")
        self.assertEqual(topics[0:2], ["Schulweg", "Verkehr"])
        self.assertIn("Verkehr", topics)
        self.assertNotIn("verkehr", topics)  # byte for byte, no case folding
        with self.assertRaises(nw.ExistsError):
            topics.add("Schulweg")
        topics.remove("Schulweg")
        self.assertEqual(topics, ("Verkehr", "Spielplätze"))
        with self.assertRaises(nw.NotFoundError):
            topics.remove("Schulweg")
        topics.discard("Schulweg")
        with self.assertRaises(IndexError):
            topics[5]
        self.assertEqual(topics.index("Spielplätze"), 1)
        self.assertEqual(repr(topics), "TextSet(['Verkehr', 'Spielplätze'])")

    def test_goals(self):
        goals = self.net.goals
        self.assertEqual(goals, ["Laufbus bis 2026"])
        goals.add("Elterntaxis halbieren")
        self.assertEqual(len(goals), 2)
        goals.remove("Laufbus bis 2026")
        self.assertEqual(goals, ["Elterntaxis halbieren"])

    def test_iterating_a_text_set_while_changing_it(self):
        for topic in self.net.topics:
            self.net.topics.remove(topic)
        self.assertEqual(len(self.net.topics), 0)

    def test_add_and_find_actors(self):
        juz = self.net.add_actor("Jugendzentrum", nw.ActorKind.ORGANISATION)
        anna = self.net.add_actor("Anna")
        self.assertEqual((juz.id, anna.id), (1, 2))
        self.assertEqual(anna.kind, nw.ActorKind.PERSON)
        self.assertEqual(self.net.actor("Anna"), anna)
        self.assertEqual(self.net.actor(1), juz)
        self.assertEqual(len(self.net.actors), 2)
        self.assertEqual([a.name for a in self.net.actors], ["Jugendzentrum", "Anna"])
        self.assertIn(anna, self.net.actors)
        self.assertIn("Anna", self.net.actors)
        self.assertIn(anna, self.net)
        self.assertNotIn("Berta", self.net)
        self.assertNotIn(42, self.net.actors)
        with self.assertRaises(TypeError):
            self.net.actor(True)

    def test_add_actor_with_keywords(self):
        anna = self.net.add_actor("Anna", joined=D(2024, 9, 1), interests=["Verkehr"],
                                  contacts=[(nw.Channel.EMAIL, "anna@example.org")],
                                  attrs={"Rolle": "Elternvertreterin"})
        self.assertEqual(anna.joined, D(2024, 9, 1))
        self.assertEqual(anna.interests, ["Verkehr"])
        self.assertEqual(list(anna.contacts), [(nw.Channel.EMAIL, "anna@example.org")])
        self.assertEqual(dict(anna.attrs), {"Rolle": "Elternvertreterin"})

    def test_a_failing_keyword_removes_the_new_actor(self):
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_actor("Berta", contacts=[(nw.Channel.EMAIL, "keine-adresse")])
        self.assertNotIn("Berta", self.net.actors)
        self.assertEqual(len(self.net.actors), 0)
        # The identity stays used: identities are never reused.
        self.assertEqual(self.net.add_actor("Carla").id, 2)

    def test_ties_view_and_form_selection(self):
        a, b, c = (self.net.add_actor(n) for n in ("A", "B", "C"))
        coop = self.net.add_tie(nw.Form.KOOPERATION, [a, b], D(2025, 1, 1))
        contact = self.net.add_tie(nw.Form.KONTAKT, ["A", "C"], "2025-02-01")
        group = self.net.add_tie("D", [a, b, c], D(2025, 3, 1))
        self.assertEqual(len(self.net.ties), 3)
        self.assertEqual(list(self.net.ties), [coop, contact, group])
        self.assertEqual(list(self.net.ties(nw.Form.KONTAKT)), [contact])
        self.assertEqual(len(self.net.ties(strong=True)), 2)
        self.assertEqual(list(self.net.ties(strong=False)), [contact])
        self.assertEqual(len(self.net.ties([nw.Form.BEGEGNUNG, nw.Form.KOOPERATION])), 1)
        self.assertEqual(len(self.net.ties(nw.Form.BEGEGNUNG)), 0)
        self.assertEqual(self.net.ties(strong=True).forms, {nw.Form.KOOPERATION, nw.Form.GRUPPE})
        self.assertIn(coop, self.net.ties)
        self.assertNotIn(coop, self.net.ties(nw.Form.KONTAKT))
        self.assertIn(group, self.net)
        self.assertEqual(self.net.tie(2), contact)
        with self.assertRaises(nw.NotFoundError):
            self.net.tie(4)

    def test_add_tie_with_keywords(self):
        a, b = self.net.add_actor("A"), self.net.add_actor("B")
        t = self.net.add_tie(nw.Form.KOOPERATION, [a, b], D(2025, 1, 1), end=D(2025, 6, 30),
                             label="Laufbus", imposed=True, topics=["Schulweg"],
                             goals=["Jeden Morgen"])
        self.assertEqual((t.label, t.imposed, t.end), ("Laufbus", True, D(2025, 6, 30)))
        self.assertEqual((t.topics, t.goals), (["Schulweg"], ["Jeden Morgen"]))
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_tie(nw.Form.KOOPERATION, [a, b], D(2025, 1, 1), end=D(2024, 1, 1))
        self.assertEqual(len(self.net.ties), 1)

    def test_add_tie_errors(self):
        a = self.net.add_actor("A")
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_tie(nw.Form.KOOPERATION, [a], D(2025, 1, 1))
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_tie(nw.Form.KOOPERATION, [a, a], D(2025, 1, 1))
        with self.assertRaises(nw.NotFoundError):
            self.net.add_tie(nw.Form.KOOPERATION, [a, "Niemand"], D(2025, 1, 1))
        with self.assertRaises(ValueError):
            self.net.add_tie(7, [a, a], D(2025, 1, 1))
        self.assertEqual(len(self.net.ties), 0)

    def test_iterating_while_adding_reaches_the_new_actors(self):
        self.net.add_actor("A")
        seen = []
        for actor in self.net.actors:
            seen.append(actor.name)
            if actor.name == "A":
                self.net.add_actor("B")
        self.assertEqual(seen, ["A", "B"])

    def test_repr(self):
        self.net.add_actor("A")
        self.assertEqual(repr(self.net), "<Network 'Sichere Schulwege': 1 actors, 0 ties>")
        self.net.close()
        self.assertEqual(repr(self.net), "<Network (closed)>")


class LifetimeTest(unittest.TestCase):
    def test_context_manager_closes(self):
        with nw.Network("N") as net:
            anna = net.add_actor("Anna")
            self.assertFalse(net.closed)
        self.assertTrue(net.closed)
        with self.assertRaises(nw.StaleError):
            anna.name
        with self.assertRaises(nw.StaleError):
            net.name

    def test_close_twice(self):
        net = nw.Network("N")
        net.close()
        net.close()
        self.assertTrue(net.closed)

    def test_children_keep_the_network_alive(self):
        anna = nw.Network("N").add_actor("Anna")
        gc.collect()
        self.assertEqual(anna.name, "Anna")
        self.assertEqual(anna.network.name, "N")


if __name__ == "__main__":
    unittest.main()
