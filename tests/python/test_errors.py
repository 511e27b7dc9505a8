"""Errors: each library code becomes its own exception class, carrying the
code and the library's message; wrong Python types give TypeError."""

import unittest

import netzwerk as nw
from netzwerk import _core

# The codes of include/netzwerk/errors.h, written out by hand.
CODES = {
    -1: nw.Error,
    -2: nw.InvalidArgumentError,
    -3: nw.NotFoundError,
    -4: nw.ExistsError,
    -5: nw.StaleError,
    -6: nw.FormatError,
    -7: nw.NetzwerkIOError,
    -8: nw.OutOfMemoryError,
    -9: nw.LimitError,
    -10: nw.BusyError,
}


class ErrorClassTest(unittest.TestCase):
    def test_every_code_raises_its_class_with_code_and_message(self):
        for code, cls in CODES.items():
            with self.subTest(code=code):
                with self.assertRaises(cls) as cm:
                    _core._fail(code, f"message {code}")
                self.assertIs(type(cm.exception), cls)
                self.assertEqual(cm.exception.code, code)
                self.assertEqual(cls.code, code)
                self.assertEqual(str(cm.exception), f"message {code}")
                self.assertEqual(cm.exception.message, f"message {code}")

    def test_unknown_code_raises_the_base_class(self):
        with self.assertRaises(nw.Error) as cm:
            _core._fail(-99, "future code")
        self.assertIs(type(cm.exception), nw.Error)
        self.assertEqual(cm.exception.code, -99)

    def test_zero_is_not_an_error(self):
        self.assertIsNone(_core._fail(0, "fine"))

    def test_builtin_bases(self):
        self.assertTrue(issubclass(nw.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(nw.FormatError, ValueError))
        self.assertTrue(issubclass(nw.NotFoundError, LookupError))
        self.assertTrue(issubclass(nw.StaleError, ReferenceError))
        self.assertTrue(issubclass(nw.NetzwerkIOError, OSError))
        self.assertTrue(issubclass(nw.OutOfMemoryError, MemoryError))
        for cls in CODES.values():
            self.assertTrue(issubclass(cls, nw.Error))

    def test_os_error_keeps_the_message(self):
        with self.assertRaises(OSError) as cm:
            _core._fail(-7, "cannot write net.json")
        self.assertEqual(str(cm.exception), "cannot write net.json")
        self.assertIsNone(cm.exception.errno)

    def test_strerror(self):
        self.assertEqual(_core.strerror(0), nw._core.strerror(_core.OK))
        self.assertNotEqual(_core.strerror(-3), _core.strerror(-5))
        self.assertEqual(_core.strerror(12345), _core.strerror(-12345))


class ErrorsFromTheLibraryTest(unittest.TestCase):
    def setUp(self):
        self.net = nw.Network("Netzwerk")
        self.anna = self.net.add_actor("Anna")

    def tearDown(self):
        self.net.close()

    def test_invalid_argument(self):
        with self.assertRaises(nw.InvalidArgumentError) as cm:
            self.net.add_actor("")
        self.assertEqual(cm.exception.code, _core.EINVAL)
        self.assertIn("empty", str(cm.exception))
        with self.assertRaises(ValueError):
            self.net.add_actor("zwei\nZeilen")

    def test_not_found(self):
        with self.assertRaises(nw.NotFoundError) as cm:
            self.net.actor("Niemand")
        self.assertIn("Niemand", str(cm.exception))
        with self.assertRaises(LookupError):
            self.net.actor(99)

    def test_exists_names_the_identity_not_the_person(self):
        with self.assertRaises(nw.ExistsError) as cm:
            self.net.add_actor("Anna")
        self.assertEqual(cm.exception.code, _core.EEXISTS)
        self.assertIn("actor 1", str(cm.exception))

    def test_stale(self):
        self.anna.remove()
        with self.assertRaises(nw.StaleError) as cm:
            self.anna.name
        self.assertIn("actor 1", str(cm.exception))

    def test_text_limit(self):
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_actor("x" * (nw.TEXT_MAX + 1))
        long_name = "x" * nw.TEXT_MAX
        self.assertEqual(self.net.add_actor(long_name).name, long_name)

    def test_nul_character_is_invalid_not_cut(self):
        with self.assertRaises(nw.InvalidArgumentError):
            self.net.add_actor("Anna\0Berta")
        self.assertEqual(len(self.net.actors), 1)

    def test_wrong_python_types(self):
        with self.assertRaises(TypeError):
            self.net.add_actor(b"bytes")
        with self.assertRaises(TypeError):
            self.net.add_actor(42)
        with self.assertRaises(TypeError):
            self.net.actor(1.5)
        with self.assertRaises(TypeError):
            self.anna.joined = 20250101

    def test_a_failed_call_changes_nothing(self):
        berta = self.net.add_actor("Berta")
        with self.assertRaises(nw.ExistsError):
            berta.name = "Anna"
        self.assertEqual(berta.name, "Berta")
        self.assertEqual([a.name for a in self.net.actors], ["Anna", "Berta"])


if __name__ == "__main__":
    unittest.main()
