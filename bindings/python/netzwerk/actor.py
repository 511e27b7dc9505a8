"""Actors: the persons, groups and organisations of a network."""

from collections import namedtuple
from collections.abc import MutableMapping, Sequence

from .enums import ActorKind, Channel, form_mask
from ._views import Element, TextSet, handles, view_repr
from .errors import Error, _named
from .privacy import ActorPrivacy

__all__ = ["Actor", "Contact", "Consent", "Contacts", "Attributes", "Neighbors"]

Contact = namedtuple("Contact", "channel value")
Contact.__doc__ = "A way to reach an actor: a Channel and its value."

Consent = namedtuple("Consent", "given withdrawn")
Consent.__doc__ = ("An actor's consent record: the date consent was given and the date "
                   "it was withdrawn (each a datetime.date or None).")


class Actor(Element, ActorPrivacy):
    """A person, group or organisation of a network.

    Actors come from their network: :meth:`Network.add_actor`,
    :meth:`Network.actor`, ``net.actors``, ``tie.members``,
    ``actor.neighbors``. Two Actor objects are equal when they name the same
    actor of the same network. An actor keeps its network alive; once it is
    removed, or its network closed, using it raises
    :class:`~netzwerk.StaleError` (``id`` and ``network`` still work).
    """

    __slots__ = ()
    _made_by = "Network.add_actor()"

    @property
    def name(self):
        """The actor's name, unique in its network (read and write)."""
        return self._h.get_name()

    @name.setter
    def name(self, value):
        self._h.set_name(value)

    @property
    def kind(self):
        """Person, group or organisation: an :class:`~netzwerk.ActorKind`."""
        return ActorKind(self._h.get_kind())

    @kind.setter
    def kind(self, value):
        self._h.set_kind(ActorKind(value))

    @property
    def joined(self):
        """The date the actor joined (``datetime.date``) or None."""
        return self._h.get_joined()

    @joined.setter
    def joined(self, value):
        self._h.set_joined(value)

    @property
    def contacts(self):
        """The ways to reach the actor: a live :class:`Contacts` list."""
        return Contacts(self)

    @property
    def interests(self):
        """The actor's interests: a live :class:`~netzwerk.TextSet`."""
        return TextSet(self, "interest")

    @property
    def attrs(self):
        """Free attributes (text keys and values): a live mapping."""
        return Attributes(self)

    # -- consent (Freiwilligkeit) -------------------------------------------------

    @property
    def consent(self):
        """The current general consent: ``Consent(given, withdrawn)`` of the
        general opt-in added last (all records: :attr:`consents`)."""
        return Consent(*self._h.consent())

    # give_consent, withdraw_consent, has_consent, consents, erase, export:
    # netzwerk/privacy.py (ActorPrivacy)

    # -- ties ------------------------------------------------------------------------

    @property
    def ties(self):
        """The ties the actor belongs to: a live :class:`~netzwerk.Ties` view;
        call it to select forms: ``actor.ties(strong=True)``."""
        from .network import Ties
        return Ties(self)

    @property
    def neighbors(self):
        """The other actors that share a tie with this one: a
        :class:`Neighbors` view; call it to select forms."""
        return Neighbors(self)

    @_named("pair_strength")
    def pair_strength(self, other, as_of, **options):
        """How strongly this actor and another are joined on a date, 0 to 1:
        1 - (1 - S_1)...(1 - S_k) over the strengths of the ties joining both
        (multiplexity); 0 if none. ``other``: an Actor of the same network.
        Options by name as for :meth:`Network.snapshot` (``forms=``, ...)."""
        from .analysis import _options
        return self._h.pair_strength(self._other(other)._h, as_of, _options(**options))

    @_named("pair_tie_count")
    def pair_tie_count(self, other, as_of, **options):
        """The number of ties joining this actor and another on a date."""
        from .analysis import _options
        return self._h.pair_tie_count(self._other(other)._h, as_of, _options(**options))

    @staticmethod
    def _other(other):
        if not isinstance(other, Actor):
            raise TypeError(f"expected an Actor, not {type(other).__name__}")
        return other

    def remove(self):
        """Remove the actor from its network, and the ties it leaves with
        fewer than two members. Afterwards the object is stale."""
        self._h.remove()

    # -- Python protocols ----------------------------------------------------------

    def __repr__(self):
        try:
            return f"<Actor {self.id} {self.name!r} ({self.kind.name.lower()})>"
        except Error:
            return f"<Actor {self.id} (stale)>"


class Contacts(Sequence):
    """The ways to reach an actor, in the order added (a live list of
    :class:`Contact`). ``add(channel, value)``, ``del contacts[i]``."""

    __slots__ = ("_actor",)

    def __init__(self, actor):
        self._actor = actor

    def __len__(self):
        return self._actor._h.contact_count()

    def _index(self, index):
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("contact index out of range")
        return index

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        channel, value = self._actor._h.contact(self._index(index))
        return Contact(Channel(channel), value)

    def __iter__(self):
        return iter(self[:])

    def add(self, channel, value):
        """Add a way to reach the actor (an e-mail address needs one '@')."""
        self._actor._h.add_contact(Channel(channel), value)

    def __delitem__(self, index):
        self._actor._h.remove_contact(self._index(index))

    def __repr__(self):
        return view_repr(self, lambda: self[:])


class Attributes(MutableMapping):
    """An actor's free attributes: text keys (in byte order) and text values."""

    __slots__ = ("_actor",)

    def __init__(self, actor):
        self._actor = actor

    def __getitem__(self, key):
        value = self._actor._h.attr(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._actor._h.set_attr(key, value)

    def __delitem__(self, key):
        if self._actor._h.attr(key) is None:
            raise KeyError(key)
        self._actor._h.remove_attr(key)

    def __len__(self):
        return self._actor._h.attr_count()

    def __iter__(self):
        h = self._actor._h
        return iter([h.attr_at(i)[0] for i in range(h.attr_count())])

    def __repr__(self):
        return view_repr(self, lambda: dict(self))


class Neighbors:
    """The distinct other actors that share a tie (of the selected forms)
    with an actor, in order of identity; fixed when iteration starts.
    Call it to select forms: ``actor.neighbors(strong=True)``."""

    __slots__ = ("_actor", "_mask")

    def __init__(self, actor, mask=form_mask()):
        self._actor = actor
        self._mask = mask

    def __call__(self, form=None, *, strong=None):
        return Neighbors(self._actor, self._mask & form_mask(form, strong))

    def __iter__(self):
        net = self._actor.network
        for handle in handles(self._actor._h.neighbors(self._mask)):
            yield net._wrap_actor(handle)

    def __len__(self):
        return sum(1 for _ in self)

    def __contains__(self, item):
        return isinstance(item, Actor) and any(item == a for a in self)

    def __repr__(self):
        return f"<Neighbors of {self._actor!r}>"
