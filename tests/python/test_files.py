"""Loading and saving from Python: native JSON, GraphML and CSV, files and
texts, options, and the errors with their positions.

Independent checks: the json and csv modules read what the library wrote,
NetworkX reads its GraphML; positions of errors are counted by hand."""

import csv
import datetime
import io
import json
import os
import pathlib
import tempfile
import unittest

import networkx

import netzwerk as nw

D = datetime.date


def rich_network():
    """Actors with every field, ties of all forms, logs and checklists; actor
    2 removed, so that identities have a gap."""
    net = nw.Network("Sichere Schulwege Nordstadt", topics=["Schulweg", "Verkehr"],
                     goals=["sichere Wege"])
    juz = net.add_actor("Jugendzentrum Nordstadt", nw.ActorKind.ORGANISATION,
                        joined=D(2024, 9, 1), interests=["Schulweg"],
                        contacts=[(nw.Channel.EMAIL, "juz@example.org"),
                                  (nw.Channel.PHONE, "0511 123")],
                        attrs={"Träger": "Stadt", "Raum": "Saal 2"})
    gone = net.add_actor("Weggezogen")
    schule = net.add_actor("Grundschule am Lindenplatz", nw.ActorKind.ORGANISATION)
    anna = net.add_actor("Anna Schmidt; \"Elternrat\"", interests=["Schulweg", "Spiel|platz"])
    anna.give_consent(D(2025, 1, 10))
    anna.withdraw_consent(D(2026, 1, 10))
    eltern = net.add_actor("Elterninitiative", nw.ActorKind.GROUP)
    gone.remove()
    laufbus = net.add_tie(nw.Form.KOOPERATION, [juz, schule, anna], D(2025, 2, 1),
                          label="Laufbus", topics=["Schulweg"], goals=["jeden Morgen"])
    laufbus.interactions.add(D(2025, 3, 4), nw.InteractionKind.MEETING, "Planung")
    laufbus.interactions.add(D(2025, 4, 1), nw.InteractionKind.CALL)
    cl = laufbus.checklist
    cl.find("coop.goal").state = nw.ItemState.DONE
    controlling = cl.find("coop.controlling")
    controlling.state = nw.ItemState.AGREED
    controlling.due = D(2025, 9, 1)
    controlling.responsible = eltern
    cl.add("Presse", note="Zeitung\nund Radio")
    net.add_tie(nw.Form.KONTAKT, [anna, juz], D(2025, 1, 15), end=D(2025, 12, 31))
    fest = net.add_tie(nw.Form.BEGEGNUNG, [eltern, schule], D(2025, 5, 1), imposed=True)
    fest.create_checklist()[0].state = nw.ItemState.DONE
    net.add_tie(nw.Form.GRUPPE, [eltern, anna], D(2025, 6, 1))
    return net


def actor_rows(net):
    return [(a.id, a.name, a.kind, list(a.contacts), list(a.interests), a.consent,
             a.joined, dict(a.attrs)) for a in net.actors]


def tie_rows(net):
    return [(t.id, t.form, [m.id for m in t.members], t.start, t.end, t.imposed, t.label,
             list(t.topics), list(t.goals)) for t in net.ties]


def checklist_rows(net):
    return [(t.id, [(i.id, i.code, i.label, i.state, i.due, i.note,
                     i.responsible.id if i.responsible else None) for i in t.checklist])
            for t in net.ties if t.checklist is not None]


