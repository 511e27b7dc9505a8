"""Misuse must raise, never crash: objects used after their network was
closed or collected, after removal, across two networks, with wrong types,
and freed in any order."""

import datetime
import gc
import random
import types
import unittest
import weakref

import netzwerk as nw
from netzwerk import _core

D = datetime.date


def small_network(name="N"):
    net = nw.Network(name)
    a, b, c = (net.add_actor(n) for n in ("A", "B", "C"))
    tie = net.add_tie(nw.Form.GRUPPE, [a, b, c], D(2025, 1, 1))
    return net, a, b, c, tie


class ClosedNetworkTest(unittest.TestCase):
    def test_everything_of_a_closed_network_is_stale(self):
        net, a, b, c, tie = small_network()
        topics, contacts, members, log = net.topics, a.contacts, tie.members, tie.interactions
        actors_iter = iter(net.actors)
        net.close()
        calls = [
            lambda: net.name, lambda: setattr(net, "name", "x"), lambda: len(net.actors),
            lambda: list(net.actors), lambda: len(net.ties), lambda: net.add_actor("D"),
            lambda: net.actor(1), lambda: net.actor("A"), lambda: net.tie(1),
            lambda: net.add_tie(nw.Form.KONTAKT, [a, b], D(2025, 1, 1)), lambda: len(topics),
            lambda: topics.add("x"), lambda: next(actors_iter),
            lambda: a.name, lambda: a.kind, lambda: a.joined, lambda: a.consent,
            lambda: setattr(a, "name", "Z"), lambda: a.remove(), lambda: len(contacts),
            lambda: contacts.add(nw.Channel.PHONE, "1"), lambda: list(a.ties), lambda: len(a.ties),
            lambda: list(a.neighbors), lambda: a.has_consent(D(2025, 1, 1)), lambda: dict(a.attrs),
            lambda: tie.form, lambda: tie.start, lambda: tie.label, lambda: len(members),
            lambda: members.add(a), lambda: len(log), lambda: log.add(D(2025, 2, 1), 0),
            lambda: tie.remove(), lambda: tie.exists_on(D(2025, 1, 1)),
        ]
        for i, call in enumerate(calls):
            with self.subTest(call=i), self.assertRaises(nw.StaleError):
                call()
        # Identity and equality still work on stale objects; repr never raises.
        self.assertEqual((a.id, tie.id), (1, 1))
        self.assertEqual(a, a)
        self.assertNotEqual(a, b)
        self.assertEqual(repr(a), "<Actor 1 (stale)>")
        self.assertEqual(repr(tie), "<Tie 1 (stale)>")
        self.assertEqual([repr(v) for v in (topics, contacts, a.attrs, members, log)],
                         ["<TextSet (stale)>", "<Contacts (stale)>", "<Attributes (stale)>",
                          "<Members (stale)>", "<Interactions (stale)>"])
        self.assertNotIn(a, net.actors)
        self.assertNotIn("A", net)

    def test_closing_in_the_middle_of_an_iteration(self):
        net, *_ = small_network()
        seen = []
        with self.assertRaises(nw.StaleError):
            for actor in net.actors:
                seen.append(actor.name)
                net.close()
        self.assertEqual(seen, ["A"])


class CollectedTest(unittest.TestCase):
    def test_low_level_objects_outlive_their_network_object(self):
        # The low-level objects do not keep the Network object; the C core's
        # zombie network makes the leftovers stale, never dangling.
        net = _core.Network("N")
        actor = net.add_actor("A")
        iterator = net.actors()
        del net
        gc.collect()
        with self.assertRaises(nw.StaleError):
            actor.get_name()
        with self.assertRaises(nw.StaleError):
            iterator.next()
        self.assertEqual(actor.get_id(), 1)

    def test_any_order_of_destruction(self):
        # The objects live only in the shuffled list: each pop drops the last
        # reference to one of them, in another order for every seed, with the
        # network open or closed, the low-level handles among them.
        wrappers = (nw.Actor, nw.Tie, nw.Actors, nw.Ties, nw.Members, nw.Interactions,
                    nw.Attributes, nw.TextSet, nw.Neighbors, nw.Checklist)

        def census():
            return sum(isinstance(o, wrappers) for o in gc.get_objects())

        gc.collect()
        before = census()
        for seed in range(16):
            rng = random.Random(seed)
            with self.subTest(seed=seed):
                objects = list(small_network(f"N{seed}"))
                net, a, tie = objects[0], objects[1], objects[4]
                objects += [net.actors, iter(net.actors), tie.members, a.ties, a.neighbors,
                            tie.interactions, a.attrs, net.topics, tie.checklist,
                            net._h, a._h, tie._h, net._h.actors()]
                network = weakref.ref(net)
                del net, a, tie
                self.assertGreater(census(), before)
                if seed % 2:
                    objects[0].close()
                rng.shuffle(objects)
                while objects:
                    # The package's objects keep the network alive (the
                    # low-level handles keep only the C network); all still work.
                    holds = any(isinstance(o, wrappers + (types.GeneratorType,))
                                for o in objects)
                    self.assertEqual(network() is not None, holds)
                    for i in range(len(objects)):
                        repr(objects[i])  # never raises, stale or not
                    objects.pop()
                    gc.collect()
                # All finalised: the network (every wrapper holds it) and the
                # wrappers; the low-level handles take no weak references,
                # but nothing else holds them.
                self.assertIsNone(network())
                self.assertEqual(census(), before)

    def test_python_objects_keep_the_network(self):
        tie = small_network()[4]
        gc.collect()
        self.assertEqual([m.name for m in tie.members], ["A", "B", "C"])


