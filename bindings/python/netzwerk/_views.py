"""Live views on the collections of a network, an actor or a tie.

A view holds its owner (a Network, Actor or Tie object) and asks the
library on every use, so it always shows the current state and keeps the
owner, and so the network, alive.
"""

from collections.abc import Sequence

from .errors import Error, NotFoundError

__all__ = ["Element", "TextSet", "handles"]


def view_repr(view, contents):
    """``Name(contents())`` for a live view, or ``<Name (stale)>`` once its
    owner is gone: repr() must not raise (debuggers, tracebacks and
    notebooks call it on anything)."""
    try:
        return f"{type(view).__name__}({contents()!r})"
    except Error:
        return f"<{type(view).__name__} (stale)>"


class Element:
    """What an Actor and a Tie share: the low-level handle ``_h`` of an
    element of the network ``_network``. Two objects are equal when they
    name the same element of the same network; ``id`` and ``network`` work
    even when the element is stale."""

    __slots__ = ("_network", "_h")
    _made_by = ""  # the Network method that creates elements of the class

    @classmethod
    def _wrap(cls, network, handle):
        element = cls.__new__(cls)
        element._network = network
        element._h = handle
        return element

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} objects are created by {self._made_by}")

    @property
    def id(self):
        """The identity: never changes, never reused."""
        return self._h.get_id()

    @property
    def network(self):
        """The network the element belongs to."""
        return self._network

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._h.equals(other._h)

    def __hash__(self):
        return hash((id(self._network), self.id))

    def __copy__(self):
        return type(self)._wrap(self._network, self._h.dup())


def handles(iterator):
    """Yield the low-level handles of a low-level iterator until its end."""
    while True:
        item = iterator.next()
        if item is None:
            return
        yield item


class TextSet(Sequence):
    """An ordered set of texts: topics, goals or interests.

    It keeps the order of adding and holds each text once. Supports
    ``len()``, iteration, ``in``, indexing and slicing, and compares equal
    to a list or tuple with the same texts in the same order.
    """

    __slots__ = ("_owner", "_what")

    def __init__(self, owner, what):
        self._owner = owner
        self._what = what  # "topic", "goal" or "interest"

    def _call(self, verb, *args):
        return getattr(self._owner._h, verb)(*args)

    def __len__(self):
        return self._call(self._what + "_count")

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{self._what} index out of range")
        return self._call(self._what, index)

    def __iter__(self):
        # A snapshot, so that adding or removing while iterating is safe.
        return iter(self[:])

    def __contains__(self, text):
        return text in self[:]

    def add(self, text):
        """Add a text; :class:`~netzwerk.ExistsError` if it is there already."""
        self._call("add_" + self._what, text)

    def remove(self, text):
        """Remove a text; :class:`~netzwerk.NotFoundError` if it is not there."""
        self._call("remove_" + self._what, text)

    def discard(self, text):
        """Remove a text if it is there."""
        try:
            self.remove(text)
        except NotFoundError:
            pass

    def __eq__(self, other):
        if isinstance(other, (TextSet, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self):
        return view_repr(self, lambda: self[:])
