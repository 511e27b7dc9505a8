"""Agreement checklists from Python: the catalogue, items and their fields,
progress, overdue, settled and well agreed, and misuse.

Expected values come from the definitions in include/netzwerk/checklist.h
and the template table of docs/principles.md, worked out by hand."""

import datetime
import gc
import unittest

import netzwerk as nw

D = datetime.date
S = nw.ItemState

# docs/principles.md, "Agreement checklists": code, essential, review.
TEMPLATE = {
    nw.Form.BEGEGNUNG: [("encounter.situation", False, False),
                        ("encounter.message", False, False),
                        ("encounter.effect", False, False)],
    nw.Form.KOOPERATION: [("coop.goal", True, False), ("coop.agreements", True, False),
                          ("coop.communication", True, False),
                          ("coop.contact_persons", True, False),
                          ("coop.controlling", True, True), ("coop.resources", True, False),
                          ("coop.duration_exit", False, False),
                          ("coop.data_protection", False, False),
                          ("coop.partner_benefit", True, False)],
    nw.Form.KONTAKT: [("contact.reachable", True, False), ("contact.consent", True, False),
                      ("contact.kept_up", False, True)],
    nw.Form.GRUPPE: [("group.relevance", True, True), ("group.resources", True, False),
                     ("group.continuity", False, False)],
}
COOP_CODES = [code for code, _, _ in TEMPLATE[nw.Form.KOOPERATION][:-1]]


def cooperation():
    net = nw.Network("Schulwege")
    juz = net.add_actor("Jugendzentrum", nw.ActorKind.ORGANISATION)
    schule = net.add_actor("Grundschule", nw.ActorKind.ORGANISATION)
    anna = net.add_actor("Anna")
    tie = net.add_tie(nw.Form.KOOPERATION, [juz, schule], D(2025, 2, 1), label="Laufbus")
    return net, juz, schule, anna, tie


class CatalogueTest(unittest.TestCase):
    def test_templates(self):
        for form, expected in TEMPLATE.items():
            with self.subTest(form=form):
                template = nw.checklist_template(form)
                self.assertEqual([(b.code, b.essential, b.review) for b in template], expected)
                self.assertTrue(all(b.form == form for b in template))
                self.assertEqual([b.per_partner for b in template],
                                 [b.code == "coop.partner_benefit" for b in template])

    def test_builtin_by_code(self):
        goal = nw.checklist_builtin("coop.goal")
        self.assertEqual(goal, nw.ChecklistBuiltin("coop.goal", nw.Form.KOOPERATION, True, False,
                                                   False, "Gemeinsames Ziel formuliert",
                                                   "Common goal stated"))
        self.assertEqual(nw.checklist_builtin("group.relevance").label_en,
                         "Relevance of the group confirmed, next review scheduled")
        for code in ("custom", "coop.nothing", ""):
            with self.subTest(code=code), self.assertRaises(nw.NotFoundError):
                nw.checklist_builtin(code)

    def test_item_states(self):
        self.assertEqual([(s.name_de, s.name_en) for s in S],
                         [("offen", "open"), ("vereinbart", "agreed"), ("erledigt", "done"),
                          ("entfällt", "not applicable")])
        self.assertEqual([int(s) for s in S], [0, 1, 2, 3])
        self.assertEqual(nw.ITEM_CODE_CUSTOM, "custom")


