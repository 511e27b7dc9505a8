"""Validation from Python: the principles and rules catalogue, the
thresholds, reports and findings, and misuse.

The expected findings are worked out by hand from the rule table of
docs/principles.md for the network built below."""

import datetime
import gc
import unittest

import netzwerk as nw

D = datetime.date
P = nw.Principle
DAY = D(2026, 6, 1)

# docs/principles.md: code, principle, severity.
RULES = [
    ("FREI-001", P.FREIWILLIGKEIT, nw.Severity.WARNING),
    ("FREI-002", P.FREIWILLIGKEIT, nw.Severity.VIOLATION),
    ("FREI-003", P.FREIWILLIGKEIT, nw.Severity.WARNING),
    ("THEMA-001", P.GETEILTES_INTERESSE, nw.Severity.VIOLATION),
    ("THEMA-002", P.GETEILTES_INTERESSE, nw.Severity.WARNING),
    ("THEMA-003", P.GETEILTES_INTERESSE, nw.Severity.WARNING),
    ("THEMA-004", P.GETEILTES_INTERESSE, nw.Severity.INFO),
    ("LANG-001", P.LANGFRISTIGES_INVESTMENT, nw.Severity.WARNING),
    ("LANG-002", P.LANGFRISTIGES_INVESTMENT, nw.Severity.WARNING),
    ("LANG-003", P.LANGFRISTIGES_INVESTMENT, nw.Severity.WARNING),
    ("LANG-004", P.LANGFRISTIGES_INVESTMENT, nw.Severity.WARNING),
    ("DYN-001", P.DYNAMIK_OFFENHEIT, nw.Severity.WARNING),
    ("DYN-002", P.DYNAMIK_OFFENHEIT, nw.Severity.WARNING),
    ("DYN-003", P.DYNAMIK_OFFENHEIT, nw.Severity.WARNING),
    ("ZIEL-001", P.ZIEL_NUTZEN, nw.Severity.VIOLATION),
    ("ZIEL-002", P.ZIEL_NUTZEN, nw.Severity.WARNING),
    ("ZIEL-003", P.ZIEL_NUTZEN, nw.Severity.WARNING),
    ("ZIEL-004", P.ZIEL_NUTZEN, nw.Severity.WARNING),
    ("ZIEL-005", P.ZIEL_NUTZEN, nw.Severity.WARNING),
]


def neighbourhood():
    """As of 2026-06-01:
    - actors 1 Jugendzentrum, 2 Grundschule (consent, interest "Schulweg",
      joined 2025-01-01); 3 Anna (no consent, interest "Fußball", joined
      2026-04-01, 61 days before); 4 Ben (consent 2025-01-01 withdrawn
      2026-05-01, no interests, joined 2025-01-01);
    - tie 1 Kooperation 1+2 since 2024-01-01 (882 days), topic and goal,
      last interaction 2026-05-01 (31 days before), well agreed;
    - tie 2 Kontakt 3-1 since 2026-04-01 (61 days), never kept up;
    - tie 3 Begegnung 4-2 since 2026-05-15, imposed.
    """
    net = nw.Network("Sichere Schulwege", topics=["Schulweg"], goals=["sichere Wege"])
    juz = net.add_actor("Jugendzentrum", nw.ActorKind.ORGANISATION, joined=D(2025, 1, 1),
                        interests=["Schulweg"])
    schule = net.add_actor("Grundschule", nw.ActorKind.ORGANISATION, joined=D(2025, 1, 1),
                           interests=["Schulweg"])
    anna = net.add_actor("Anna", joined=D(2026, 4, 1), interests=["Fußball"])
    ben = net.add_actor("Ben", joined=D(2025, 1, 1))
    for actor in (juz, schule, ben):
        actor.give_consent(D(2025, 1, 1))
    ben.withdraw_consent(D(2026, 5, 1))
    coop = net.add_tie(nw.Form.KOOPERATION, [juz, schule], D(2024, 1, 1), label="Laufbus",
                       topics=["Schulweg"], goals=["Laufbus jeden Morgen"])
    coop.interactions.add(D(2026, 5, 1), nw.InteractionKind.MEETING)
    for item in coop.checklist:
        item.state = nw.ItemState.AGREED
    controlling = coop.checklist.find("coop.controlling")
    controlling.state = nw.ItemState.DONE
    controlling.due = D(2026, 7, 1)
    net.add_tie(nw.Form.KONTAKT, [anna, juz], D(2026, 4, 1))
    net.add_tie(nw.Form.BEGEGNUNG, [ben, schule], D(2026, 5, 15), imposed=True)
    return net


def keys(report):
    return [(f.rule, f.subject, f.actor_id, f.tie_id, f.item_id) for f in report]


