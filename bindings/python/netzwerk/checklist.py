"""Agreement checklists (Vereinbarungs-Checklisten) of ties.

Every cooperation (B) and group (D) has one from its creation, filled from
its form's template; an encounter (A) or contact (C) gets one with
:meth:`Tie.create_checklist`. A checklist is a live sequence of
:class:`ChecklistItem`::

    cl = laufbus.checklist
    cl.find("coop.goal").state = nw.ItemState.AGREED
    ok, reasons = cl.well_agreed(datetime.date(2025, 6, 1))
    print(ok, [item.code for item in reasons])

An item has a stable identity within its checklist. Built-in items carry a
code ('coop.goal') and German and English labels; the user's own items
have the code 'custom' (:data:`ITEM_CODE_CUSTOM`).
"""

from collections import namedtuple
from collections.abc import Sequence

from . import _core
from .enums import Form, Lang, _NamedEnum
from .errors import Error, InvalidArgumentError

__all__ = ["Checklist", "ChecklistItem", "ItemState", "Progress", "ChecklistBuiltin",
           "checklist_template", "checklist_builtin", "ITEM_CODE_CUSTOM"]

#: The code of every item a user adds.
ITEM_CODE_CUSTOM = _core.ITEM_CODE_CUSTOM


class ItemState(_NamedEnum):
    """The state of a checklist item."""

    OPEN = _core.ITEM_OPEN
    """Nothing agreed yet (offen)."""
    AGREED = _core.ITEM_AGREED
    """The partners agreed on it (vereinbart)."""
    DONE = _core.ITEM_DONE
    """It is in place (erledigt)."""
    NOT_APPLICABLE = _core.ITEM_NOT_APPLICABLE
    """It does not apply to this tie (entfällt)."""

    @property
    def name_de(self):
        """'offen', 'vereinbart', 'erledigt' or 'entfällt'."""
        return _core.item_state_name(self, Lang.DE)

    @property
    def name_en(self):
        """'open', 'agreed', 'done' or 'not applicable'."""
        return _core.item_state_name(self, Lang.EN)

    def __str__(self):
        return self.name_de


ChecklistBuiltin = namedtuple("ChecklistBuiltin",
                              "code form essential review per_partner label_de label_en")
ChecklistBuiltin.__doc__ = (
    "A built-in item of the catalogue: its code, the Form whose template holds it, whether it "
    "is essential (setting it not applicable does not settle it), a review item (its due date "
    "is the next review), one item per partner, and its German and English labels.")

Progress = namedtuple("Progress", "done agreed applicable open")
Progress.__doc__ = ("How far a checklist has got: items done, agreed (not yet done), "
                    "applicable (not set not applicable) and open (the rest of these).")


def _builtin(record):
    return ChecklistBuiltin(record["code"], Form(record["form"]), record["essential"],
                            record["review"], record["per_partner"], record["label_de"],
                            record["label_en"])


def checklist_template(form):
    """The built-in items of a form's template, in catalogue order (a
    per-partner item once)."""
    form = Form(form)
    return tuple(_builtin(_core.checklist_builtin(form, i))
                 for i in range(_core.checklist_builtin_count(form)))


def checklist_builtin(code):
    """The built-in item with a code such as 'coop.goal';
    :class:`~netzwerk.NotFoundError` if there is none."""
    return _builtin(_core.checklist_builtin_find(code))


class Checklist(Sequence):
    """The agreement checklist of one tie: a live sequence of
    :class:`ChecklistItem` (``len()``, iteration, indexing, ``in``).

    Items are listed template first, then the per-partner items by the
    partner's identity, then the user's items in the order added. The
    checklist keeps its network alive; once its tie is removed, or the
    network closed, using it raises :class:`~netzwerk.StaleError`.
    """

    __slots__ = ("_tie", "_h")

    def __init__(self, *args, **kwargs):
        raise TypeError("checklists come from Tie.checklist and Tie.create_checklist()")

    @classmethod
    def _wrap(cls, tie, handle):
        cl = cls.__new__(cls)
        cl._tie = tie
        cl._h = handle
        return cl

    @property
    def tie(self):
        """The tie the checklist belongs to."""
        return self._tie

    @property
    def network(self):
        """The network of the tie."""
        return self._tie.network

    def __len__(self):
        return self._h.item_count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("checklist index out of range")
        return ChecklistItem(self, self._h.item_at(index))

    def __iter__(self):
        # A snapshot, so that adding or removing items while iterating is safe.
        return iter(self[:])

    def __contains__(self, item):
        return (isinstance(item, ChecklistItem) and item._checklist._tie == self._tie
                and item in self[:])

    def item(self, id):
        """The item with an identity; :class:`~netzwerk.NotFoundError` if none."""
        self._h.item_code(id)  # raises if there is no such item
        return ChecklistItem(self, id)

    def find(self, code, partner=None):
        """The built-in item with a code; for 'coop.partner_benefit' give
        the partner (an actor, its name or identity).
        :class:`~netzwerk.NotFoundError` if the checklist has no such item."""
        partner_id = 0
        if partner is not None:
            actor = self.network._member(partner)
            if actor.network is not self.network:
                raise InvalidArgumentError("partner: an actor of another network")
            partner_id = actor.id
        return ChecklistItem(self, self._h.find(code, partner_id))

    def add(self, label, *, state=None, responsible=None, due=None, note=None):
        """Add an item of the user's own (code 'custom'), open, after the
        others, and return it. If a keyword argument is invalid, the item
        is removed again and the error raised."""
        item = ChecklistItem(self, self._h.add_item(label))
        try:
            if state is not None:
                item.state = state
            if responsible is not None:
                item.responsible = responsible
            if due is not None:
                item.due = due
            if note is not None:
                item.note = note
        except BaseException:
            item.remove()
            raise
        return item

    @property
    def progress(self):
        """How far the checklist has got: a :class:`Progress`."""
        p = self._h.progress()
        return Progress(p["done"], p["agreed"], p["applicable"],
                        p["applicable"] - p["done"] - p["agreed"])

    def pending(self, as_of):
        """The items that are open or overdue on a date, in list order."""
        return [ChecklistItem(self, id) for id in self._h.pending(as_of)]

    def overdue(self, as_of):
        """The items overdue on a date, in list order."""
        return [item for item in self if item.overdue(as_of)]

    def well_agreed(self, as_of):
        """Whether the checklist is well agreed (gut vereinbart) on a date:
        ``(True, [])``, or ``(False, reasons)`` with the unsettled items."""
        ok, ids = self._h.well_agreed(as_of)
        return ok, [ChecklistItem(self, id) for id in ids]

    def __eq__(self, other):
        if not isinstance(other, Checklist):
            return NotImplemented
        return self._tie == other._tie

    def __hash__(self):
        return hash(("checklist", self._tie))

    def __repr__(self):
        try:
            p = self.progress
            return (f"<Checklist of tie {self._h.get_tie_id()}: {len(self)} items, "
                    f"{p.done} done, {p.agreed} agreed, {p.open} open>")
        except Error:
            return f"<Checklist of tie {self._h.get_tie_id()} (stale)>"


