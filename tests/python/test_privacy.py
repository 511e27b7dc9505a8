"""Data protection from Python (netzwerk/privacy.py over bindings/privacy.i):
consent records, erasure, access export, pseudonymised copies and the
consent filter of saving.

Independent checks: validity worked out by hand from the rule in
docs/data-protection.md; pseudonyms recomputed with Python's hmac module;
the access export read with json; saved files searched byte by byte."""

import datetime
import hashlib
import hmac
import json
import os
import pathlib
import tempfile
import unittest

import netzwerk as nw

D = datetime.date
KEY = b"ein geheimer Schl\xc3\xbcssel f\xc3\xbcr Tests"
KEY2 = b"another key of 16+ bytes"


def pseudonym(key, domain, text):
    """The pseudonym of docs/data-protection.md, computed here independently."""
    mac = hmac.new(key, domain.encode() + b"\0" + text.encode(), hashlib.sha256)
    return mac.hexdigest()[:20]


def world():
    """Maria (1) in a cooperation with a school (2) and a youth centre (3),
    in a contact with Ben (4); texts elsewhere mention her."""
    net = nw.Network("Schulweg Nordstadt", topics=["Sichere Schulwege"],
                     goals=["Schulwegplan mit Maria Müller"])
    maria = net.add_actor("Maria Müller", interests=["Sichere Schulwege", "Imkerei"],
                          contacts=[(nw.Channel.EMAIL, "maria.mueller@example.org"),
                                    (nw.Channel.PHONE, "0511 987654")],
                          attrs={"Hinweis": "Allergie gegen Nüsse"})
    schule = net.add_actor("Grundschule am Park", nw.ActorKind.ORGANISATION,
                           attrs={"Ansprechperson": "Maria Müller"})
    juz = net.add_actor("Jugendzentrum Ost", nw.ActorKind.ORGANISATION)
    ben = net.add_actor("Ben Okafor", contacts=[(nw.Channel.OTHER, "über Maria erreichbar")])
    maria.give_consent(D(2025, 1, 10), source="Anmeldebogen", note="Ordner 7",
                       text="Ich willige ein.")
    for a in (schule, juz, ben):
        a.give_consent(D(2025, 1, 1))
    coop = net.add_tie(nw.Form.KOOPERATION, [maria, schule, juz], D(2025, 2, 1),
                       label="Schulwegplan")
    coop.interactions.add(D(2025, 3, 1), nw.InteractionKind.MEETING,
                          "Maria Müller stellt den Plan vor")
    coop.interactions.add(D(2025, 4, 1), nw.InteractionKind.CALL, "Schule und Jugendzentrum")
    contact = net.add_tie(nw.Form.KONTAKT, [maria, ben], D(2025, 1, 15))
    contact.interactions.add(D(2025, 1, 20), nw.InteractionKind.MEETING, "Café Lindenblüte")
    return net