S = nw.Subject
EXPECTED = [
    ("FREI-001", S.ACTOR, 3, None, None),   # Anna: no consent
    ("FREI-002", S.ACTOR, 4, None, None),   # Ben withdrew, still in tie 3
    ("FREI-003", S.TIE, None, 3, None),     # tie 3 imposed
    ("THEMA-002", S.ACTOR, 3, None, None),  # Anna's interest is no topic
    ("THEMA-004", S.ACTOR, 4, None, None),  # Ben names no interest
]


class CatalogueTest(unittest.TestCase):
    def test_principles(self):
        self.assertEqual([(p.code, p.name_de, p.name_en) for p in nw.principles], [
            ("FREI", "Freiwilligkeit", "Voluntariness"),
            ("THEMA", "Geteiltes Interesse/Thema", "Shared interest/topic"),
            ("LANG", "Langfristiges Investment", "Long-term investment"),
            ("DYN", "Dynamik und Offenheit", "Dynamics and openness"),
            ("ZIEL", "Ziel- und Nutzenorientierung", "Goal and benefit orientation")])
        self.assertEqual([int(p) for p in P], [0, 1, 2, 3, 4])
        for p in P:
            self.assertGreater(len(p.description()), 40)
            self.assertNotEqual(p.description(nw.Lang.DE), p.description(nw.Lang.EN))
        self.assertEqual(str(P.FREIWILLIGKEIT), "Freiwilligkeit")
        self.assertEqual([r.code for r in P.DYNAMIK_OFFENHEIT.rules],
                         ["DYN-001", "DYN-002", "DYN-003"])

    def test_severities_and_statuses(self):
        self.assertEqual([(s.name_de, s.name_en) for s in nw.Severity],
                         [("Hinweis", "info"), ("Warnung", "warning"),
                          ("Verletzung", "violation")])
        self.assertLess(nw.Severity.INFO, nw.Severity.VIOLATION)
        self.assertEqual([(s.name_de, s.name_en) for s in nw.PrincipleStatus],
                         [("erfüllt", "fulfilled"), ("gefährdet", "at risk"),
                          ("verletzt", "violated")])

    def test_rules(self):
        rules = nw.rules()
        self.assertEqual([(r.code, r.principle, r.severity) for r in rules], RULES)
        self.assertEqual(nw.rule("FREI-002"), rules[1])
        self.assertEqual(nw.rule("ZIEL-003").subject, S.ITEM)
        self.assertEqual(nw.rule("THEMA-001").subject, S.NETWORK)
        self.assertTrue(all(r.title_de and r.title_en for r in rules))
        with self.assertRaises(nw.NotFoundError):
            nw.rule("FREI-999")

    def test_defaults(self):
        self.assertEqual(nw.VALIDATE_DEFAULTS, {
            "dormant_days_begegnung": 0, "dormant_days_kooperation": 90,
            "dormant_days_kontakt": 365, "dormant_days_gruppe": 120,
            "contact_grace_days": 90, "new_window_days": 180, "young_days": 365})