class ChecklistItem:
    """One item of a :class:`Checklist`: a live view by its identity.

    Read and write :attr:`state`, :attr:`responsible`, :attr:`due`,
    :attr:`note` (and :attr:`label` of the user's own items). Once the item
    is removed, using it raises :class:`~netzwerk.NotFoundError`.
    """

    __slots__ = ("_checklist", "_id")

    def __init__(self, checklist, id):
        self._checklist = checklist
        self._id = id

    @property
    def _h(self):
        return self._checklist._h

    @property
    def id(self):
        """The item's identity within its checklist: never changes, never reused."""
        return self._id

    @property
    def checklist(self):
        """The checklist the item belongs to."""
        return self._checklist

    @property
    def code(self):
        """A built-in code such as 'coop.goal', or 'custom'."""
        return self._h.item_code(self._id)

    @property
    def custom(self):
        """True for an item of the user's own."""
        return self.code == ITEM_CODE_CUSTOM

    @property
    def builtin(self):
        """The catalogue entry of a built-in item (:class:`ChecklistBuiltin`),
        None for the user's own."""
        code = self.code
        return None if code == ITEM_CODE_CUSTOM else checklist_builtin(code)

    @property
    def label(self):
        """The German label (read); set it to rename an item of the user's own."""
        return self._h.item_label(self._id, Lang.DE)

    @label.setter
    def label(self, value):
        self._h.set_item_label(self._id, value)

    @property
    def label_de(self):
        """The German label."""
        return self._h.item_label(self._id, Lang.DE)

    @property
    def label_en(self):
        """The English label (a user's item has one label in every language)."""
        return self._h.item_label(self._id, Lang.EN)

    @property
    def partner(self):
        """The partner a per-partner item is about (an Actor), else None."""
        actor_id = self._h.item_partner(self._id)
        return self._checklist.network.actor(actor_id) if actor_id else None

    @property
    def state(self):
        """The :class:`ItemState` (read and write)."""
        return ItemState(self._h.item_state(self._id))

    @state.setter
    def state(self, value):
        self._h.set_item_state(self._id, ItemState(value))

    @property
    def responsible(self):
        """The responsible actor (any actor of the network), or None; set an
        actor, its name or identity, or None to clear."""
        actor_id = self._h.item_responsible(self._id)
        return self._checklist.network.actor(actor_id) if actor_id else None

    @responsible.setter
    def responsible(self, value):
        if value is None:
            self._h.clear_item_responsible(self._id)
        else:
            self._h.set_item_responsible(self._id, self._checklist.network._member(value)._h)

    @property
    def due(self):
        """The due date (of a review item: the next review), or None (read and write)."""
        return self._h.item_due(self._id)

    @due.setter
    def due(self, value):
        self._h.set_item_due(self._id, value)

    @property
    def note(self):
        """The note, e.g. who does what by when ('' if none; set None or '' to clear)."""
        return self._h.item_note(self._id)

    @note.setter
    def note(self, value):
        self._h.set_item_note(self._id, value)

    def overdue(self, as_of):
        """Whether the item is overdue on a date: a due date before it and
        not done (a review item: even when done), unless not applicable."""
        return self._h.item_overdue(self._id, as_of)

    def settled(self, as_of):
        """Whether the item is settled on a date (see the checklist's rules)."""
        return self._h.item_settled(self._id, as_of)

    def remove(self):
        """Remove an item of the user's own (built-in items cannot be
        removed: set them ``ItemState.NOT_APPLICABLE``)."""
        self._h.remove_item(self._id)

    def __eq__(self, other):
        if not isinstance(other, ChecklistItem):
            return NotImplemented
        return self._id == other._id and self._checklist == other._checklist

    def __hash__(self):
        return hash((self._checklist, self._id))

    def __repr__(self):
        try:
            return f"<ChecklistItem {self._id} {self.code} {self.state.name_en}: {self.label!r}>"
        except Error:
            return f"<ChecklistItem {self._id} (gone)>"