class ConsentTest(unittest.TestCase):
    def test_records_and_validity(self):
        net = nw.Network("Netz")
        a = net.add_actor("Anna")
        self.assertEqual(a.consents, [])
        # By hand, purpose "Newsletter": r0 opt-in 2025-01-01; r1 opt-out
        # 2025-06-01; r2 opt-in 2025-09-01 expiring 2026-01-01. Of the
        # records in force on a day, the one given last decides.
        self.assertEqual(a.give_consent(D(2025, 1, 1), "Newsletter", source="Formular",
                                        text="Ja, bitte.", note="per Post"), 0)
        self.assertEqual(a.give_consent("2025-06-01", "Newsletter",
                                        type=nw.ConsentType.OPT_OUT), 1)
        self.assertEqual(a.give_consent(D(2025, 9, 1), "Newsletter",
                                        expires=D(2026, 1, 1)), 2)
        cases = [("2024-12-31", False), ("2025-01-01", True), ("2025-05-31", True),
                 ("2025-06-01", False), ("2025-09-01", True), ("2025-12-31", True),
                 ("2026-01-01", False)]
        for day, want in cases:
            with self.subTest(day=day):
                self.assertIs(a.has_consent(day, "Newsletter"), want)
        # purposes are exact; none of this is consent to take part
        self.assertFalse(a.has_consent(D(2025, 2, 1)))
        self.assertFalse(a.has_consent(D(2025, 2, 1), "newsletter"))

        r0 = a.consents[0]
        self.assertEqual(r0, nw.ConsentRecord(0, D(2025, 1, 1), nw.ConsentType.OPT_IN,
                                              "Newsletter", "Formular", "Ja, bitte.",
                                              "per Post", None, None))
        self.assertIs(a.consents[1].type, nw.ConsentType.OPT_OUT)
        self.assertEqual(a.consents[2].expires, D(2026, 1, 1))

        # withdrawing the objection lets r0 decide again; it is recorded, not deleted
        a.withdraw_consent(D(2026, 2, 1), 1)
        self.assertEqual(len(a.consents), 3)
        self.assertEqual(a.consents[1].withdrawn, D(2026, 2, 1))
        self.assertTrue(a.has_consent(D(2026, 2, 1), "Newsletter"))
        self.assertFalse(a.has_consent(D(2025, 7, 1), "Newsletter"))  # the past stays
        a.withdraw_consent(D(2026, 3, 1), -3)  # r0, counted from the end
        a.withdraw_consent(D(2026, 3, 1), a.consents[2])  # r2, by its record
        self.assertEqual(a.consents[2].withdrawn, D(2026, 3, 1))
        self.assertEqual(a.consents[0].withdrawn, D(2026, 3, 1))
        self.assertFalse(a.has_consent(D(2026, 3, 1), "Newsletter"))
        # Positions count from 0 in Python, in messages too: record 3 of 3.
        with self.assertRaisesRegex(nw.NotFoundError,
                                    r"consent index 3 is out of range \(there are 3\)"):
            a.withdraw_consent(D(2026, 4, 1), 3)
        self.assertEqual(a.consents[1].withdrawn, D(2026, 2, 1))  # unchanged

    def test_general_consent_shorthands(self):
        net = nw.Network("Netz")
        a = net.add_actor("Anna")
        self.assertEqual(a.give_consent(D(2025, 1, 1)), 0)
        self.assertEqual(a.consent, nw.Consent(D(2025, 1, 1), None))
        self.assertTrue(a.has_consent(D(2025, 1, 1)))
        a.withdraw_consent(D(2025, 3, 1))
        self.assertEqual(a.consent, nw.Consent(D(2025, 1, 1), D(2025, 3, 1)))
        self.assertFalse(a.has_consent(D(2025, 3, 1)))
        self.assertTrue(a.has_consent(D(2025, 2, 28)))
        a.give_consent(D(2025, 5, 1))
        self.assertEqual([r.withdrawn for r in a.consents], [D(2025, 3, 1), None])
        self.assertTrue(a.has_consent(D(2025, 5, 1)))
        # an imported history: a record withdrawn already
        a.give_consent(D(2024, 1, 1), "Fotos", withdrawn=D(2024, 6, 1))
        self.assertFalse(a.has_consent(D(2025, 1, 1), "Fotos"))
        self.assertTrue(a.has_consent(D(2024, 5, 31), "Fotos"))

    def test_errors(self):
        net = nw.Network("Netz")
        a = net.add_actor("Anna Schmidt")
        with self.assertRaises(nw.InvalidArgumentError):
            a.give_consent(D(2025, 1, 1), expires=D(2025, 1, 1))  # not after given
        with self.assertRaises(nw.InvalidArgumentError):
            a.give_consent(D(2025, 1, 1), withdrawn=D(2024, 12, 31))
        with self.assertRaises(nw.InvalidArgumentError) as cm:
            a.give_consent(D(2025, 1, 1), "Newsletter\nan Anna Schmidt")
        self.assertNotIn("Anna", str(cm.exception))
        with self.assertRaises(nw.InvalidArgumentError):
            a.give_consent(None)
        with self.assertRaises(ValueError):
            a.give_consent(D(2025, 1, 1), type=7)
        with self.assertRaises(TypeError):
            a.give_consent(D(2025, 1, 1), purpose=3)
        self.assertEqual(a.consents, [])  # nothing was added
        with self.assertRaises(nw.InvalidArgumentError):
            a.withdraw_consent(D(2025, 2, 1))  # no general consent to withdraw
        a.give_consent(D(2025, 1, 1))
        with self.assertRaises(nw.NotFoundError):
            a.withdraw_consent(D(2025, 2, 1), 1)
        with self.assertRaises(IndexError):
            a.withdraw_consent(D(2025, 2, 1), -2)
        with self.assertRaises(nw.InvalidArgumentError):
            a.withdraw_consent(D(2024, 12, 31), 0)  # before it was given
        a.withdraw_consent(D(2025, 2, 1), 0)
        with self.assertRaises(nw.InvalidArgumentError):
            a.withdraw_consent(D(2025, 3, 1), 0)  # withdrawn already
        with self.assertRaises(nw.InvalidArgumentError):
            a.has_consent(None)
        a.remove()
        for call in (lambda: a.consents, lambda: a.give_consent(D(2025, 1, 1)),
                     lambda: a.has_consent(D(2025, 1, 1)), a.erase, a.export):
            with self.assertRaises(nw.StaleError):
                call()