class RemovedTest(unittest.TestCase):
    def test_removed_actor(self):
        net, a, b, c, tie = small_network()
        other_handle = net.actor("A")
        a.remove()
        for obj in (a, other_handle):
            for call in (lambda o=obj: o.name, lambda o=obj: o.interests.add("x"),
                         lambda o=obj: list(o.ties), lambda o=obj: o.remove()):
                with self.assertRaises(nw.StaleError):
                    call()
        with self.assertRaises(nw.StaleError):
            tie.members.add(a)
        with self.assertRaises(nw.StaleError):
            net.add_tie(nw.Form.KONTAKT, [a, b], D(2025, 1, 1))
        self.assertNotIn(a, tie.members)
        self.assertEqual([m.name for m in tie.members], ["B", "C"])
        tie.remove()
        with self.assertRaises(nw.StaleError):
            b in tie.members  # the container itself is gone
        self.assertEqual(b.name, "B")  # the others are untouched

    def test_removed_tie(self):
        net, a, b, c, tie = small_network()
        tie.remove()
        with self.assertRaises(nw.StaleError):
            tie.members.add(a)
        with self.assertRaises(nw.StaleError):
            tie.interactions.add(D(2025, 2, 1), nw.InteractionKind.CALL)
        with self.assertRaises(nw.StaleError):
            tie.end = D(2025, 2, 1)
        self.assertEqual(len(a.ties), 0)

    def test_removing_while_iterating_skips_the_removed(self):
        net, a, b, c, tie = small_network()
        seen = []
        for actor in net.actors:
            seen.append(actor.name)
            if actor == a:
                c.remove()
        self.assertEqual(seen, ["A", "B"])


class TwoNetworksTest(unittest.TestCase):
    def test_objects_of_another_network_are_refused(self):
        net1, a1, b1, c1, tie1 = small_network("Eins")
        net2, a2, b2, c2, tie2 = small_network("Zwei")
        with self.assertRaises(nw.InvalidArgumentError):
            net1.add_tie(nw.Form.KONTAKT, [a1, a2], D(2025, 1, 1))
        with self.assertRaises(nw.InvalidArgumentError):
            tie1.members.add(a2)
        with self.assertRaises(nw.InvalidArgumentError):
            tie1.members.remove(a2)
        with self.assertRaises(nw.InvalidArgumentError):
            tie1._h.has_member(a2._h)
        self.assertNotIn(a2, tie1.members)  # `in` answers, it does not raise
        self.assertNotIn(a2, net1)
        self.assertNotIn(tie2, net1)
        self.assertNotIn(tie2, a1.ties)
        self.assertNotEqual(a1, a2)  # same id, other network
        self.assertEqual(len(tie1.members), 3)
        net2.close()
        self.assertEqual(a1.name, "A")


class WrongTypesTest(unittest.TestCase):
    def test_low_level_type_checks(self):
        net, a, b, c, tie = small_network()
        with self.assertRaises(TypeError):
            net._h.add_tie(0, [a._h, tie._h], D(2025, 1, 1))
        with self.assertRaises(TypeError):
            net._h.add_tie(0, [a._h, object()], D(2025, 1, 1))
        with self.assertRaises(TypeError):
            net._h.add_tie(0, 5, D(2025, 1, 1))
        with self.assertRaises(TypeError):
            tie._h.has_member(tie._h)
        with self.assertRaises(TypeError):
            _core.Actor.get_name(tie._h)
        with self.assertRaises(TypeError):
            _core.Actor()
        with self.assertRaises(nw.InvalidArgumentError):
            tie._h.add_member(None)
        with self.assertRaises(TypeError):
            net._h.add_tie(0, [a._h, None], D(2025, 1, 1))
        with self.assertRaises(OverflowError):
            net._h.actor_by_id(-1)
        with self.assertRaises(OverflowError):
            net._h.actor_by_id(2 ** 32)
        with self.assertRaises(nw.InvalidArgumentError):
            net._h.tie_count(0x10)  # a bit outside the four forms
        with self.assertRaises(TypeError):
            _core._set_error_classes([])

    def test_objects_made_without_init(self):
        # cls.__new__(cls) skips the constructor; such objects hold no handle.
        for cls, method in ((_core.Network, "get_name"), (_core.Actor, "get_name"),
                            (_core.Tie, "get_form"), (_core.ActorIter, "next"),
                            (_core.TieIter, "next")):
            with self.subTest(cls=cls.__name__):
                obj = cls.__new__(cls)
                with self.assertRaises(nw.InvalidArgumentError):
                    getattr(obj, method)()
                del obj
                gc.collect()

        class Sub(_core.Actor):
            pass
        with self.assertRaises(nw.InvalidArgumentError):
            Sub.__new__(Sub).get_name()
        with self.assertRaises(TypeError):
            _core.Tie.__init__(_core.Tie.__new__(_core.Tie))
        with self.assertRaises(TypeError):
            nw.Actor()
        with self.assertRaises(TypeError):
            nw.Tie()
        orphan = nw.Actor.__new__(nw.Actor)
        with self.assertRaises(AttributeError):
            orphan.name

    def test_many_members(self):
        net = nw.Network("Groß")
        actors = [net.add_actor(f"Person {i}") for i in range(500)]
        group = net.add_tie(nw.Form.GRUPPE, actors, D(2025, 1, 1))
        self.assertEqual(len(group.members), 500)
        self.assertEqual(group.members[499].name, "Person 499")


if __name__ == "__main__":
    unittest.main()