class ReportTest(unittest.TestCase):
    def test_findings(self):
        report = neighbourhood().validate(DAY)
        self.assertEqual(report.as_of, DAY)
        self.assertEqual(keys(report), EXPECTED)
        self.assertEqual(len(report), 5)
        self.assertEqual(report.findings, tuple(report))
        self.assertEqual(report[-1], report.findings[4])
        first = report[0]
        self.assertEqual((first.principle, first.severity),
                         (P.FREIWILLIGKEIT, nw.Severity.WARNING))
        # Messages name the actor and tie they are about.
        self.assertIn("Anna", first.message_de)
        self.assertIn("Anna", first.message_en)
        self.assertEqual(first.message(nw.Lang.EN), first.message_en)
        self.assertEqual(first.message(), first.message_de)
        self.assertIn("Ben", report[1].message_en)
        self.assertTrue(repr(report[2]).startswith("<Finding FREI-003 warning (tie 3): '"))
        self.assertIn("Ben", repr(report[2]))
        self.assertTrue(str(report[1]).startswith("FREI-002 Verletzung: "))

    def test_principles(self):
        report = neighbourhood().validate(DAY)
        self.assertEqual([r.status for r in report.principles],
                         [nw.PrincipleStatus.VIOLATED, nw.PrincipleStatus.AT_RISK,
                          nw.PrincipleStatus.FULFILLED, nw.PrincipleStatus.FULFILLED,
                          nw.PrincipleStatus.FULFILLED])
        frei = report.principle(P.FREIWILLIGKEIT)
        self.assertEqual((frei.principle, frei.infos, frei.warnings, frei.violations),
                         (P.FREIWILLIGKEIT, 0, 2, 1))
        thema = report.principle(1)
        self.assertEqual((thema.infos, thema.warnings, thema.violations), (1, 1, 0))
        self.assertGreater(frei.checks, 0)
        self.assertEqual(report.status(P.ZIEL_NUTZEN), nw.PrincipleStatus.FULFILLED)
        self.assertFalse(report.fulfilled)
        self.assertEqual(repr(report), "<Report as of 2026-06-01: 5 findings; FREI violated, "
                                       "THEMA at risk, LANG fulfilled, DYN fulfilled, "
                                       "ZIEL fulfilled>")

    def test_thresholds(self):
        net = neighbourhood()
        report = net.validate(DAY, dormant_days_kooperation=30, young_days=1000,
                              contact_grace_days=30, new_window_days=30)
        self.assertEqual(keys(report), EXPECTED + [
            ("LANG-001", S.TIE, None, 1, None),    # 31 days > 30
            ("LANG-002", S.TIE, None, 2, None),    # 61 days > 30, never kept up
            ("LANG-003", S.NETWORK, None, None, None),  # 882 days < 1000
            ("DYN-001", S.NETWORK, None, None, None),   # Anna came 61 days ago
        ])
        # 0 switches a rule off; the defaults are as documented.
        report = net.validate(DAY, young_days=0, dormant_days_kooperation=31)
        self.assertEqual(keys(report), EXPECTED)
        self.assertEqual(keys(net.validate(DAY, **nw.VALIDATE_DEFAULTS)), EXPECTED)
        # Dated facts as of an earlier date: Ben's consent was not withdrawn
        # yet, Anna had not joined, ties 2 and 3 did not exist, and tie 1's
        # only interaction lay ahead (790 days since it began > 90).
        early = net.validate(D(2026, 3, 1))
        self.assertEqual([(f.rule, f.actor_id, f.tie_id) for f in early],
                         [("THEMA-004", 4, None), ("LANG-001", None, 1),
                          ("DYN-001", None, None), ("DYN-002", None, None),
                          ("DYN-003", None, None)])

    def test_item_findings(self):
        net = neighbourhood()
        coop = net.tie(1)
        benefit = coop.checklist.find("coop.partner_benefit", "Grundschule")
        benefit.state = nw.ItemState.OPEN
        report = net.validate(DAY)
        found = [f for f in report if f.rule.startswith("ZIEL")]
        self.assertEqual([(f.rule, f.subject, f.actor_id, f.tie_id, f.item_id) for f in found],
                         [("ZIEL-002", S.TIE, None, 1, None),
                          ("ZIEL-003", S.ITEM, 2, 1, benefit.id)])
        self.assertEqual(report.status(P.ZIEL_NUTZEN), nw.PrincipleStatus.AT_RISK)

    def test_report_outlives_its_network(self):
        net = neighbourhood()
        report = net.validate(DAY)
        before = (keys(report), [f.message_en for f in report], report.principles)
        net.actor("Anna").remove()
        net.close()
        del net
        gc.collect()
        self.assertEqual(report.as_of, DAY)
        self.assertEqual(len(report), 5)
        self.assertEqual((keys(report), [f.message_en for f in report], report.principles),
                         before)
        # Also through the low-level report, re-read after the close.
        self.assertEqual(report._h.finding(0)["message_en"], before[1][0])

    def test_invalid(self):
        net = neighbourhood()
        for kwargs in ({"young_days": -1}, {"new_window_days": 3652059},
                       {"contact_grace_days": 2 ** 40}):
            with self.subTest(kwargs=kwargs), self.assertRaises(nw.InvalidArgumentError):
                net.validate(DAY, **kwargs)
        self.assertEqual(len(net.validate(DAY, young_days=3652058)), 6)  # the largest
        with self.assertRaises(TypeError):
            net.validate(DAY, young_day=3)  # a typo is no default
        for value in ("30", 3.0, True):
            with self.subTest(value=value), self.assertRaises(TypeError):
                net.validate(DAY, young_days=value)
        for day in (None, "2026-02-30", "1.6.2026"):
            with self.subTest(day=day), self.assertRaises(nw.InvalidArgumentError):
                net.validate(day)
        with self.assertRaises(TypeError):
            net.validate(datetime.datetime(2026, 6, 1))
        with self.assertRaises(TypeError):
            net._h.validate(DAY, [("young_days", 1)])
        with self.assertRaises(TypeError):
            nw.Report()
        net.close()
        with self.assertRaises(nw.StaleError):
            net.validate(DAY)


if __name__ == "__main__":
    unittest.main()