class EraseTest(unittest.TestCase):
    def test_erase_then_save_and_search_every_byte(self):
        net = world()
        maria = net.actor("Maria Müller")
        needles = ["Maria", "Müller", "maria.mueller@example.org", "0511 987654",
                   "Imkerei", "Nüsse", "Anmeldebogen", "Ordner 7", "Ich willige ein",
                   "Café Lindenblüte"]
        with tempfile.TemporaryDirectory() as folder:
            before = os.path.join(folder, "before.json")
            net.save(before)
            data = pathlib.Path(before).read_bytes()
            for needle in ("Maria Müller", "maria.mueller@example.org", "Ordner 7"):
                self.assertIn(needle.encode(), data)  # the search can fail
            # By hand: the network's goal, the school's attribute, Ben's other
            # contact, the cooperation's first note.
            self.assertEqual(maria.erase(), 4)
            with self.assertRaises(nw.StaleError):
                maria.name
            for name, path in (("native", "after.json"), ("graphml", "after.graphml")):
                path = os.path.join(folder, path)
                net.save(path)
                data = pathlib.Path(path).read_bytes().lower()
                self.assertIn(b"grundschule am park", data)
                for needle in needles:
                    with self.subTest(format=name, needle=needle):
                        self.assertNotIn(needle.lower().encode(), data)
            actors, ties = net.dumps_csv()
            for needle in needles:
                self.assertNotIn(needle.lower(), (actors + ties).lower())
        # what stays: the other actors, the cooperation of the other two
        self.assertEqual(sorted(a.name for a in net.actors),
                         ["Ben Okafor", "Grundschule am Park", "Jugendzentrum Ost"])
        self.assertEqual(len(net.ties), 1)  # the contact of two went with her
        coop = net.tie(1)
        self.assertEqual([a.id for a in coop.members], [2, 3])
        self.assertEqual(coop.interactions[0].note, "[…] stellt den Plan vor")
        self.assertEqual(net.actor("Grundschule am Park").attrs["Ansprechperson"], "[…]")
        self.assertEqual(list(net.goals), ["Schulwegplan mit […]"])


class ExportTest(unittest.TestCase):
    def test_access_export_holds_her_data_only(self):
        net = world()
        maria = net.actor(1)
        text = maria.export()
        self.assertIsInstance(text, str)
        doc = json.loads(text)
        self.assertEqual(doc, maria.export(as_dict=True))
        self.assertEqual((doc["format"], doc["version"], doc["network"]),
                         ("netzwerk-access-export", 1, "Schulweg Nordstadt"))
        me = doc["actor"]
        self.assertEqual((me["id"], me["kind"], me["name"]), (1, "person", "Maria Müller"))
        self.assertEqual(me["contacts"], [
            {"channel": "email", "value": "maria.mueller@example.org"},
            {"channel": "phone", "value": "0511 987654"}])
        self.assertEqual(me["interests"], ["Sichere Schulwege", "Imkerei"])
        self.assertEqual(me["attributes"], {"Hinweis": "Allergie gegen Nüsse"})
        self.assertEqual(me["consents"], [{
            "given": "2025-01-10", "type": "opt-in", "purpose": "", "source": "Anmeldebogen",
            "text": "Ich willige ein.", "note": "Ordner 7", "expires": None,
            "withdrawn": None}])
        self.assertEqual([(t["id"], t["form"], t["members"]) for t in doc["ties"]],
                         [(1, "B", [1, 2, 3]), (2, "C", [1, 4])])
        self.assertEqual(doc["ties"][1]["interactions"],
                         [{"date": "2025-01-20", "kind": "meeting", "note": "Café Lindenblüte"}])
        # others by identity only: no name or contact of theirs
        for other in ("Ben Okafor", "Grundschule am Park", "Jugendzentrum Ost",
                      "über Maria erreichbar"):
            self.assertNotIn(other, text)


