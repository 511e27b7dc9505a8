"""The example data and notebook are in shape: the notebook's network loads
and is what the notebook says it is, and the committed notebook carries no
outputs (so that diffs show only code and text). ctest runs the notebook
itself (python_notebook_network_strength) and checks that the data is its
generator's output (example_data_weststadt)."""

import datetime
import json
import pathlib
import unittest

import netzwerk as nw

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "network_strength.ipynb"
DATA = ROOT / "examples" / "data" / "weststadt.json"


class ExamplesTest(unittest.TestCase):
    def test_notebook_is_stripped(self):
        notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                self.assertEqual(cell["outputs"], [])
                self.assertIsNone(cell["execution_count"])

    def test_weststadt(self):
        with nw.load(DATA) as net:
            kinds = [a.kind for a in net.actors]
            self.assertEqual(len(kinds), 60)
            self.assertEqual({k: kinds.count(k) for k in nw.ActorKind},
                             {nw.ActorKind.PERSON: 36, nw.ActorKind.GROUP: 10,
                              nw.ActorKind.ORGANISATION: 14})
            self.assertEqual({f for f in nw.Form if len(net.ties(f))}, set(nw.Form))
            day = datetime.date(2025, 12, 31)
            states = {t.state(day) for t in net.ties}
            self.assertTrue({nw.TieState.ACTIVE, nw.TieState.DORMANT,
                             nw.TieState.LATENT} <= states)
            logged = [i.date for t in net.ties for i in t.interactions]
            self.assertGreater(len(logged), 300)
            self.assertLessEqual(max(logged), day)
            self.assertTrue(any(t.checklist is not None and t.checklist.progress.done
                                for t in net.ties))


if __name__ == "__main__":
    unittest.main()
