"""The low-level module netzwerk._core: its surface is exactly the list
below (a new wrapped function must be added here and called here), and
each function is called once directly with checked results. The package's
tests cover the same functions through the Pythonic layer."""

import datetime
import pydoc
import tempfile
import unittest

import netzwerk as nw
from netzwerk import _core

D = datetime.date

SURFACE = {
    "module": {
        "version", "strerror", "date", "date_parts", "days", "date_from_days",
        "form_from_letter", "form_letter", "form_name", "form_description", "form_is_strong",
        "form_is_affiliation", "form_goal_count", "form_goal", "form_challenge_count",
        "form_challenge", "kind_name", "channel_name", "interaction_name", "_fail",
        "_set_error_classes",
        # checklists, validation, files
        "checklist_builtin_count", "checklist_builtin", "checklist_builtin_find",
        "item_state_name", "principle_name", "principle_description", "principle_code",
        "severity_name", "status_name", "rule_count", "rule", "rule_find", "validate_defaults",
        "load", "load_buffer", "load_csv", "load_csv_buffer",
        # analysis
        "snapshot_option_count", "snapshot_option_name", "snapshot_option_type",
        "snapshot_option_default",
    },
    "Network": {
        "close", "is_closed", "get_name", "set_name", "add_topic", "remove_topic",
        "topic_count", "topic", "add_goal", "remove_goal", "goal_count", "goal",
        "actor_count", "tie_count", "add_actor", "actor_by_id", "actor_by_name", "add_tie",
        "tie_by_id", "actors", "ties",
        "validate", "save", "save_buffer", "save_csv", "save_csv_buffer",
        "snapshot", "losing_touch", "timeline",
        "pseudonymise",  # privacy
        "reserve", "add_actors", "add_ties",  # bulk load
    },
    "Actor": {
        "remove", "dup", "equals", "get_id", "get_name", "set_name", "get_kind", "set_kind",
        "get_joined", "set_joined", "add_contact", "contact_count", "contact",
        "remove_contact", "add_interest", "remove_interest", "interest_count", "interest",
        "give_consent", "withdraw_consent", "consent", "has_consent", "set_attr", "attr",
        "remove_attr", "attr_count", "attr_at", "tie_count", "ties", "neighbors",
        "pair_strength", "pair_tie_count",
        # privacy
        "add_consent", "consent_count", "consent_type", "consent_date", "consent_text",
        "withdraw_consent_at", "consent_valid", "erase", "export",
    },
    "Tie": {
        "remove", "dup", "equals", "get_id", "get_form", "member_count", "member",
        "has_member", "add_member", "remove_member", "get_start", "set_start", "get_end",
        "set_end", "exists_on", "get_imposed", "set_imposed", "get_label", "set_label",
        "add_topic", "remove_topic", "topic_count", "topic", "add_goal", "remove_goal",
        "goal_count", "goal", "add_interaction", "interaction_count", "interaction",
        "remove_interaction",
        "checklist", "create_checklist",
        "strength", "strength_terms", "state",
    },
    "ActorIter": {"next"},
    "TieIter": {"next"},
    "Checklist": {
        "get_tie_id", "item_count", "item_at", "find", "add_item", "remove_item", "item_code",
        "item_label", "set_item_label", "item_partner", "item_state", "set_item_state",
        "item_responsible", "set_item_responsible", "clear_item_responsible", "item_due",
        "set_item_due", "item_note", "set_item_note", "item_overdue", "item_settled",
        "progress", "pending", "well_agreed",
    },
    "Report": {"get_as_of", "finding_count", "finding", "principle"},
    # analysis
    "Snapshot": {
        "get_date", "option", "is_current", "actor_count", "pair_count", "tie_count", "memory",
        "actor_id", "vertex_of", "pair", "degree", "weighted_degree", "betweenness",
        "harmonic_closeness", "two_step_reach", "reach_efficiency", "constraint",
        "effective_size", "efficiency", "local_clustering", "core_number", "overlap",
        "components", "stars", "isolates", "brokers", "bridges", "figures", "compare",
    },
    "Values": {"count", "get"},
    "Ids": {"count", "get"},
    "Bridges": {"count", "get"},
    "Touches": {"count", "get"},
    "Timeline": {"count", "get"},
    "Change": {"before", "after", "actors_joined", "actors_left", "ties_began", "ties_ended"},
    "Bridge": {"pair", "a", "b", "span", "strong", "weight"},
    "Touch": {"tie", "form", "last_contact", "days", "overdue"},
    "StrengthTerms": {"base", "age", "tending", "recency", "strength", "last_contact",
                      "interactions"},
    "Pair": {"a", "b", "weight", "ties", "strong"},
    "Figures": {
        "count_fields", "name_at", "value_at", "as_of", "actors", "size", "size_activatable",
        "ties", "ties_strong", "ties_weak", "ties_active", "ties_dormant", "ties_latent",
        "pairs", "pairs_multiplex", "pairs_strong", "density", "density_weighted",
        "strength_mean", "components", "largest_component", "largest_share", "isolates",
        "degree_mean", "degree_sd", "degree_max", "transitivity", "clustering_mean",
        "triangles", "path_mean", "diameter", "paths_exact", "max_core", "max_core_size",
        "ei_index",
    },
}