class PseudonymiseTest(unittest.TestCase):
    def test_known_pseudonyms_and_stability(self):
        net = world()
        p1 = net.pseudonymise(KEY)
        p2 = net.pseudonymise(bytearray(KEY))
        p3 = net.pseudonymise(KEY2)
        self.assertIsInstance(p1, nw.Network)
        self.assertEqual(p1.actor(1).name, "actor-" + pseudonym(KEY, "actor-", "Maria Müller"))
        self.assertEqual(p1.name, "network-" + pseudonym(KEY, "network-", "Schulweg Nordstadt"))
        self.assertEqual(p1.actor(1).contacts[0].value,
                         pseudonym(KEY, "email", "maria.mueller@example.org")
                         + "@pseudonym.invalid")
        # the same key: the same copy, byte for byte; another key: others
        self.assertEqual(p1.dumps(), p2.dumps())
        for i in range(1, 5):
            self.assertEqual(p1.actor(i).name, p2.actor(i).name)
            self.assertNotEqual(p1.actor(i).name, p3.actor(i).name)
        # shared topics stay shared
        self.assertEqual(p1.actor(1).interests[0], p1.topics[0])
        # nothing of the original in the copy
        text = p1.dumps()
        for needle in ("Maria", "Müller", "example.org", "Schulweg", "Ordner", "Café"):
            self.assertNotIn(needle, text)
        # the original is unchanged, and the copy lives on after it is closed
        self.assertEqual(net.actor(1).name, "Maria Müller")
        net.close()
        self.assertTrue(p1.actor(1).name.startswith("actor-"))

    def test_keep_and_structure(self):
        net = world()
        p = net.pseudonymise(KEY, keep_network_name=True, keep_topics=True)
        self.assertEqual(p.name, "Schulweg Nordstadt")
        self.assertEqual(list(p.topics), ["Sichere Schulwege"])
        self.assertNotEqual(p.actor(1).name, "Maria Müller")
        p = net.pseudonymise(memoryview(KEY), keep_purposes=True)
        self.assertTrue(p.name.startswith("network-"))
        # the structure and the consent dates stay: validation finds the same
        day = D(2025, 6, 30)
        f1 = [(f.rule, f.actor_id, f.tie_id) for f in net.validate(day).findings]
        f2 = [(f.rule, f.actor_id, f.tie_id) for f in p.validate(day).findings]
        self.assertTrue(f1)
        self.assertEqual(f1, f2)
        for i in range(1, 5):
            self.assertEqual(net.actor(i).has_consent(day), p.actor(i).has_consent(day))
            self.assertEqual(net.actor(i).consents[0].given, p.actor(i).consents[0].given)
        self.assertEqual([(t.id, t.form, [m.id for m in t.members], t.start) for t in net.ties],
                         [(t.id, t.form, [m.id for m in t.members], t.start) for t in p.ties])

    def test_errors_keep_the_key_secret(self):
        net = world()
        with self.assertRaises(nw.InvalidArgumentError) as cm:
            net.pseudonymise(b"geheim-kurz")
        self.assertNotIn("geheim", str(cm.exception))
        self.assertIn("16", str(cm.exception))
        with self.assertRaises(TypeError):
            net.pseudonymise("ein geheimer Schlüssel für Tests")
        with self.assertRaises(TypeError):
            net.pseudonymise(None)
        with self.assertRaises(TypeError):
            net.pseudonymise(KEY, keep_everything=True)
        net.close()
        with self.assertRaises(nw.StaleError):
            net.pseudonymise(KEY)


class ConsentFilterTest(unittest.TestCase):
    def test_save_only_actors_with_valid_consent(self):
        net = world()
        ben = net.actor("Ben Okafor")
        ben.withdraw_consent(D(2025, 5, 1))
        net.actor(1).give_consent(D(2025, 1, 1), "Fotos")
        doc = json.loads(net.dumps(consented_only=True, consent_as_of=D(2025, 6, 1)))
        self.assertEqual([a["id"] for a in doc["actors"]], [1, 2, 3])
        self.assertEqual([t["id"] for t in doc["ties"]], [1])  # Maria's contact with Ben goes
        doc = json.loads(net.dumps(consented_only=True, consent_as_of="2025-04-30"))
        self.assertEqual([a["id"] for a in doc["actors"]], [1, 2, 3, 4])
        doc = json.loads(net.dumps(consented_only=True, consent_as_of=D(2025, 6, 1),
                                   consent_purpose="Fotos"))
        self.assertEqual([a["id"] for a in doc["actors"]], [1])
        self.assertEqual(len(net.actors), 4)  # the network itself is unchanged
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "export.graphml")
            net.save(path, consented_only=True, consent_as_of=D(2025, 6, 1))
            data = pathlib.Path(path).read_bytes()
            self.assertNotIn("Ben Okafor".encode(), data)
            self.assertIn("Maria Müller".encode(), data)
        actors, _ = net.dumps_csv(consented_only=True, consent_as_of=D(2025, 6, 1))
        # a pseudonymised copy keeps the consent records: the filter works on it too
        copy = json.loads(net.pseudonymise(KEY).dumps(consented_only=True,
                                                      consent_as_of=D(2025, 6, 1)))
        self.assertEqual([a["id"] for a in copy["actors"]], [1, 2, 3])
        self.assertNotIn("Ben Okafor", actors)
        # without consented_only the date filters nothing
        self.assertEqual(len(json.loads(net.dumps(consent_as_of=D(2025, 6, 1)))["actors"]), 4)
        with self.assertRaises(nw.InvalidArgumentError):
            net.dumps(consented_only=True)  # a date is needed
        with self.assertRaises(TypeError):
            net.dumps(consented_only="yes")
        with self.assertRaises(TypeError):
            net.dumps(consent_asof=D(2025, 6, 1))


if __name__ == "__main__":
    unittest.main()
