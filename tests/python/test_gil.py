"""Long analysis calls release the GIL: another Python thread makes progress
while a snapshot's betweenness is being computed, and two threads may
measure the same (immutable) snapshot at once."""

import random
import threading
import time
import unittest

import netzwerk as nw


def big_network(n=2000, seed=1):
    """A random network where each actor links to up to four earlier ones."""
    rng = random.Random(seed)
    net = nw.Network("big")
    actors = [net.add_actor(f"A{i}") for i in range(n)]
    for i in range(1, n):
        for j in {rng.randrange(i) for _ in range(4)}:
            net.add_tie(nw.Form.KONTAKT, [actors[i], actors[j]], "2025-01-01")
    return net


class GilTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.net = big_network()
        cls.snap = cls.net.snapshot("2025-06-01")

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
        self.assertGreater(end - start, 0.05, "the call is too short to tell")
        inside = [t for t in ticks if start < t < end]
        # Holding the GIL, the C call would leave this thread no tick at all
        # between its start and its end; released, it ticks all along.
        self.assertGreater(len(inside), 1000)
        gaps = [b - a for a, b in zip([start] + inside, inside + [end])]
        self.assertLess(max(gaps), (end - start) / 2)
        self.assertEqual(len(window["result"]), 2000)

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