class Folder(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()


class NativeTest(Folder):
    def test_round_trip(self):
        net = rich_network()
        path = self.dir / "netz.json"
        net.save(path)
        doc = json.loads(path.read_text(encoding="utf-8"))
        self.assertEqual((doc["format"], doc["version"], doc["name"]),
                         ("netzwerk", nw.FORMAT_VERSION, "Sichere Schulwege Nordstadt"))
        self.assertEqual(nw.FORMAT_VERSION, 1)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)  # personal data
        with nw.load(path) as loaded:
            self.assertIsInstance(loaded, nw.Network)
            self.assertEqual(loaded.name, net.name)
            self.assertEqual(list(loaded.topics), ["Schulweg", "Verkehr"])
            self.assertEqual(actor_rows(loaded), actor_rows(net))
            self.assertEqual([a.id for a in loaded.actors], [1, 3, 4, 5])
            self.assertEqual(tie_rows(loaded), tie_rows(net))
            self.assertEqual([list(t.interactions) for t in loaded.ties],
                             [list(t.interactions) for t in net.ties])
            self.assertEqual(checklist_rows(loaded), checklist_rows(net))
            # Saving again gives the same bytes; so does the text variant.
            self.assertEqual(loaded.dumps(), path.read_text(encoding="utf-8"))
            # The same findings, worded the same.
            day = D(2026, 2, 1)
            self.assertEqual([(f.rule, f.message_en) for f in loaded.validate(day)],
                             [(f.rule, f.message_en) for f in net.validate(day)])
            # The identity counters came along: a new actor does not reuse 2.
            self.assertEqual(loaded.add_actor("Neu").id, 6)
        self.assertTrue(loaded.closed)

    def test_texts(self):
        net = rich_network()
        text = net.dumps()
        self.assertIsInstance(text, str)
        self.assertTrue(text.endswith("}\n"))
        for data in (text, text.encode(), bytearray(text.encode()), memoryview(text.encode())):
            with self.subTest(type=type(data).__name__):
                loaded = nw.loads(data)
                self.assertEqual(loaded.dumps(), text)
        self.assertEqual(nw.loads(text, format=nw.FileFormat.NATIVE).dumps(), text)
        # The file and the text agree.
        net.save(self.dir / "n.json", no_sync=True)
        self.assertEqual((self.dir / "n.json").read_text(encoding="utf-8"), text)

    def test_replacing_a_file(self):
        path = self.dir / "netz.json"
        path.write_text("alt")
        os.chmod(path, 0o640)
        net = rich_network()
        net.save(str(path))
        self.assertEqual(path.read_text(encoding="utf-8"), net.dumps())
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o640)  # kept
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["netz.json"])


class GraphmlTest(Folder):
    def test_networkx_reads_it(self):
        net = rich_network()
        path = self.dir / "netz.graphml"
        net.save(path)
        self.assertTrue(path.read_text(encoding="utf-8").startswith("<?xml"))
        g = networkx.read_graphml(path)
        self.assertEqual(sorted(d["name"] for _, d in g.nodes(data=True)),
                         sorted(a.name for a in net.actors))
        self.assertEqual(sorted(g.nodes), ["a1", "a3", "a4", "a5"])
        # One edge per pair of members: 3 (the cooperation of three) + 1 + 1 + 1.
        self.assertEqual(g.number_of_edges(), 6)
        self.assertEqual(sorted({d["tie"] for _, _, d in g.edges(data=True)}), [1, 2, 3, 4])
        laufbus = [(u, v) for u, v, d in g.edges(data=True) if d["tie"] == 1]
        self.assertEqual(sorted(tuple(sorted(e)) for e in laufbus),
                         [("a1", "a3"), ("a1", "a4"), ("a3", "a4")])

    def test_round_trip(self):
        net = rich_network()
        text = net.dumps(format="graphml")
        self.assertEqual(text, net.dumps(format=nw.FileFormat.GRAPHML))
        loaded = nw.loads(text)  # found from the first character
        self.assertEqual([(a.id, a.name, a.kind) for a in loaded.actors],
                         [(a.id, a.name, a.kind) for a in net.actors])
        self.assertEqual(tie_rows(loaded), tie_rows(net))
        # What GraphML leaves out: contacts, logs.
        self.assertEqual(len(loaded.actor(1).contacts), 0)
        self.assertEqual(len(loaded.tie(1).interactions), 0)

    def test_format_by_name_or_option(self):
        net = rich_network()
        for name in ("netz.xml", "NETZ.GRAPHML"):
            net.save(self.dir / name)
            self.assertTrue((self.dir / name).read_text(encoding="utf-8").startswith("<?xml"))
        net.save(self.dir / "netz.json", format="graphml")
        with self.assertRaises(nw.FormatError):
            nw.load(self.dir / "netz.json")  # by its name: native
        loaded = nw.load(self.dir / "netz.json", format=nw.FileFormat.GRAPHML)
        self.assertEqual(len(loaded.actors), 4)
        with self.assertRaises(nw.FormatError):
            nw.load(self.dir / "netz.json", format="native")
        net.save(self.dir / "netz.graphml", format=nw.FileFormat.NATIVE)
        self.assertEqual(nw.load(self.dir / "netz.graphml", format="native").dumps(),
                         net.dumps())

    def test_load_options(self):
        text = ('<graphml>\n<key id="n" for="node" attr.name="name" attr.type="string"/>\n'
                '<graph>\n<node id="x"/>\n<node id="y"><data key="n">Y</data></node>\n'
                '<edge source="x" target="y"/>\n</graph>\n</graphml>')
        with self.assertRaises(nw.FormatError) as cm:
            nw.loads(text)
        # The edge's element is on line 6.
        self.assertEqual((cm.exception.line, cm.exception.column, cm.exception.where),
                         (6, None, "edge '(no id)'"))
        net = nw.loads(text, default_start=D(2025, 1, 1), name="Importiert")
        self.assertEqual(net.name, "Importiert")
        self.assertEqual([a.name for a in net.actors], ["x", "Y"])
        self.assertEqual([(t.form, t.start) for t in net.ties],
                         [(nw.Form.KONTAKT, D(2025, 1, 1))])  # the default form
        net = nw.loads(text, default_start="2025-02-01", default_form=nw.Form.BEGEGNUNG)
        self.assertEqual(([(t.form, t.start) for t in net.ties], net.name),
                         ([(nw.Form.BEGEGNUNG, D(2025, 2, 1))], "Netzwerk"))


