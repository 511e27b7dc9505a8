"""The Python examples in README.md and bindings/python/README.md run as
printed and print what the READMEs say they print."""

import contextlib
import io
import pathlib
import re
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Each README and how many examples it has at least.
READMES = {ROOT / "README.md": 1, ROOT / "bindings" / "python" / "README.md": 2}


class ReadmeTest(unittest.TestCase):
    def test_examples(self):
        for readme, least in READMES.items():
            text = readme.read_text(encoding="utf-8")
            examples = re.findall(r"```python\n(.*?)```\s*prints\n\n```\n(.*?)```", text, re.S)
            self.assertGreaterEqual(len(examples), least, readme)
            for i, (code, expected) in enumerate(examples):
                with self.subTest(readme=readme.name, example=i):
                    out = io.StringIO()
                    with contextlib.redirect_stdout(out):
                        exec(compile(code, str(readme), "exec"), {"__name__": "readme"})
                    self.assertEqual(out.getvalue(), expected)


if __name__ == "__main__":
    unittest.main()
