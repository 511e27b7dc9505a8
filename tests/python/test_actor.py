"""Actor: identity, name, kind, joined, contacts, interests, consent,
attributes, ties and neighbours, removal, equality."""

import copy
import datetime
import unittest

import netzwerk as nw

D = datetime.date


class ActorTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("Nordstadt")
        self.anna = self.net.add_actor("Anna Schmidt")

    def tearDown(self):
        self.net.close()

    def test_identity_and_name(self):
        self.assertEqual(self.anna.id, 1)
        self.assertIs(self.anna.network, self.net)
        self.anna.name = "Anna Schmidt (Kita)"
        self.assertEqual(self.anna.name, "Anna Schmidt (Kita)")
        self.assertEqual(self.net.actor("Anna Schmidt (Kita)"), self.anna)
        with self.assertRaises(nw.NotFoundError):
            self.net.actor("Anna Schmidt")
        self.anna.name = "Anna Schmidt (Kita)"  # renaming to the same name succeeds

    def test_cannot_be_constructed_directly(self):
        with self.assertRaises(TypeError):
            nw.Actor()

    def test_kind(self):
        self.assertIs(self.anna.kind, nw.ActorKind.PERSON)
        self.anna.kind = nw.ActorKind.GROUP
        self.assertIs(self.anna.kind, nw.ActorKind.GROUP)
        with self.assertRaises(ValueError):
            self.anna.kind = 9

    def test_joined(self):
        self.assertIsNone(self.anna.joined)
        self.anna.joined = D(2023, 5, 17)
        self.assertEqual(self.anna.joined, D(2023, 5, 17))

    def test_contacts(self):
        contacts = self.anna.contacts
        self.assertEqual(len(contacts), 0)
        contacts.add(nw.Channel.EMAIL, "anna@example.org")
        contacts.add(nw.Channel.POSTAL, "Lindenplatz 3\n12345 Nordstadt")
        contacts.add(nw.Channel.PHONE, "0123 456")
        self.assertEqual(len(contacts), 3)
        self.assertEqual(contacts[1], nw.Contact(nw.Channel.POSTAL, "Lindenplatz 3\n12345 Nordstadt"))
        self.assertIs(contacts[0].channel, nw.Channel.EMAIL)
        self.assertEqual(contacts[-1].value, "0123 456")
        with self.assertRaises(nw.ExistsError):
            contacts.add(nw.Channel.EMAIL, "anna@example.org")
        with self.assertRaises(nw.InvalidArgumentError):
            contacts.add(nw.Channel.EMAIL, "anna@@example.org")
        del contacts[0]
        self.assertEqual([c.channel for c in contacts], [nw.Channel.POSTAL, nw.Channel.PHONE])
        with self.assertRaises(IndexError):
            del contacts[2]
        with self.assertRaises(IndexError):
            contacts[-3]
        self.assertTrue(repr(contacts).startswith("Contacts([Contact(channel=<Channel.POSTAL"))

    def test_interests(self):
        self.anna.interests.add("Verkehr")
        self.anna.interests.add("Spielplätze")
        self.assertEqual(self.anna.interests, ["Verkehr", "Spielplätze"])
        self.anna.interests.remove("Verkehr")
        self.assertEqual(list(self.anna.interests), ["Spielplätze"])
        with self.assertRaises(nw.NotFoundError):
            self.anna.interests.remove("Verkehr")

    def test_consent(self):
        self.assertEqual(self.anna.consent, nw.Consent(None, None))
        self.assertFalse(self.anna.has_consent(D(2025, 1, 1)))
        self.anna.give_consent(D(2025, 1, 10))
        self.assertEqual(self.anna.consent, (D(2025, 1, 10), None))
        self.assertFalse(self.anna.has_consent(D(2025, 1, 9)))
        self.assertTrue(self.anna.has_consent(D(2025, 1, 10)))
        with self.assertRaises(nw.InvalidArgumentError):
            self.anna.withdraw_consent(D(2025, 1, 9))  # before the consent
        self.anna.withdraw_consent(D(2025, 6, 1))
        self.assertEqual(self.anna.consent.withdrawn, D(2025, 6, 1))
        self.assertTrue(self.anna.has_consent(D(2025, 5, 31)))
        self.assertFalse(self.anna.has_consent(D(2025, 6, 1)))
        with self.assertRaises(nw.InvalidArgumentError):
            self.anna.withdraw_consent(D(2025, 7, 1))  # already withdrawn
        self.anna.give_consent(D(2025, 9, 1))  # a new consent clears the withdrawal
        self.assertEqual(self.anna.consent, (D(2025, 9, 1), None))
        with self.assertRaises(nw.InvalidArgumentError):
            self.anna.has_consent(None)

    def test_attributes(self):
        attrs = self.anna.attrs
        attrs["Rolle"] = "Elternvertreterin"
        attrs["Bemerkung"] = "zwei\nZeilen"
        attrs["leer"] = ""
        self.assertEqual(len(attrs), 3)
        self.assertEqual(list(attrs), ["Bemerkung", "Rolle", "leer"])  # byte order of keys
        self.assertEqual(attrs["Rolle"], "Elternvertreterin")
        attrs["Rolle"] = "Vorsitz"
        self.assertEqual(attrs["Rolle"], "Vorsitz")
        self.assertEqual(attrs.get("fehlt", "x"), "x")
        self.assertNotIn("fehlt", attrs)
        with self.assertRaises(KeyError):
            attrs["fehlt"]
        del attrs["Bemerkung"]
        with self.assertRaises(KeyError):
            del attrs["Bemerkung"]
        self.assertEqual(dict(attrs), {"Rolle": "Vorsitz", "leer": ""})
        with self.assertRaises(nw.InvalidArgumentError):
            attrs[""] = "x"

    def test_ties_and_neighbors(self):
        berta, carl, dora = (self.net.add_actor(n) for n in ("Berta", "Carl", "Dora"))
        coop = self.net.add_tie(nw.Form.KOOPERATION, [self.anna, berta], D(2025, 1, 1))
        contact = self.net.add_tie(nw.Form.KONTAKT, [self.anna, carl], D(2025, 1, 1))
        group = self.net.add_tie(nw.Form.GRUPPE, [self.anna, berta, carl], D(2025, 1, 1))
        self.net.add_tie(nw.Form.BEGEGNUNG, [carl, dora], D(2025, 1, 1))
        self.assertEqual(list(self.anna.ties), [coop, contact, group])
        self.assertEqual(len(self.anna.ties), 3)
        self.assertEqual(len(self.anna.ties(strong=True)), 2)
        self.assertEqual(list(self.anna.ties(nw.Form.KONTAKT)), [contact])
        self.assertIn(group, self.anna.ties)
        self.assertNotIn(group, self.dora_ties(dora))
        # Berta and Carl, each once, in order of identity; never Dora.
        self.assertEqual([a.name for a in self.anna.neighbors], ["Berta", "Carl"])
        self.assertEqual(len(self.anna.neighbors), 2)
        self.assertEqual(list(self.anna.neighbors(nw.Form.KONTAKT)), [carl])
        self.assertEqual(list(self.anna.neighbors(strong=True)), [berta, carl])
        self.assertIn(berta, self.anna.neighbors)
        self.assertNotIn(dora, self.anna.neighbors)
        self.assertEqual([a.name for a in carl.neighbors], ["Anna Schmidt", "Berta", "Dora"])

    def test_an_actor_without_ties_has_no_ties_and_no_neighbours(self):
        berta, carl = self.net.add_actor("Berta"), self.net.add_actor("Carl")
        self.net.add_tie(nw.Form.KONTAKT, [berta, carl], D(2025, 1, 1))
        self.assertEqual(list(self.anna.ties), [])
        self.assertEqual(list(self.anna.neighbors), [])
        self.assertEqual(len(self.anna.neighbors), 0)
        self.assertEqual(list(berta.neighbors(strong=True)), [])
        self.assertEqual(list(berta.ties(strong=True)), [])

    @staticmethod
    def dora_ties(dora):
        return dora.ties

    def test_remove(self):
        berta = self.net.add_actor("Berta")
        carl = self.net.add_actor("Carl")
        pair = self.net.add_tie(nw.Form.KOOPERATION, [self.anna, berta], D(2025, 1, 1))
        trio = self.net.add_tie(nw.Form.GRUPPE, [self.anna, berta, carl], D(2025, 1, 1))
        self.anna.remove()
        self.assertNotIn(self.anna, self.net)
        self.assertEqual(len(self.net.actors), 2)
        # The pair is left with one member and goes; the trio keeps two.
        self.assertNotIn(pair, self.net)
        self.assertEqual(list(self.net.ties), [trio])
        self.assertEqual(list(trio.members), [berta, carl])
        self.assertEqual(self.anna.id, 1)
        with self.assertRaises(nw.StaleError):
            self.anna.remove()
        self.assertEqual(self.net.add_actor("Anna Schmidt").id, 4)  # ids are not reused

    def test_equality_hash_copy(self):
        again = self.net.actor(1)
        self.assertIsNot(again, self.anna)
        self.assertEqual(again, self.anna)
        self.assertEqual(hash(again), hash(self.anna))
        self.assertEqual(len({again, self.anna}), 1)
        dup = copy.copy(self.anna)
        self.assertEqual(dup, self.anna)
        self.assertNotEqual(self.anna, self.net.add_actor("Berta"))
        self.assertNotEqual(self.anna, "Anna Schmidt")
        with nw.Network("Andere") as other:
            stranger = other.add_actor("Anna Schmidt")
            self.assertEqual(stranger.id, self.anna.id)
            self.assertNotEqual(stranger, self.anna)

    def test_repr(self):
        self.assertEqual(repr(self.anna), "<Actor 1 'Anna Schmidt' (person)>")
        self.anna.remove()
        self.assertEqual(repr(self.anna), "<Actor 1 (stale)>")


if __name__ == "__main__":
    unittest.main()
