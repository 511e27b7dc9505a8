"""Tie: form, members, dates, imposed flag, label, topics, goals and the
interaction log."""

import copy
import datetime
import unittest

import netzwerk as nw

D = datetime.date


class TieTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("Nordstadt")
        self.juz = self.net.add_actor("Jugendzentrum", nw.ActorKind.ORGANISATION)
        self.schule = self.net.add_actor("Grundschule", nw.ActorKind.ORGANISATION)
        self.eltern = self.net.add_actor("Elterninitiative", nw.ActorKind.GROUP)
        self.tie = self.net.add_tie(nw.Form.KOOPERATION, [self.schule, self.juz], D(2025, 2, 1))

    def tearDown(self):
        self.net.close()

    def test_basics(self):
        self.assertEqual(self.tie.id, 1)
        self.assertIs(self.tie.form, nw.Form.KOOPERATION)
        self.assertTrue(self.tie.strong)
        self.assertIs(self.tie.network, self.net)
        with self.assertRaises(TypeError):
            nw.Tie()

    def test_members_in_order_of_identity(self):
        members = self.tie.members
        self.assertEqual(list(members), [self.juz, self.schule])
        self.assertEqual(len(members), 2)
        self.assertIn(self.juz, members)
        self.assertNotIn(self.eltern, members)
        members.add(self.eltern)
        self.assertEqual(members[-1], self.eltern)
        with self.assertRaises(nw.ExistsError):
            members.add("Elterninitiative")
        members.remove(self.juz)
        self.assertEqual(members[:], [self.schule, self.eltern])
        with self.assertRaises(nw.NotFoundError):
            members.remove(self.juz)
        with self.assertRaises(nw.InvalidArgumentError):
            members.remove(self.schule)  # a tie keeps two members
        with self.assertRaises(IndexError):
            members[2]

    def test_dates(self):
        self.assertEqual(self.tie.start, D(2025, 2, 1))
        self.assertIsNone(self.tie.end)
        self.assertFalse(self.tie.exists_on(D(2025, 1, 31)))
        self.assertTrue(self.tie.exists_on(D(2025, 2, 1)))
        self.assertTrue(self.tie.exists_on(D(2030, 1, 1)))
        self.tie.end = D(2025, 7, 31)
        self.assertTrue(self.tie.exists_on(D(2025, 7, 31)))
        self.assertFalse(self.tie.exists_on(D(2025, 8, 1)))
        self.assertFalse(self.tie.exists_on(as_of=D(2025, 8, 1)))  # the keyword of queries
        with self.assertRaises(nw.InvalidArgumentError):
            self.tie.end = D(2025, 1, 1)  # before the start
        with self.assertRaises(nw.InvalidArgumentError):
            self.tie.start = D(2025, 8, 1)  # after the end
        self.tie.start = "2025-01-15"
        self.assertEqual(self.tie.start, D(2025, 1, 15))
        self.tie.end = None  # reopened
        self.assertIsNone(self.tie.end)
        with self.assertRaises(nw.InvalidArgumentError):
            self.tie.start = None

    def test_imposed_and_label(self):
        self.assertFalse(self.tie.imposed)
        self.tie.imposed = True
        self.assertTrue(self.tie.imposed)
        self.assertEqual(self.tie.label, "")
        self.tie.label = "Laufbus"
        self.assertEqual(self.tie.label, "Laufbus")
        self.tie.label = ""
        self.assertEqual(self.tie.label, "")
        with self.assertRaises(nw.InvalidArgumentError):
            self.tie.label = "zwei\nZeilen"

    def test_topics_and_goals(self):
        self.tie.topics.add("Schulweg")
        self.tie.goals.add("Laufbus an drei Tagen")
        self.tie.goals.add("Elternabend")
        self.assertEqual(self.tie.topics, ["Schulweg"])
        self.assertEqual(len(self.tie.goals), 2)
        self.tie.goals.remove("Elternabend")
        self.tie.topics.remove("Schulweg")
        self.assertEqual((len(self.tie.topics), list(self.tie.goals)), (0, ["Laufbus an drei Tagen"]))

    def test_interactions_in_date_order(self):
        log = self.tie.interactions
        log.add(D(2025, 3, 10), nw.InteractionKind.MEETING, "Planung")
        log.add(D(2025, 2, 20), nw.InteractionKind.CALL)
        log.add(D(2025, 3, 10), nw.InteractionKind.EVENT, "Laufbus-Start\nmit Presse")
        self.assertEqual(len(log), 3)
        self.assertEqual(log[0], nw.Interaction(D(2025, 2, 20), nw.InteractionKind.CALL, ""))
        # Same day: kept in the order logged.
        self.assertEqual([i.note for i in log[1:]], ["Planung", "Laufbus-Start\nmit Presse"])
        self.assertIs(log[2].kind, nw.InteractionKind.EVENT)
        with self.assertRaises(nw.InvalidArgumentError):
            log.add(D(2025, 1, 31), nw.InteractionKind.MESSAGE)  # before the start
        with self.assertRaises(ValueError):
            log.add(D(2025, 4, 1), 9)
        del log[0]
        self.assertEqual([i.date for i in log], [D(2025, 3, 10), D(2025, 3, 10)])
        with self.assertRaises(IndexError):
            del log[5]
        with self.assertRaises(nw.InvalidArgumentError):
            self.tie.end = D(2025, 3, 9)  # before the last interaction

    def test_remove(self):
        self.tie.remove()
        self.assertNotIn(self.tie, self.net.ties)
        self.assertEqual(len(self.net.ties), 0)
        self.assertEqual(len(self.juz.ties), 0)
        with self.assertRaises(nw.StaleError):
            self.tie.label
        self.assertEqual(self.net.add_tie("A", [self.juz, self.eltern], D(2025, 1, 1)).id, 2)

    def test_equality_and_repr(self):
        self.assertEqual(self.net.tie(1), self.tie)
        self.assertEqual(hash(self.net.tie(1)), hash(self.tie))
        self.assertEqual(copy.copy(self.tie), self.tie)
        other = self.net.add_tie(nw.Form.KONTAKT, [self.juz, self.eltern], D(2025, 1, 1))
        self.assertNotEqual(other, self.tie)
        self.assertNotEqual(self.tie, self.juz)
        self.assertEqual(repr(self.tie), "<Tie 1 B Kooperation: 'Jugendzentrum', 'Grundschule'>")
        self.tie.remove()
        self.assertEqual(repr(self.tie), "<Tie 1 (stale)>")


if __name__ == "__main__":
    unittest.main()