CLASSES = tuple(k for k in SURFACE if k != "module")


# SWIG's own object methods (ownership; not part of our interface).
SWIG_RUNTIME = {"this", "thisown", "acquire", "append", "disown", "own", "next"}


def public(names, ours=frozenset()):
    names = {n for n in names if not n.startswith("__") and not n.isupper()}
    return names - (SWIG_RUNTIME - ours)


class SurfaceTest(unittest.TestCase):
    def test_module_functions(self):
        names = public(dir(_core)) - set(CLASSES)
        self.assertEqual(names, SURFACE["module"])

    def test_class_methods(self):
        for cls in CLASSES:
            with self.subTest(cls=cls):
                self.assertEqual(public(dir(getattr(_core, cls)), SURFACE[cls]), SURFACE[cls])
        # The iterators' next is theirs, not SWIG's.
        self.assertIsNot(_core.ActorIter.next, _core.Actor.next)

    def test_constants(self):
        self.assertEqual((_core.OK, _core.EINVAL, _core.ITEROVER), (0, -2, -31))
        self.assertEqual((_core.BEGEGNUNG, _core.GRUPPE), (0, 3))
        self.assertEqual((_core.PERSON, _core.ORGANISATION), (0, 2))
        self.assertEqual((_core.EMAIL, _core.OTHER), (0, 3))
        self.assertEqual((_core.MEETING, _core.EVENT), (0, 3))
        self.assertEqual((_core.DE, _core.EN), (0, 1))
        self.assertEqual(_core.TEXT_MAX, 65536)
        self.assertEqual((_core.ITEM_OPEN, _core.ITEM_NOT_APPLICABLE), (0, 3))
        self.assertEqual((_core.PRINCIPLE_FREIWILLIGKEIT, _core.PRINCIPLE_ZIEL_NUTZEN), (0, 4))
        self.assertEqual((_core.SEVERITY_INFO, _core.SEVERITY_VIOLATION), (0, 2))
        self.assertEqual((_core.SUBJECT_NETWORK, _core.SUBJECT_ITEM), (0, 3))
        self.assertEqual((_core.STATUS_FULFILLED, _core.STATUS_VIOLATED), (0, 2))
        self.assertEqual((_core.FORMAT_AUTO, _core.FORMAT_NATIVE, _core.FORMAT_GRAPHML),
                         (0, 1, 2))
        self.assertEqual((_core.FORMAT_VERSION, _core.VALIDATE_DAYS_MAX), (1, 3652058))
        self.assertEqual(_core.ITEM_CODE_CUSTOM, "custom")