class CsvTest(Folder):
    def test_round_trip(self):
        net = rich_network()
        actors, ties = self.dir / "actors.csv", self.dir / "ties.csv"
        net.save_csv(actors, ties)
        with open(actors, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["id"] for r in rows], ["1", "3", "4", "5"])
        anna = rows[2]
        self.assertEqual((anna["name"], anna["kind"], anna["consent_given"],
                          anna["consent_withdrawn"]),
                         ('Anna Schmidt; "Elternrat"', "person", "2025-01-10", "2026-01-10"))
        self.assertEqual(anna["interests"], r"Schulweg|Spiel\|platz")
        self.assertEqual((rows[0]["email"], rows[0]["Träger"]), ("juz@example.org", "Stadt"))
        with open(ties, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([(r["id"], r["form"], r["start"], r["end"], r["imposed"]) for r in rows],
                         [("1", "B", "2025-02-01", "", "false"),
                          ("2", "C", "2025-01-15", "2025-12-31", "false"),
                          ("3", "A", "2025-05-01", "", "true"),
                          ("4", "D", "2025-06-01", "", "false")])
        self.assertEqual(rows[0]["members"],
                         'Jugendzentrum Nordstadt|Grundschule am Lindenplatz|Anna Schmidt; "Elternrat"')
        loaded = nw.load_csv(actors, ties)
        self.assertEqual(actor_rows(loaded), actor_rows(net))
        self.assertEqual(tie_rows(loaded), tie_rows(net))
        # Bytes on disk equal the text variant.
        texts = net.dumps_csv()
        self.assertEqual(texts, (actors.read_bytes().decode(), ties.read_bytes().decode()))
        self.assertEqual(tie_rows(nw.loads_csv(*texts)), tie_rows(net))
        self.assertEqual(len(nw.loads_csv(texts[0]).ties), 0)

    def test_excel(self):
        net = rich_network()
        actors, ties = self.dir / "a.csv", self.dir / "t.csv"
        net.save_csv(actors, ties, csv_separator=";", csv_bom=True, no_sync=True)
        raw = actors.read_bytes()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbfid;kind;name;"))
        self.assertTrue(ties.read_bytes().startswith(b"\xef\xbb\xbfid;form;members;"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[3][2], 'Anna Schmidt; "Elternrat"')
        loaded = nw.load_csv(actors, ties)  # separator and BOM detected
        self.assertEqual(actor_rows(loaded), actor_rows(net))
        loaded = nw.load_csv(str(actors), str(ties), csv_separator=";", name="Aus Excel")
        self.assertEqual(loaded.name, "Aus Excel")
        self.assertEqual(tie_rows(loaded), tie_rows(net))

    def test_actors_only(self):
        net = rich_network()
        net.save_csv(self.dir / "a.csv")
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["a.csv"])
        loaded = nw.load_csv(self.dir / "a.csv")
        self.assertEqual((len(loaded.actors), len(loaded.ties)), (4, 0))

    def test_errors_name_the_place(self):
        with self.assertRaises(nw.FormatError) as cm:
            nw.loads_csv("id,name\n1,A\n", "id,form,members,start\n1,B,A|Zoe,2025-01-01\n")
        e = cm.exception
        self.assertEqual((e.line, e.column, e.where), (2, None, "ties.csv line 2, column members"))
        self.assertIn("Zoe", str(e))


class ErrorsTest(Folder):
    def test_malformed_file(self):
        path = self.dir / "kaputt.json"
        path.write_text('{\n  "format": "netzwerk",\n  "version": 1,\n  "name": "N",\n'
                        '  "actors": [,]\n}\n')
        with self.assertRaises(nw.FormatError) as cm:
            nw.load(path)
        e = cm.exception
        # Line 5 is '  "actors": [,]': the comma is the 14th byte.
        self.assertEqual((e.line, e.column, e.where), (5, 14, None))
        self.assertEqual(e.code, nw.FormatError.code)
        self.assertIsInstance(e, ValueError)
        self.assertTrue(str(e).startswith("line 5, column 14: "))
        with self.assertRaises(nw.FormatError) as cm:  # a missing comma: at the next key
            nw.loads('{\n  "format": "netzwerk",\n  "version": 1\n  "name": "N"\n}\n')
        self.assertEqual((cm.exception.line, cm.exception.column), (4, 3))

    def test_content_errors_have_a_path(self):
        with self.assertRaises(nw.FormatError) as cm:
            nw.loads('{"format": "netzwerk", "version": 1, "name": 5}')
        self.assertEqual((cm.exception.line, cm.exception.column, cm.exception.where),
                         (None, None, "$.name"))
        doc = json.loads(rich_network().dumps())
        doc["ties"][0]["members"][1] = 99
        with self.assertRaises(nw.FormatError) as cm:
            nw.loads(json.dumps(doc))
        self.assertEqual(cm.exception.where, "$.ties[0].members[1]")
        doc = json.loads(rich_network().dumps())
        doc["version"] = nw.FORMAT_VERSION + 1
        with self.assertRaises(nw.FormatError):
            nw.loads(json.dumps(doc))

    def test_files_that_cannot_be_read_or_written(self):
        with self.assertRaises(nw.NetzwerkIOError) as cm:
            nw.load(self.dir / "fehlt.json")
        self.assertIsInstance(cm.exception, OSError)
        self.assertIsNone(cm.exception.line)
        self.assertIn("fehlt.json", str(cm.exception))
        with self.assertRaises(nw.NetzwerkIOError):
            nw.load_csv(self.dir / "fehlt.csv")
        net = rich_network()
        for call in (lambda: net.save(self.dir / "kein" / "netz.json"),
                     lambda: net.save_csv(self.dir / "kein" / "a.csv", self.dir / "t.csv"),
                     lambda: net.save(self.dir)):  # a folder
            with self.assertRaises(nw.NetzwerkIOError):
                call()
        self.assertEqual(list(self.dir.iterdir()), [])  # no temporary file left

    def test_limits(self):
        text = rich_network().dumps()
        with self.assertRaises(nw.LimitError):
            nw.loads(text, max_bytes=100)
        with self.assertRaises(nw.LimitError):
            nw.loads(text, max_items=11)  # the cooperation has 12 checklist items
        with self.assertRaises(nw.LimitError) as cm:
            nw.loads(text, max_depth=2)
        self.assertIsNotNone(cm.exception.line)
        self.assertEqual(len(nw.loads(text, max_actors=5, max_ties=4, max_items=12).actors), 4)

    def test_bad_arguments(self):
        net = rich_network()
        text = net.dumps()
        cases = [
            (nw.InvalidArgumentError, lambda: nw.loads(text, csv_separator="x")),
            (nw.InvalidArgumentError, lambda: nw.loads(text, format="docx")),
            (ValueError, lambda: nw.loads(text, format=7)),
            (nw.InvalidArgumentError, lambda: nw._core.load_buffer(text, {"format": 7})),
            (nw.InvalidArgumentError, lambda: nw.loads(text, max_depth=-1)),
            (nw.InvalidArgumentError, lambda: nw.loads(text, default_form=9)),
            (nw.InvalidArgumentError, lambda: nw.loads(text, default_start="2025-02-30")),
            (nw.InvalidArgumentError, lambda: nw.loads(text, name="")),
            (nw.InvalidArgumentError, lambda: nw.loads(None)),
            (nw.InvalidArgumentError, lambda: net.dumps(csv_separator="|")),
            (ValueError, lambda: net.dumps(format=-1)),
            (nw.InvalidArgumentError, lambda: net._h.save_buffer({"format": -1})),
            (TypeError, lambda: nw.loads(text, maxactors=3)),
            (TypeError, lambda: net.save(self.dir / "x.json", sync=False)),
            (TypeError, lambda: net.dumps(no_sync=1)),
            (TypeError, lambda: nw.loads(text, max_bytes="1")),
            (TypeError, lambda: nw.loads(text, name=5)),
            (TypeError, lambda: nw.loads(42)),
            (TypeError, lambda: nw.load(42)),
            (TypeError, lambda: nw._core.load("x.json", "opts")),
        ]
        for i, (error, call) in enumerate(cases):
            with self.subTest(case=i), self.assertRaises(error):
                call()

    def test_errors_name_the_function_called(self):
        net = rich_network()
        text = net.dumps()
        actors, ties = net.dumps_csv()
        cases = [
            ("dumps() got an unexpected keyword argument 'nosuch'",
             lambda: net.dumps(nosuch=1)),
            ("save() got an unexpected keyword argument 'nosuch'",
             lambda: net.save(self.dir / "x.json", nosuch=1)),
            ("dumps_csv() got an unexpected keyword argument 'nosuch'",
             lambda: net.dumps_csv(nosuch=1)),
            ("save_csv() got an unexpected keyword argument 'nosuch'",
             lambda: net.save_csv(self.dir / "a.csv", nosuch=1)),
            ("loads() got an unexpected keyword argument 'nosuch'",
             lambda: nw.loads(text, nosuch=1)),
            ("load() got an unexpected keyword argument 'nosuch'",
             lambda: nw.load(self.dir / "x.json", nosuch=1)),
            ("loads_csv() got an unexpected keyword argument 'nosuch'",
             lambda: nw.loads_csv(actors, ties, nosuch=1)),
            ("load_csv() got an unexpected keyword argument 'nosuch'",
             lambda: nw.load_csv(self.dir / "a.csv", nosuch=1)),
            ("validate() got an unexpected keyword argument 'nosuch'",
             lambda: net.validate("2025-06-01", nosuch=1)),
            ("dumps(): option no_sync expects a bool, not int", lambda: net.dumps(no_sync=1)),
        ]
        for message, call in cases:
            with self.subTest(message=message):
                with self.assertRaises(TypeError) as caught:
                    call()
                self.assertEqual(str(caught.exception), message)

    def test_closed_network(self):
        net = rich_network()
        net.close()
        for call in (lambda: net.save(self.dir / "x.json"), lambda: net.dumps(),
                     lambda: net.save_csv(self.dir / "a.csv"), lambda: net.dumps_csv()):
            with self.assertRaises(nw.StaleError):
                call()
        self.assertEqual(list(self.dir.iterdir()), [])


if __name__ == "__main__":
    unittest.main()
