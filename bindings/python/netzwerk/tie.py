"""Ties: actors joined under one relationship form, with dates and a log of
interactions (Kontaktpflege)."""

from collections import namedtuple
from collections.abc import Sequence

from .enums import Form, InteractionKind
from ._views import Element, TextSet, view_repr
from .errors import Error, _named

__all__ = ["Tie", "Interaction", "Interactions", "Members"]

Interaction = namedtuple("Interaction", "date kind note")
Interaction.__doc__ = ("A logged interaction that tended a tie: its date (datetime.date), "
                       "its InteractionKind and its note ('' if none).")


class Tie(Element):
    """Two or more actors of a network joined under one :class:`~netzwerk.Form`.

    A tie exists from :attr:`start` to :attr:`end` (both included; ``end``
    None while it goes on). Its form is fixed. Two Tie objects are equal
    when they name the same tie of the same network. A tie keeps its
    network alive; once it is removed, or its network closed, using it
    raises :class:`~netzwerk.StaleError` (``id`` and ``network`` still work).
    """

    __slots__ = ()
    _made_by = "Network.add_tie()"

    @property
    def form(self):
        """The relationship form, a :class:`~netzwerk.Form` (fixed)."""
        return Form(self._h.get_form())

    @property
    def strong(self):
        """True for a strong tie (B Kooperation, D Gruppe)."""
        return self.form.strong

    @property
    def members(self):
        """The members, in order of identity: a live :class:`Members` list."""
        return Members(self)

    @property
    def start(self):
        """The date the tie began (``datetime.date``; read and write)."""
        return self._h.get_start()

    @start.setter
    def start(self, value):
        self._h.set_start(value)

    @property
    def end(self):
        """The date the tie ended, or None while it goes on; set None to reopen."""
        return self._h.get_end()

    @end.setter
    def end(self, value):
        self._h.set_end(value)

    def exists_on(self, as_of):
        """Whether the tie exists on a date: start <= as_of and (no end or
        as_of <= end)."""
        return self._h.exists_on(as_of)

    @property
    def imposed(self):
        """True if the tie was imposed from outside (a funder, a statute)."""
        return self._h.get_imposed()

    @imposed.setter
    def imposed(self, value):
        self._h.set_imposed(bool(value))

    @property
    def label(self):
        """The tie's label, e.g. a project's name ('' if none)."""
        return self._h.get_label()

    @label.setter
    def label(self, value):
        self._h.set_label(value)

    @property
    def topics(self):
        """The topics the tie works on: a live :class:`~netzwerk.TextSet`."""
        return TextSet(self, "topic")

    @property
    def goals(self):
        """The tie's goals: a live :class:`~netzwerk.TextSet`."""
        return TextSet(self, "goal")

    @property
    def interactions(self):
        """The interaction log, in date order: a live :class:`Interactions` list."""
        return Interactions(self)

    @property
    def checklist(self):
        """The tie's agreement checklist (a :class:`~netzwerk.Checklist`), or
        None if it has none: cooperations and groups have one from their
        creation, encounters and contacts after :meth:`create_checklist`."""
        from .checklist import Checklist
        handle = self._h.checklist()
        return None if handle is None else Checklist._wrap(self, handle)

    def create_checklist(self):
        """Give an encounter or a contact a checklist from its form's
        template and return it; :class:`~netzwerk.ExistsError` if the tie
        has one already."""
        from .checklist import Checklist
        return Checklist._wrap(self, self._h.create_checklist())

    @_named("strength")
    def strength(self, as_of, **options):
        """The tie's strength as of a date, 0 to 1: a weighted mean of its
        form's base weight, its age, how it was tended and how recent the
        last contact is (``docs/analysis.md``); 0 if it does not exist then.
        Options by name as for :meth:`Network.snapshot`."""
        from .analysis import _options
        return self._h.strength(as_of, _options(**options))

    @_named("strength_terms")
    def strength_terms(self, as_of, **options):
        """The strength as of a date with its terms: a
        :class:`~netzwerk.StrengthTerms` (base, age, tending, recency,
        strength, last_contact, interactions)."""
        from . import analysis
        return analysis.strength_terms(self, as_of, **options)

    @_named("state")
    def state(self, as_of, **options):
        """The tie's :class:`~netzwerk.TieState` on a date: ABSENT, ACTIVE,
        DORMANT (no contact for more than ``dormant_after_<form>`` days) or
        LATENT (a contact never activated yet)."""
        from .analysis import TieState, _options
        return TieState(self._h.state(as_of, _options(**options)))

    def remove(self):
        """Remove the tie and its log from the network; the object becomes stale."""
        self._h.remove()

    def __repr__(self):
        try:
            names = ", ".join(repr(m.name) for m in self.members)
            return f"<Tie {self.id} {self.form}: {names}>"
        except Error:
            return f"<Tie {self.id} (stale)>"


class Members(Sequence):
    """The members of a tie, in order of identity (a live list of
    :class:`~netzwerk.Actor`). ``add(actor)``, ``remove(actor)``, ``in``."""

    __slots__ = ("_tie",)

    def __init__(self, tie):
        self._tie = tie

    def __len__(self):
        return self._tie._h.member_count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("member index out of range")
        return self._tie.network._wrap_actor(self._tie._h.member(index))

    def __iter__(self):
        return iter(self[:])

    def __contains__(self, actor):
        from .actor import Actor
        from .errors import StaleError
        if not isinstance(actor, Actor) or actor.network is not self._tie.network:
            return False
        self._tie._h.member_count()  # a stale tie raises here
        try:
            return self._tie._h.has_member(actor._h)
        except StaleError:  # a removed actor is nobody's member
            return False

    def add(self, actor):
        """Add a member (an actor of the same network, or its name or id)."""
        self._tie._h.add_member(self._tie.network._member(actor)._h)

    def remove(self, actor):
        """Remove a member; a tie keeps at least two."""
        self._tie._h.remove_member(self._tie.network._member(actor)._h)

    def __repr__(self):
        return view_repr(self, lambda: self[:])


class Interactions(Sequence):
    """A tie's interaction log in date order (a live list of
    :class:`Interaction`). ``add(date, kind, note=None)``, ``del log[i]``."""

    __slots__ = ("_tie",)

    def __init__(self, tie):
        self._tie = tie

    def __len__(self):
        return self._tie._h.interaction_count()

    def _index(self, index):
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("interaction index out of range")
        return index

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        day, kind, note = self._tie._h.interaction(self._index(index))
        return Interaction(day, InteractionKind(kind), note)

    def __iter__(self):
        return iter(self[:])

    def add(self, date, kind, note=None):
        """Log an interaction on a date within the tie's lifetime."""
        self._tie._h.add_interaction(date, InteractionKind(kind), note)

    def __delitem__(self, index):
        self._tie._h.remove_interaction(self._index(index))

    def __repr__(self):
        return view_repr(self, lambda: self[:])