class EveryFunctionTest(unittest.TestCase):
    def test_module(self):
        self.assertRegex(_core.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(nw.__version__, _core.version())
        self.assertIsInstance(_core.strerror(_core.ESTALE), str)
        self.assertEqual(_core.date(2025, 12, 31), D(2025, 12, 31))
        self.assertEqual(tuple(_core.date_parts(D(2025, 12, 31))), (2025, 12, 31))
        self.assertEqual(_core.days(D(1970, 1, 11)), 10)
        self.assertEqual(_core.date_from_days(10), D(1970, 1, 11))
        self.assertEqual(_core.form_from_letter("c"), _core.KONTAKT)
        self.assertEqual(_core.form_letter(_core.GRUPPE), "D")
        self.assertEqual(_core.form_name(_core.KONTAKT, _core.EN), "Contact")
        self.assertTrue(_core.form_description(_core.GRUPPE))
        self.assertFalse(_core.form_is_strong(_core.BEGEGNUNG))
        self.assertTrue(_core.form_is_affiliation(_core.KONTAKT))
        self.assertEqual(_core.form_goal_count(_core.KOOPERATION), 2)
        self.assertEqual(_core.form_goal(_core.BEGEGNUNG, 3), "sich bekannt machen")
        self.assertEqual(_core.form_challenge_count(_core.KONTAKT), 3)
        self.assertEqual(_core.form_challenge(_core.KONTAKT, 0, _core.DE), "Kontaktherstellung")

    def test_network_actor_tie(self):
        net = _core.Network("N")
        self.assertFalse(net.is_closed())
        net.set_name("M")
        self.assertEqual(net.get_name(), "M")
        net.add_topic("T1")
        net.add_topic("T2")
        net.remove_topic("T1")
        self.assertEqual((net.topic_count(), net.topic(0)), (1, "T2"))
        net.add_goal("G1")
        net.add_goal("G2")
        net.remove_goal("G2")
        self.assertEqual((net.goal_count(), net.goal(0)), (1, "G1"))

        a = net.add_actor("A")
        b = net.add_actor("B", _core.GROUP)
        c = net.add_actor("C", _core.ORGANISATION)
        self.assertEqual(net.actor_count(), 3)
        self.assertTrue(net.actor_by_id(2).equals(b))
        self.assertTrue(net.actor_by_name("C").equals(c))
        self.assertEqual([x.get_id() for x in iter(net.actors().next, None)], [1, 2, 3])

        self.assertTrue(a.dup().equals(a))
        self.assertFalse(a.equals(b))
        self.assertEqual((a.get_id(), a.get_name(), a.get_kind()), (1, "A", _core.PERSON))
        a.set_name("Anna")
        a.set_kind(_core.GROUP)
        self.assertEqual((a.get_name(), a.get_kind()), ("Anna", _core.GROUP))
        a.set_joined(D(2024, 1, 1))
        self.assertEqual(a.get_joined(), D(2024, 1, 1))
        a.add_contact(_core.EMAIL, "a@example.org")
        a.add_contact(_core.PHONE, "1")
        a.remove_contact(0)
        self.assertEqual((a.contact_count(), tuple(a.contact(0))), (1, (_core.PHONE, "1")))
        a.add_interest("I1")
        a.add_interest("I2")
        a.remove_interest("I1")
        self.assertEqual((a.interest_count(), a.interest(0)), (1, "I2"))
        a.give_consent(D(2025, 1, 1))
        a.withdraw_consent(D(2025, 2, 1))
        self.assertEqual(tuple(a.consent()), (D(2025, 1, 1), D(2025, 2, 1)))
        self.assertTrue(a.has_consent(D(2025, 1, 31)))
        a.set_attr("k", "v")
        a.set_attr("j", "w")
        a.remove_attr("j")
        self.assertEqual((a.attr("k"), a.attr("j"), a.attr_count()), ("v", None, 1))
        self.assertEqual(tuple(a.attr_at(0)), ("k", "v"))

        t = net.add_tie(_core.KOOPERATION, [a, b], D(2025, 1, 1))
        u = net.add_tie(_core.KONTAKT, [a, c], D(2025, 1, 1))
        self.assertEqual((net.tie_count(), net.tie_count(1 << _core.KONTAKT)), (2, 1))
        self.assertTrue(net.tie_by_id(1).equals(t))
        self.assertEqual([x.get_id() for x in iter(net.ties(1 << _core.KONTAKT).next, None)], [2])
        self.assertEqual((a.tie_count(), a.tie_count(1 << _core.KOOPERATION)), (2, 1))
        self.assertEqual([x.get_id() for x in iter(a.ties().next, None)], [1, 2])
        self.assertEqual([x.get_id() for x in iter(a.neighbors().next, None)], [2, 3])

        self.assertTrue(t.dup().equals(t))
        self.assertFalse(t.equals(u))
        self.assertEqual((t.get_id(), t.get_form()), (1, _core.KOOPERATION))
        t.add_member(c)
        self.assertTrue(t.has_member(c))
        t.remove_member(b)
        self.assertEqual(t.member_count(), 2)
        self.assertTrue(t.member(1).equals(c))
        t.set_start(D(2024, 12, 1))
        t.set_end(D(2025, 12, 31))
        self.assertEqual((t.get_start(), t.get_end()), (D(2024, 12, 1), D(2025, 12, 31)))
        self.assertTrue(t.exists_on(D(2025, 6, 1)))
        t.set_imposed(True)
        self.assertTrue(t.get_imposed())
        t.set_label("L")
        self.assertEqual(t.get_label(), "L")
        t.add_topic("T")
        t.add_topic("U")
        t.remove_topic("T")
        self.assertEqual((t.topic_count(), t.topic(0)), (1, "U"))
        t.add_goal("G")
        t.add_goal("H")
        t.remove_goal("G")
        self.assertEqual((t.goal_count(), t.goal(0)), (1, "H"))
        t.add_interaction(D(2025, 3, 1), _core.EVENT, "Fest")
        t.add_interaction(D(2025, 2, 1), _core.MESSAGE)
        self.assertEqual(t.interaction_count(), 2)
        self.assertEqual(tuple(t.interaction(0)), (D(2025, 2, 1), _core.MESSAGE, ""))
        t.remove_interaction(0)
        self.assertEqual(tuple(t.interaction(0)), (D(2025, 3, 1), _core.EVENT, "Fest"))

        u.remove()
        b.remove()
        self.assertEqual((net.tie_count(), net.actor_count()), (1, 2))

        net.reserve(2, 2)
        self.assertEqual(net.add_actors(["D", "E"], _core.GROUP), range(4, 6))
        self.assertEqual(net.actor_by_id(5).get_kind(), _core.GROUP)
        self.assertEqual(net.add_ties(_core.BEGEGNUNG, [(4, 5), (a, 4)], D(2025, 1, 1)),
                         range(3, 5))
        self.assertTrue(net.tie_by_id(4).has_member(a))
        self.assertEqual((net.tie_count(), net.actor_count()), (3, 4))
        net.close()
        self.assertTrue(net.is_closed())

    def test_checklists_validation_files(self):
        self.assertEqual(_core.checklist_builtin_count(_core.GRUPPE), 3)
        self.assertEqual(_core.checklist_builtin(_core.KONTAKT, 2)["code"], "contact.kept_up")
        self.assertEqual(_core.checklist_builtin_find("coop.goal")["label_en"],
                         "Common goal stated")
        self.assertEqual(_core.item_state_name(_core.ITEM_DONE), "erledigt")
        self.assertEqual(_core.principle_name(_core.PRINCIPLE_ZIEL_NUTZEN, _core.EN),
                         "Goal and benefit orientation")
        self.assertTrue(_core.principle_description(_core.PRINCIPLE_FREIWILLIGKEIT))
        self.assertEqual(_core.principle_code(_core.PRINCIPLE_DYNAMIK_OFFENHEIT), "DYN")
        self.assertEqual(_core.severity_name(_core.SEVERITY_INFO), "Hinweis")
        self.assertEqual(_core.status_name(_core.STATUS_AT_RISK, _core.EN), "at risk")
        self.assertEqual(_core.rule_count(), 19)
        self.assertEqual(_core.rule(18)["code"], "ZIEL-005")
        self.assertEqual(_core.rule_find("DYN-003")["principle"], _core.PRINCIPLE_DYNAMIK_OFFENHEIT)
        self.assertEqual(_core.validate_defaults()["dormant_days_gruppe"], 120)

        net = _core.Network("N")
        a, b, c = net.add_actor("A"), net.add_actor("B"), net.add_actor("C")
        t = net.add_tie(_core.KOOPERATION, [a, b], D(2025, 1, 1))
        u = net.add_tie(_core.KONTAKT, [a, c], D(2025, 1, 1))
        self.assertIsNone(u.checklist())
        self.assertEqual(u.create_checklist().item_count(), 3)
        cl = t.checklist()
        self.assertEqual(cl.get_tie_id(), 1)
        self.assertEqual(cl.item_count(), 10)
        goal = cl.item_at(0)
        self.assertEqual(cl.find("coop.goal"), goal)
        self.assertEqual(cl.item_partner(cl.find("coop.partner_benefit", 2)), 2)
        item = cl.add_item("Eigenes")
        self.assertEqual((cl.item_code(item), cl.item_label(item, _core.EN)), ("custom", "Eigenes"))
        cl.set_item_label(item, "Anders")
        self.assertEqual(cl.item_label(item), "Anders")
        cl.set_item_state(goal, _core.ITEM_DONE)
        self.assertEqual(cl.item_state(goal), _core.ITEM_DONE)
        cl.set_item_responsible(goal, c)
        self.assertEqual(cl.item_responsible(goal), 3)
        cl.clear_item_responsible(goal)
        self.assertEqual(cl.item_responsible(goal), 0)
        cl.set_item_due(item, D(2025, 3, 1))
        self.assertEqual(cl.item_due(item), D(2025, 3, 1))
        cl.set_item_note(item, "Notiz")
        self.assertEqual(cl.item_note(item), "Notiz")
        self.assertTrue(cl.item_overdue(item, D(2025, 3, 2)))
        self.assertTrue(cl.item_settled(goal, D(2025, 3, 2)))
        self.assertEqual(cl.progress(), {"done": 1, "agreed": 0, "applicable": 11})
        self.assertEqual(cl.pending(D(2025, 3, 2)), [cl.item_at(i) for i in range(1, 11)])
        ok, reasons = cl.well_agreed(D(2025, 3, 2))
        self.assertEqual((ok, len(reasons)), (False, 10))
        cl.remove_item(item)
        self.assertEqual(cl.item_count(), 10)

        report = net.validate(D(2025, 6, 1), None)
        self.assertEqual(report.get_as_of(), D(2025, 6, 1))
        self.assertEqual(report.finding_count(), len([report.finding(i)
                                                      for i in range(report.finding_count())]))
        self.assertEqual(report.finding(0)["rule"], "FREI-001")
        self.assertEqual(report.principle(_core.PRINCIPLE_ZIEL_NUTZEN)["status"],
                         _core.STATUS_VIOLATED)  # ZIEL-001: no goals

        text = net.save_buffer()
        self.assertEqual(_core.load_buffer(text).save_buffer(), text)
        actors, ties = net.save_csv_buffer({"csv_separator": ";"})
        self.assertTrue(actors.startswith("id;kind;name;"))
        self.assertEqual(_core.load_csv_buffer(actors, ties, None).tie_count(), 2)
        with tempfile.TemporaryDirectory() as folder:
            net.save(folder + "/n.graphml", {"no_sync": True})
            self.assertEqual(_core.load(folder + "/n.graphml").actor_count(), 3)
            net.save_csv(folder + "/a.csv", folder + "/t.csv")
            self.assertEqual(_core.load_csv(folder + "/a.csv", folder + "/t.csv").tie_count(), 2)

    def test_analysis(self):
        self.assertEqual(_core.snapshot_option_count(), 31)
        self.assertEqual(_core.snapshot_option_name(0), "weighted")
        self.assertEqual(_core.snapshot_option_type("weighted"), "bool")
        self.assertEqual(_core.snapshot_option_default("touch_ideal_kooperation"), 14)
        self.assertEqual((_core.TIE_ABSENT, _core.TIE_LATENT), (0, 3))
        self.assertEqual((_core.SPAN_INFINITE, _core.TIMELINE_MAX), (2**32 - 1, 100000))

        net = _core.Network("N")
        a, b, c = net.add_actor("A"), net.add_actor("B"), net.add_actor("C")
        t = net.add_tie(_core.KOOPERATION, [a, b], D(2025, 1, 1))
        net.add_tie(_core.KONTAKT, [b, c], D(2025, 1, 1))
        self.assertAlmostEqual(t.strength(D(2025, 1, 1), {"weight_age": 0, "weight_tending": 0}),
                               (0.4 * 0.8 + 0.15 * 1) / 0.55)
        terms = t.strength_terms(D(2025, 1, 1))
        self.assertEqual((terms.base, terms.age, terms.tending, terms.recency,
                          terms.last_contact, terms.interactions),
                         (0.8, 0.0, 0.0, 1.0, D(2025, 1, 1), 0))
        self.assertAlmostEqual(terms.strength, 0.4 * 0.8 + 0.15)
        self.assertEqual(t.state(D(2025, 6, 1)), _core.TIE_DORMANT)
        self.assertAlmostEqual(a.pair_strength(b, D(2025, 1, 1)), 0.4 * 0.8 + 0.15)
        self.assertEqual(a.pair_tie_count(b, D(2025, 1, 1), None), 1)
        touch = net.losing_touch(D(2025, 3, 1))
        self.assertEqual(touch.count(), 1)
        first = touch.get(0)
        self.assertEqual((first.tie, first.form, first.last_contact, first.days, first.overdue),
                         (1, _core.KOOPERATION, D(2025, 1, 1), 59, True))
        line = net.timeline(D(2025, 1, 1), D(2025, 1, 3), 1)
        self.assertEqual([line.get(i).as_of for i in range(line.count())],
                         [D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3)])

        s = net.snapshot(D(2025, 2, 1), {"weighted": False})
        self.assertEqual(s.get_date(), D(2025, 2, 1))
        self.assertEqual(s.option("weighted"), 0.0)
        self.assertTrue(s.is_current(net))
        self.assertEqual((s.actor_count(), s.pair_count(), s.tie_count()), (3, 2, 2))
        self.assertGreater(s.memory(), 0)
        self.assertEqual((s.actor_id(2), s.vertex_of(3)), (3, 2))
        p = s.pair(1)
        self.assertEqual((p.a, p.b, p.weight, p.ties, p.strong), (2, 3, 1.0, 1, False))

        def values(v):
            return [v.get(i) for i in range(v.count())]

        self.assertEqual(values(s.degree()), [1, 2, 1])
        self.assertEqual(values(s.weighted_degree()), [1, 2, 1])
        self.assertEqual(values(s.betweenness()), [0, 1, 0])
        self.assertEqual(values(s.harmonic_closeness()), [1.5, 2, 1.5])
        self.assertEqual(values(s.two_step_reach()), [2, 2, 2])
        self.assertEqual(values(s.reach_efficiency()), [1, 1, 1])
        self.assertEqual(values(s.constraint()), [1, 0.5, 1])
        self.assertEqual(values(s.effective_size()), [1, 2, 1])
        self.assertEqual(values(s.efficiency()), [1, 1, 1])
        self.assertEqual(values(s.local_clustering()), [0, 0, 0])
        self.assertEqual(values(s.core_number()), [1, 1, 1])
        self.assertEqual(values(s.components()), [0, 0, 0])
        self.assertEqual(values(s.overlap()), [0, 0])
        self.assertEqual((s.stars(), s.isolates(), s.brokers()), ([2], [], [2]))
        bridges = s.bridges()
        self.assertEqual(bridges.count(), 2)
        br = bridges.get(1)
        self.assertEqual((br.pair, br.a, br.b, br.span, br.strong, br.weight),
                         (1, 2, 3, _core.SPAN_INFINITE, False, 1.0))
        self.assertEqual(s.bridges(True).count(), 2)
        f = s.figures()
        self.assertEqual((f.as_of, f.actors, f.pairs, f.diameter), (D(2025, 2, 1), 3, 2, 2))
        self.assertEqual((f.count_fields(), f.name_at(1), f.value_at(1)), (39, "actors", 3.0))
        change = net.snapshot(D(2024, 1, 1)).compare(s)
        self.assertEqual((change.before().ties, change.after().ties), (0, 2))
        ids = change.ties_began()
        self.assertEqual([ids.get(i) for i in range(ids.count())], [1, 2])
        self.assertEqual((change.actors_joined().count(), change.actors_left().count(),
                          change.ties_ended().count()), (0, 0, 0))
        net.close()
        self.assertEqual(s.pair_count(), 2)  # a snapshot outlives its network

    def test_privacy(self):
        self.assertEqual((_core.CONSENT_OPT_IN, _core.CONSENT_OPT_OUT), (0, 1))
        self.assertEqual((_core.PSEUDONYM_KEEP_NETWORK_NAME, _core.PSEUDONYM_KEEP_TOPICS,
                          _core.PSEUDONYM_KEEP_PURPOSES, _core.PSEUDONYM_KEY_MIN), (1, 2, 4, 16))
        net = _core.Network("Netz")
        a = net.add_actor("Anna", _core.PERSON)
        a.add_consent("2025-01-01", _core.CONSENT_OPT_OUT, "Fotos", "Bogen", "Nein.", "n",
                      "2026-01-01", None)
        self.assertEqual(a.consent_count(), 1)
        self.assertEqual(a.consent_type(0), _core.CONSENT_OPT_OUT)
        self.assertEqual((a.consent_date(0, "given"), a.consent_date(0, "expires"),
                          a.consent_date(0, "withdrawn")), (D(2025, 1, 1), D(2026, 1, 1), None))
        self.assertEqual([a.consent_text(0, f) for f in ("purpose", "source", "text", "note")],
                         ["Fotos", "Bogen", "Nein.", "n"])
        with self.assertRaises(nw.InvalidArgumentError):
            a.consent_text(0, "given")
        self.assertFalse(a.consent_valid("2025-06-01", "Fotos"))
        a.withdraw_consent_at(0, "2025-03-01")
        self.assertEqual(a.consent_date(0, "withdrawn"), D(2025, 3, 1))
        self.assertIn('"name": "Anna"', a.export())
        copy = net.pseudonymise(b"0123456789abcdef", _core.PSEUDONYM_KEEP_NETWORK_NAME)
        self.assertEqual(copy.get_name(), "Netz")
        self.assertEqual(a.erase(), 0)
        self.assertEqual(net.actor_count(), 0)

class HelpTest(unittest.TestCase):
    def test_help_is_useful(self):
        text = pydoc.render_doc(nw.Network, renderer=pydoc.plaintext)
        for expected in ("A network of actors and ties", "add_actor", "add_tie", "close",
                         "context manager", "StaleError"):
            self.assertIn(expected, text)
        text = pydoc.render_doc(nw, renderer=pydoc.plaintext)
        self.assertIn("Netzwerkarbeit im Sozialraum", text)
        for cls in (nw.Actor, nw.Tie, nw.Form, nw.Error, nw.TextSet, nw.Checklist,
                    nw.ChecklistItem, nw.Report, nw.Finding, nw.Principle, nw.FileFormat):
            self.assertTrue(cls.__doc__ and len(cls.__doc__) > 40, cls)


if __name__ == "__main__":
    unittest.main()
