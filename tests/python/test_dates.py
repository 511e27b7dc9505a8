"""Dates: datetime.date (or 'YYYY-MM-DD') in, datetime.date out, None for
no date; the low-level date helpers. Expected day numbers are counted by
hand: 1970..1999 are 30 years with 7 leap days (72 76 80 84 88 92 96)."""

import datetime
import unittest

import netzwerk as nw
from netzwerk import _core


class DateConversionTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("Daten")
        self.actor = self.net.add_actor("Anna")

    def tearDown(self):
        self.net.close()

    def test_round_trip_of_dates(self):
        for day in (datetime.date(1, 1, 1), datetime.date(1969, 12, 31),
                    datetime.date(2024, 2, 29), datetime.date(9999, 12, 31)):
            with self.subTest(day=day):
                self.actor.joined = day
                self.assertEqual(self.actor.joined, day)
                self.assertIs(type(self.actor.joined), datetime.date)

    def test_iso_strings_are_accepted(self):
        self.actor.joined = "2025-03-01"
        self.assertEqual(self.actor.joined, datetime.date(2025, 3, 1))

    def test_none_clears(self):
        self.actor.joined = datetime.date(2025, 1, 1)
        self.actor.joined = None
        self.assertIsNone(self.actor.joined)

    def test_bad_strings_are_invalid_arguments(self):
        for text in ("2026-02-29", "2025-13-01", "25-01-01", "2025-1-1", "", "0000-01-01",
                     "2025-01-01x"):
            with self.subTest(text=text):
                with self.assertRaises(nw.InvalidArgumentError):
                    self.actor.joined = text
        self.assertIsNone(self.actor.joined)

    def test_datetime_is_refused(self):
        with self.assertRaises(TypeError):
            self.actor.joined = datetime.datetime(2025, 1, 1, 12, 0)

    def test_other_types_are_refused(self):
        for value in (20250101, 1.5, b"2025-01-01", [2025, 1, 1]):
            with self.subTest(value=value), self.assertRaises(TypeError):
                self.actor.joined = value


class DateHelperTest(unittest.TestCase):
    def test_days(self):
        self.assertEqual(_core.days(datetime.date(1970, 1, 1)), 0)
        self.assertEqual(_core.days("1970-01-02"), 1)
        self.assertEqual(_core.days("1969-12-31"), -1)
        self.assertEqual(_core.days("2000-01-01"), 30 * 365 + 7)
        self.assertEqual(_core.days("2000-03-01"), 30 * 365 + 7 + 31 + 29)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.days(None)

    def test_date_from_days(self):
        self.assertEqual(_core.date_from_days(0), datetime.date(1970, 1, 1))
        self.assertEqual(_core.date_from_days(30 * 365 + 7 + 31 + 29), datetime.date(2000, 3, 1))
        self.assertEqual(_core.date_from_days(-1), datetime.date(1969, 12, 31))
        # 9999-12-31 is the last valid day; one more is out of range.
        last = _core.days("9999-12-31")
        self.assertEqual(_core.date_from_days(last), datetime.date(9999, 12, 31))
        with self.assertRaises(nw.InvalidArgumentError):
            _core.date_from_days(last + 1)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.date_from_days(_core.days("0001-01-01") - 1)

    def test_date_and_parts(self):
        self.assertEqual(_core.date(2024, 2, 29), datetime.date(2024, 2, 29))
        self.assertEqual(list(_core.date_parts(datetime.date(2024, 2, 29))), [2024, 2, 29])
        with self.assertRaises(nw.InvalidArgumentError):
            _core.date(2023, 2, 29)
        with self.assertRaises(nw.InvalidArgumentError):
            _core.date(1900, 2, 29)  # not a leap year (divisible by 100)
        self.assertEqual(_core.date(2000, 2, 29), datetime.date(2000, 2, 29))
        with self.assertRaises(nw.InvalidArgumentError):
            _core.date_parts(None)

    def test_agrees_with_python_ordinals(self):
        epoch = datetime.date(1970, 1, 1).toordinal()
        for day in (datetime.date(1, 1, 1), datetime.date(1582, 10, 15),
                    datetime.date(2025, 6, 30), datetime.date(9999, 12, 31)):
            self.assertEqual(_core.days(day), day.toordinal() - epoch)


class DateKeywordTest(unittest.TestCase):
    """One name per meaning: ``as_of`` for the day a query looks at, ``on``
    for the day a decision was made (consent given or withdrawn)."""

    QUERIES = [  # (class, method) whose first date parameter is as_of
        (nw.Tie, "exists_on"), (nw.Tie, "strength"), (nw.Tie, "strength_terms"),
        (nw.Tie, "state"), (nw.Actor, "has_consent"), (nw.Actor, "pair_strength"),
        (nw.Actor, "pair_tie_count"), (nw.Network, "validate"), (nw.Network, "snapshot"),
        (nw.Network, "figures"), (nw.Network, "losing_touch"), (nw.Network, "to_networkx"),
        (nw.Checklist, "pending"), (nw.Checklist, "overdue"), (nw.Checklist, "well_agreed"),
        (nw.ChecklistItem, "overdue"), (nw.ChecklistItem, "settled"),
    ]
    EVENTS = [(nw.Actor, "give_consent"), (nw.Actor, "withdraw_consent")]

    def test_parameter_names(self):
        import inspect
        for cls, method, name in ([(c, m, "as_of") for c, m in self.QUERIES]
                                  + [(c, m, "on") for c, m in self.EVENTS]):
            with self.subTest(method=f"{cls.__name__}.{method}"):
                params = list(inspect.signature(getattr(cls, method)).parameters)
                dates = [p for p in params if p in ("as_of", "on", "day", "date", "when")]
                self.assertEqual(dates[:1], [name])

    def test_keywords_and_positions_work(self):
        day = datetime.date(2025, 6, 1)
        with nw.Network("Daten") as net:
            anna, ben = net.add_actor("Anna"), net.add_actor("Ben")
            tie = net.add_tie(nw.Form.KONTAKT, [anna, ben], "2025-01-01")
            self.assertEqual(anna.give_consent(on=datetime.date(2025, 1, 10)), 0)
            self.assertTrue(anna.has_consent(as_of=day))
            self.assertTrue(anna.has_consent(day, None))
            anna.withdraw_consent(on=day)
            self.assertFalse(anna.has_consent(as_of=day, purpose=None))
            self.assertTrue(tie.exists_on(as_of=day))
            self.assertTrue(tie.exists_on(day))
            self.assertEqual(tie.state(as_of=day), nw.TieState.LATENT)
            self.assertEqual(net.snapshot(as_of=day).as_of, day)


if __name__ == "__main__":
    unittest.main()