class ItemsTest(unittest.TestCase):
    def test_cooperation_items_follow_the_members(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        self.assertIs(cl.tie, tie)
        self.assertIs(cl.network, net)
        # The template, then one partner item per member in order of identity.
        self.assertEqual([i.code for i in cl], COOP_CODES + ["coop.partner_benefit"] * 2)
        self.assertEqual([i.partner for i in cl][-2:], [juz, schule])
        self.assertTrue(all(i.partner is None for i in cl[:-2]))
        self.assertEqual(len(cl), 10)
        # Identities are stable and increasing; positions are list order.
        self.assertEqual([i.id for i in cl], sorted(i.id for i in cl))
        tie.members.add(anna)
        self.assertEqual(len(cl), 11)
        self.assertEqual(cl[-1].partner, anna)
        self.assertEqual(cl[-1].state, S.OPEN)
        benefit_juz = cl.find("coop.partner_benefit", juz)
        tie.members.remove(juz)
        self.assertEqual([i.partner for i in cl][-2:], [schule, anna])
        with self.assertRaises(nw.NotFoundError):
            benefit_juz.state
        with self.assertRaises(nw.NotFoundError):
            cl.find("coop.partner_benefit", juz)

    def test_weak_ties_have_none_until_created(self):
        net, juz, schule, anna, coop = cooperation()
        encounter = net.add_tie(nw.Form.BEGEGNUNG, [anna, juz], D(2025, 3, 1))
        contact = net.add_tie("C", [anna, schule], D(2025, 3, 1))
        group = net.add_tie(nw.Form.GRUPPE, [anna, juz, schule], D(2025, 3, 1))
        self.assertIsNone(encounter.checklist)
        self.assertIsNone(contact.checklist)
        cl = encounter.create_checklist()
        self.assertEqual([i.code for i in cl], [c for c, _, _ in TEMPLATE[nw.Form.BEGEGNUNG]])
        self.assertEqual(encounter.checklist, cl)
        self.assertEqual([i.code for i in contact.create_checklist()],
                         [c for c, _, _ in TEMPLATE[nw.Form.KONTAKT]])
        self.assertEqual([i.code for i in group.checklist],
                         [c for c, _, _ in TEMPLATE[nw.Form.GRUPPE]])
        for tie in (encounter, contact, group, coop):
            with self.subTest(tie=tie), self.assertRaises(nw.ExistsError):
                tie.create_checklist()

    def test_fields(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        goal = cl.find("coop.goal")
        self.assertEqual((goal.code, goal.custom, goal.label, goal.label_de, goal.label_en),
                         ("coop.goal", False, "Gemeinsames Ziel formuliert",
                          "Gemeinsames Ziel formuliert", "Common goal stated"))
        self.assertEqual(goal.builtin, nw.checklist_builtin("coop.goal"))
        self.assertEqual((goal.state, goal.responsible, goal.due, goal.note),
                         (S.OPEN, None, None, ""))
        goal.state = S.AGREED
        goal.responsible = anna          # any actor of the network, not only a member
        goal.due = D(2025, 4, 1)
        goal.note = "Ziel: jeden Morgen ein Laufbus\nab Mai"
        self.assertEqual((goal.state, goal.responsible, goal.due, goal.note),
                         (S.AGREED, anna, D(2025, 4, 1), "Ziel: jeden Morgen ein Laufbus\nab Mai"))
        goal.responsible = "Jugendzentrum"  # a name or an identity works too
        self.assertEqual(goal.responsible, juz)
        goal.responsible = schule.id
        self.assertEqual(goal.responsible, schule)
        goal.responsible = None
        goal.due = None
        goal.note = None
        self.assertEqual((goal.responsible, goal.due, goal.note), (None, None, ""))
        goal.due = "2025-05-02"
        self.assertEqual(goal.due, D(2025, 5, 2))
        # A removed responsible actor reads as none.
        goal.responsible = anna
        anna.remove()
        self.assertIsNone(goal.responsible)
        # Built-in labels come from the catalogue.
        with self.assertRaises(nw.InvalidArgumentError):
            goal.label = "Anders"
        with self.assertRaises(nw.InvalidArgumentError):
            goal.remove()
        with self.assertRaises(ValueError):
            goal.state = 9

    def test_custom_items(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        first = cl.add("Protokoll verschicken")
        second = cl.add("Elternbrief", state=S.DONE, responsible=anna, due=D(2025, 3, 1),
                        note="über die Schule")
        self.assertEqual([i.code for i in cl][-2:], ["custom", "custom"])
        self.assertEqual(cl[-2:], [first, second])
        self.assertGreater(second.id, first.id)
        self.assertTrue(first.custom)
        self.assertIsNone(first.builtin)
        self.assertEqual((first.label_de, first.label_en), ("Protokoll verschicken",) * 2)
        self.assertEqual((second.state, second.responsible, second.due, second.note),
                         (S.DONE, anna, D(2025, 3, 1), "über die Schule"))
        first.label = "Protokoll an alle"
        self.assertEqual(first.label_en, "Protokoll an alle")
        self.assertEqual(cl.item(first.id), first)
        self.assertIn(first, cl)
        first.remove()
        self.assertNotIn(first, cl)
        self.assertEqual(len(cl), 11)
        with self.assertRaises(nw.NotFoundError):
            first.label
        with self.assertRaises(nw.NotFoundError):
            cl.item(first.id)
        # The identity is not reused.
        self.assertGreater(cl.add("Neu").id, second.id)
        # An invalid keyword argument removes the new item again.
        with self.assertRaises(nw.InvalidArgumentError):
            cl.add("Falsch", due="2025-02-30")
        self.assertNotIn("Falsch", [i.label for i in cl])
        for label in ("", "a\tb", "x" * (nw.TEXT_MAX + 1)):
            with self.subTest(label=label[:5]), self.assertRaises(nw.InvalidArgumentError):
                cl.add(label)

    def test_responsible_of_another_network(self):
        net, juz, schule, anna, tie = cooperation()
        other = nw.Network("Anderes")
        stranger = other.add_actor("Fremd")
        with self.assertRaises(nw.InvalidArgumentError):
            tie.checklist.find("coop.goal").responsible = stranger
        with self.assertRaises(nw.NotFoundError):
            tie.checklist.find("coop.partner_benefit", anna)  # not a partner
        with self.assertRaises(nw.NotFoundError):
            tie.checklist.find("group.relevance")
        other.add_actor("Zweiter")  # identity 2, like the Grundschule here
        with self.assertRaises(nw.InvalidArgumentError):
            tie.checklist.find("coop.partner_benefit", other.actor(2))


class AgreementTest(unittest.TestCase):
    """overdue, settled, pending and well agreed, from checklist.h's definitions."""

    def test_progress(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        self.assertEqual(cl.progress, nw.Progress(0, 0, 10, 10))
        for code, state in (("coop.goal", S.DONE), ("coop.agreements", S.DONE),
                            ("coop.communication", S.AGREED), ("coop.resources", S.AGREED),
                            ("coop.contact_persons", S.AGREED),
                            ("coop.data_protection", S.NOT_APPLICABLE)):
            cl.find(code).state = state
        # 10 items, 1 not applicable: 9 applicable, 2 done, 3 agreed, 4 open.
        self.assertEqual(cl.progress, nw.Progress(2, 3, 9, 4))

    def test_overdue_and_settled(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        goal, controlling, exit_ = (cl.find(c) for c in
                                    ("coop.goal", "coop.controlling", "coop.duration_exit"))
        goal.due = D(2025, 3, 1)
        self.assertFalse(goal.overdue(D(2025, 3, 1)))  # due on the day: not yet
        self.assertTrue(goal.overdue(D(2025, 3, 2)))
        goal.state = S.AGREED
        self.assertTrue(goal.overdue(D(2025, 3, 2)))   # agreed, not done
        self.assertFalse(goal.settled(D(2025, 3, 2)))
        self.assertTrue(goal.settled(D(2025, 3, 1)))
        goal.state = S.DONE
        self.assertFalse(goal.overdue(D(2025, 3, 2)))
        self.assertTrue(goal.settled(D(2025, 3, 2)))
        # A review item is overdue once its date passed, even when done, and
        # settled only with a date for the next review.
        controlling.state = S.DONE
        self.assertFalse(controlling.settled(D(2025, 3, 2)))
        controlling.due = D(2025, 3, 1)
        self.assertTrue(controlling.overdue(D(2025, 3, 2)))
        self.assertFalse(controlling.settled(D(2025, 3, 2)))
        self.assertTrue(controlling.settled(D(2025, 3, 1)))
        # Not applicable: never overdue; settles only a non-essential item.
        exit_.due = D(2025, 1, 1)
        exit_.state = S.NOT_APPLICABLE
        self.assertFalse(exit_.overdue(D(2025, 3, 2)))
        self.assertTrue(exit_.settled(D(2025, 3, 2)))
        goal.state = S.NOT_APPLICABLE
        self.assertFalse(goal.overdue(D(2025, 3, 2)))
        self.assertFalse(goal.settled(D(2025, 3, 2)))
        self.assertEqual(cl.overdue(D(2025, 3, 2)), [controlling])

    def test_pending_and_well_agreed(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        day = D(2025, 6, 1)
        for item in cl:
            item.state = S.AGREED
        controlling = cl.find("coop.controlling")
        controlling.state = S.DONE
        self.assertEqual(cl.well_agreed(day), (False, [controlling]))  # no next review
        controlling.due = D(2025, 7, 1)
        self.assertEqual(cl.pending(day), [])
        self.assertEqual(cl.well_agreed(day), (True, []))
        cl.find("coop.data_protection").state = S.NOT_APPLICABLE  # not essential
        self.assertEqual(cl.well_agreed(day), (True, []))
        # Essential set aside, an open custom item, an agreed item overdue:
        goal = cl.find("coop.goal")
        goal.state = S.NOT_APPLICABLE
        extra = cl.add("Pressetermin")
        agreements = cl.find("coop.agreements")
        agreements.due = D(2025, 5, 1)
        ok, reasons = cl.well_agreed(day)
        self.assertFalse(ok)
        self.assertEqual(reasons, [goal, agreements, extra])  # in list order
        # Pending: open or overdue (the goal set aside is neither).
        self.assertEqual(cl.pending(day), [agreements, extra])
        # The review date passing makes the controlling pending again.
        self.assertEqual(cl.pending(D(2025, 7, 2)), [agreements, controlling, extra])

    def test_bad_dates(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        for call in (lambda: cl.pending(None), lambda: cl.well_agreed(None),
                     lambda: cl[0].overdue(None), lambda: cl[0].settled("2025-13-01")):
            with self.assertRaises(nw.InvalidArgumentError):
                call()
        with self.assertRaises(TypeError):
            cl.pending(datetime.datetime(2025, 1, 1))


class MisuseTest(unittest.TestCase):
    def test_checklist_of_a_removed_tie_is_stale(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        goal = cl.find("coop.goal")
        tie.remove()
        calls = [lambda: len(cl), lambda: cl[0], lambda: list(cl), lambda: cl.progress,
                 lambda: cl.add("x"), lambda: cl.find("coop.goal"), lambda: cl.pending(D(2025, 1, 1)),
                 lambda: cl.well_agreed(D(2025, 1, 1)), lambda: goal.state,
                 lambda: setattr(goal, "state", S.DONE), lambda: goal.code, lambda: goal.label_en,
                 lambda: goal.responsible, lambda: setattr(goal, "responsible", juz),
                 lambda: setattr(goal, "responsible", None), lambda: goal.due,
                 lambda: setattr(goal, "due", None), lambda: goal.note,
                 lambda: setattr(goal, "note", "x"), lambda: goal.partner,
                 lambda: goal.overdue(D(2025, 1, 1)), lambda: goal.settled(D(2025, 1, 1)),
                 lambda: goal.remove(), lambda: tie.checklist]
        for i, call in enumerate(calls):
            with self.subTest(call=i), self.assertRaises(nw.StaleError):
                call()
        self.assertEqual(cl._h.get_tie_id(), 1)  # the identity still reads
        self.assertEqual(repr(cl), "<Checklist of tie 1 (stale)>")
        self.assertEqual(repr(goal), f"<ChecklistItem {goal.id} (gone)>")

    def test_closed_or_collected_network(self):
        net, juz, schule, anna, tie = cooperation()
        cl = tie.checklist
        item = cl[0]
        net.close()
        for call in (lambda: len(cl), lambda: item.state, lambda: cl.add("x")):
            with self.assertRaises(nw.StaleError):
                call()
        # The checklist keeps its network alive: no Python reference needed.
        net2, *_, tie2 = cooperation()
        cl2 = tie2.checklist
        del net2, tie2, _
        gc.collect()
        cl2.find("coop.goal").state = S.DONE
        self.assertEqual(cl2.progress.done, 1)
        self.assertEqual(cl2.network.name, "Schulwege")

    def test_low_level_handles_freed_in_any_order(self):
        for order in range(3):
            net, juz, schule, anna, tie = cooperation()
            objects = [net, tie, tie.checklist._h]
            objects.insert(0, objects.pop(order))
            del net, tie, juz, schule, anna
            while objects:
                objects.pop(0)
                gc.collect()

    def test_cannot_construct(self):
        with self.assertRaises(TypeError):
            nw.Checklist()
        # Low-level objects made without a constructor hold no handle.
        day = D(2025, 1, 1)
        empty = nw._core.Checklist.__new__(nw._core.Checklist)
        calls = [lambda: empty.get_tie_id(), lambda: empty.item_count(),
                 lambda: empty.item_at(0), lambda: empty.find("coop.goal"),
                 lambda: empty.add_item("x"), lambda: empty.remove_item(1),
                 lambda: empty.item_code(1), lambda: empty.item_label(1),
                 lambda: empty.set_item_label(1, "x"), lambda: empty.item_partner(1),
                 lambda: empty.item_state(1), lambda: empty.set_item_state(1, 0),
                 lambda: empty.item_responsible(1), lambda: empty.clear_item_responsible(1),
                 lambda: empty.item_due(1), lambda: empty.set_item_due(1, day),
                 lambda: empty.item_note(1), lambda: empty.set_item_note(1, "x"),
                 lambda: empty.item_overdue(1, day), lambda: empty.item_settled(1, day),
                 lambda: empty.progress(), lambda: empty.pending(day),
                 lambda: empty.well_agreed(day)]
        report = nw._core.Report.__new__(nw._core.Report)
        calls += [lambda: report.get_as_of(), lambda: report.finding_count(),
                  lambda: report.finding(0), lambda: report.principle(0)]
        network = nw._core.Network.__new__(nw._core.Network)
        calls += [lambda: network.validate(day), lambda: network.save("x.json"),
                  lambda: network.save_buffer(), lambda: network.save_csv("a.csv"),
                  lambda: network.save_csv_buffer()]
        for i, call in enumerate(calls):
            with self.subTest(call=i), self.assertRaises(nw.InvalidArgumentError):
                call()
        del empty, report, network
        gc.collect()


if __name__ == "__main__":
    unittest.main()
