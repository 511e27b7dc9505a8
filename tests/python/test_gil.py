"""Long analysis calls release the GIL: another Python thread makes progress
while a snapshot's betweenness is being computed, and two threads may
measure the same (immutable) snapshot at once."""

import random
import sys
import threading
import time
import unittest

import netzwerk as nw


def big_network(n, seed=1):
    """A random network where each actor links to up to four earlier ones."""
    rng = random.Random(seed)
    net = nw.Network("big")
    net.add_actors([f"A{i}" for i in range(n)])
    pairs = [(i + 1, j + 1) for i in range(1, n) for j in {rng.randrange(i) for _ in range(4)}]
    net.add_ties(nw.Form.KONTAKT, pairs, "2025-01-01")
    return net


# How long the measured call must take, in switch intervals of the
# interpreter (sys.getswitchinterval(): how long a thread waits for the GIL
# before it asks for it): long enough that a thread holding the GIL could
# hand it over only near the call's start and end.
SWITCHES = 40
SLOTS = 8


class GilTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Size the work to the machine: double the network until one
        # betweenness takes SWITCHES switch intervals (no absolute time).
        n = 250
        while True:
            cls.net = big_network(n)
            cls.snap = cls.net.snapshot("2025-06-01")
            began = time.perf_counter()
            cls.snap.betweenness(ids=True)
            # (twice as long: the call measured below may be faster)
            if time.perf_counter() - began >= 2 * SWITCHES * sys.getswitchinterval() \
                    or n >= 64000:
                break
            cls.net.close()
            n *= 2
        cls.n = n

    @classmethod
    def tearDownClass(cls):
        cls.net.close()

    def test_other_thread_runs_during_betweenness(self):
        window = {}

        def measure():
            window["start"] = time.perf_counter()
            window["result"] = self.snap.betweenness(ids=True)
            window["end"] = time.perf_counter()

        worker = threading.Thread(target=measure)
        ticks = []
        worker.start()
        while worker.is_alive():
            ticks.append(time.perf_counter())
        worker.join()
        start, end = window["start"], window["end"]
        self.assertEqual(len(window["result"]), self.n)
        # Holding the GIL through the C call, the worker could let this
        # thread run only for a switch interval near the start and near the
        # end of the call: at most 2 of SLOTS slices of the call (each is
        # SWITCHES / SLOTS = 5 switch intervals or longer) would see a tick.
        # Released, this thread ticks all along; a scheduler that takes the
        # CPU away for a while may leave a slice empty.
        self.assertGreaterEqual(end - start, SWITCHES * sys.getswitchinterval(),
                                "the network is too small to tell (n = %d)" % self.n)
        slots = {int((t - start) / (end - start) * SLOTS) for t in ticks if start < t < end}
        self.assertGreaterEqual(len(slots), SLOTS - 2,
                                f"this thread ran in {sorted(slots)} of {SLOTS} slices only")

    def test_two_threads_share_a_snapshot(self):
        results = [None, None]

        def measure(i):
            results[i] = (self.snap.betweenness(ids=True), self.snap.figures())

        threads = [threading.Thread(target=measure, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results[0], results[1])
        self.assertEqual(results[0][0], self.snap.betweenness(ids=True))


if __name__ == "__main__":
    unittest.main()
