"""The four relationship forms: enum values, the catalogue after the seed
text (shared/seed/netzwerkarbeit.txt), masks."""

import unittest

import netzwerk as nw
from netzwerk import _core
from netzwerk.enums import form_mask, forms_of


class FormTest(unittest.TestCase):
    def test_values_and_letters(self):
        self.assertEqual([int(f) for f in nw.Form], [0, 1, 2, 3])
        self.assertEqual([f.letter for f in nw.forms], ["A", "B", "C", "D"])
        self.assertEqual(nw.forms, (nw.Form.BEGEGNUNG, nw.Form.KOOPERATION,
                                    nw.Form.KONTAKT, nw.Form.GRUPPE))

    def test_from_letter(self):
        self.assertIs(nw.Form.from_letter("B"), nw.Form.KOOPERATION)
        self.assertIs(nw.Form.from_letter("d"), nw.Form.GRUPPE)
        for bad in ("E", "", "AB", "1"):
            with self.subTest(letter=bad), self.assertRaises(nw.InvalidArgumentError):
                nw.Form.from_letter(bad)

    def test_strong_and_affiliation_follow_the_two_by_two_table(self):
        # Starke Bindungen: B, D; schwache: A, C. A and B happen; C and D stand.
        self.assertEqual([f.strong for f in nw.forms], [False, True, False, True])
        self.assertEqual([f.affiliation for f in nw.forms], [False, False, True, True])

    def test_names(self):
        self.assertEqual([f.name_de for f in nw.forms],
                         ["Begegnung", "Kooperation", "Kontakt", "Gruppe"])
        self.assertEqual(nw.Form.KOOPERATION.name_en, "Cooperation")
        self.assertEqual(str(nw.Form.KONTAKT), "C Kontakt")

    def test_goals_and_challenges_from_the_seed(self):
        self.assertEqual(nw.Form.BEGEGNUNG.goals()[0], "Kennenlernen")
        self.assertEqual(len(nw.Form.BEGEGNUNG.goals()), 4)
        self.assertEqual(len(nw.Form.BEGEGNUNG.challenges()), 3)
        self.assertEqual(nw.Form.KOOPERATION.goals(),
                         ("Gegenseitige Ergänzung", "Gemeinsames Ziel umsetzen"))
        self.assertIn("Controlling", nw.Form.KOOPERATION.challenges())
        self.assertEqual(nw.Form.KONTAKT.challenges()[-1], "Kontaktpflege")
        self.assertEqual(len(nw.Form.GRUPPE.goals()), 4)
        self.assertEqual(len(nw.Form.GRUPPE.challenges(nw.Lang.EN)), 2)
        self.assertEqual(len(nw.Form.KONTAKT.goals(nw.Lang.EN)), 3)

    def test_descriptions(self):
        self.assertIn("Email", nw.Form.KONTAKT.description())
        self.assertIn("e-mail", nw.Form.KONTAKT.description(nw.Lang.EN))

    def test_low_level_catalogue_errors(self):
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_name(4)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_name(0, 2)
        with self.assertRaises(nw.NotFoundError):
            _core.form_goal(0, 4)
        with self.assertRaises(nw.NotFoundError):
            _core.form_challenge(3, 2)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_letter(-1)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_is_strong(4)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_is_affiliation(4)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_goal_count(4)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_challenge_count(4)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.form_description(4)

    def test_masks(self):
        self.assertEqual(form_mask(), 0b1111)
        self.assertEqual(form_mask(nw.Form.KONTAKT), 0b0100)
        self.assertEqual(form_mask(strong=True), 0b1010)
        self.assertEqual(form_mask(strong=False), 0b0101)
        self.assertEqual(form_mask([nw.Form.BEGEGNUNG, nw.Form.GRUPPE]), 0b1001)
        self.assertEqual(form_mask([nw.Form.BEGEGNUNG, nw.Form.GRUPPE], strong=True), 0b1000)
        self.assertEqual(forms_of(0b1010), {nw.Form.KOOPERATION, nw.Form.GRUPPE})

    def test_other_enums(self):
        self.assertEqual([int(k) for k in nw.ActorKind], [0, 1, 2])
        self.assertEqual([int(c) for c in nw.Channel], [0, 1, 2, 3])
        self.assertEqual([int(k) for k in nw.InteractionKind], [0, 1, 2, 3])
        self.assertEqual([int(lang) for lang in nw.Lang], [0, 1])

    def test_enums_print_a_readable_name(self):
        # Enums the library names print their German name, the others their
        # name in lower case; str(), format() and f-strings agree; repr() and
        # numeric formats keep the enum and its number.
        cases = [(nw.Form.KOOPERATION, "B Kooperation"),
                 (nw.Principle.ZIEL_NUTZEN, nw.Principle.ZIEL_NUTZEN.name_de),
                 (nw.Severity.WARNING, "Warnung"), (nw.PrincipleStatus.AT_RISK, "gefährdet"),
                 (nw.ItemState.AGREED, "vereinbart"), (nw.TieState.LATENT, "latent"),
                 (nw.ActorKind.ORGANISATION, "Organisation"), (nw.Channel.EMAIL, "E-Mail"),
                 (nw.InteractionKind.MEETING, "Treffen"), (nw.Lang.DE, "de"),
                 (nw.Subject.TIE, "tie"), (nw.ConsentType.OPT_OUT, "opt out"),
                 (nw.FileFormat.GRAPHML, "graphml")]  # a list: equal values would collide
        for member, text in cases:
            with self.subTest(member=repr(member)):
                self.assertEqual(str(member), text)
                self.assertEqual(f"{member}", text)
                self.assertEqual(f"{member:>20}", text.rjust(20))
                self.assertEqual(f"{member:d}", str(int(member)))
                self.assertEqual(repr(member),
                                 f"<{type(member).__name__}.{member.name}: {int(member)}>")
        every = (nw.Form, nw.ActorKind, nw.Channel, nw.InteractionKind, nw.Lang, nw.Principle,
                 nw.Severity, nw.PrincipleStatus, nw.Subject, nw.ItemState, nw.TieState,
                 nw.ConsentType, nw.FileFormat)
        for cls in every:
            for member in cls:
                with self.subTest(member=repr(member)):
                    self.assertNotIn(".", str(member))
                    self.assertFalse(str(member).isdigit())


if __name__ == "__main__":
    unittest.main()
