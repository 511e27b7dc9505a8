"""The library's enumerations as :class:`enum.IntEnum`, and the forms catalogue.

The values come from the C headers through the low-level module, so they
cannot drift. :class:`Form` carries the catalogue of the four relationship
forms (Beziehungsformen) in German and English::

    >>> Form.KOOPERATION.letter, Form.KOOPERATION.name_de, Form.KOOPERATION.strong
    ('B', 'Kooperation', True)
"""

import enum

from . import _core

__all__ = ["Form", "ActorKind", "Channel", "InteractionKind", "Lang", "forms"]


class _NamedEnum(enum.IntEnum):
    """The base of the package's enumerations: an ``enum.IntEnum`` whose
    ``str()`` (and ``format()``, f-strings, print) is a readable name.

    Enumerations the library names show their German name
    (``str(Form.KOOPERATION)`` is 'B Kooperation', ``str(Severity.WARNING)``
    'Warnung', ``str(ActorKind.ORGANISATION)`` 'Organisation'); the others
    their name in lower case with spaces (``str(TieState.LATENT)`` is
    'latent'). ``repr()`` stays ``<TieState.LATENT: 3>``; a numeric
    format (``f"{form:d}"``) gives the number.
    """

    def __str__(self):
        return self.name.lower().replace("_", " ")

    def __format__(self, spec):
        if spec and spec[-1] in "bcdeEfFgGnoxX%":
            return int.__format__(int(self), spec)
        return format(str(self), spec)


class Lang(_NamedEnum):
    """The language of a catalogue text."""

    DE = _core.DE
    EN = _core.EN


class Form(_NamedEnum):
    """A relationship form (Beziehungsform).

    Strong ties (starke Bindungen) are B Kooperation and D Gruppe, weak ties
    (schwache Bindungen) A Begegnung and C Kontakt. A and B happen between
    actors; C and D are standing affiliations.
    """

    BEGEGNUNG = _core.BEGEGNUNG
    """A: encounter (weak, happening between actors)."""
    KOOPERATION = _core.KOOPERATION
    """B: cooperation (strong, happening between actors)."""
    KONTAKT = _core.KONTAKT
    """C: contact (weak, standing affiliation)."""
    GRUPPE = _core.GRUPPE
    """D: group (strong, standing affiliation)."""

    @classmethod
    def from_letter(cls, letter):
        """The form with a letter 'A' to 'D' (lower case accepted)."""
        return cls(_core.form_from_letter(letter))

    @property
    def letter(self):
        """'A' to 'D'."""
        return _core.form_letter(self)

    @property
    def name_de(self):
        """The German name, e.g. 'Kooperation'."""
        return _core.form_name(self, Lang.DE)

    @property
    def name_en(self):
        """The English name, e.g. 'Cooperation'."""
        return _core.form_name(self, Lang.EN)

    def description(self, lang=Lang.DE):
        """One sentence that says what the form is."""
        return _core.form_description(self, Lang(lang))

    @property
    def strong(self):
        """True for the strong forms B and D."""
        return _core.form_is_strong(self)

    @property
    def affiliation(self):
        """True for the standing affiliations C and D."""
        return _core.form_is_affiliation(self)

    def goals(self, lang=Lang.DE):
        """The goals (Ziele) the seed text names for the form, as a tuple."""
        return tuple(_core.form_goal(self, i, Lang(lang))
                     for i in range(_core.form_goal_count(self)))

    def challenges(self, lang=Lang.DE):
        """The challenges (Herausforderungen) of the form, as a tuple."""
        return tuple(_core.form_challenge(self, i, Lang(lang))
                     for i in range(_core.form_challenge_count(self)))

    def __str__(self):
        return f"{self.letter} {self.name_de}"


class _LibraryNamed(_NamedEnum):
    """An enumeration the library names (``_name_of``, a function of the
    low-level module taking the value and a :class:`Lang`): ``str()`` is the
    German name, ``name_en`` the English one, which is the file formats'
    word."""

    @property
    def name_de(self):
        """The German name, e.g. 'Organisation'."""
        return type(self)._name_of(self, Lang.DE)

    @property
    def name_en(self):
        """The English name, the file formats' word, e.g. 'organisation'."""
        return type(self)._name_of(self, Lang.EN)

    def __str__(self):
        return self.name_de


class ActorKind(_LibraryNamed):
    """What an actor is."""

    PERSON = _core.PERSON
    GROUP = _core.GROUP
    ORGANISATION = _core.ORGANISATION


class Channel(_LibraryNamed):
    """A way to reach an actor."""

    EMAIL = _core.EMAIL
    PHONE = _core.PHONE
    POSTAL = _core.POSTAL
    OTHER = _core.OTHER


class InteractionKind(_LibraryNamed):
    """What kind of interaction tended a tie."""

    MEETING = _core.MEETING
    CALL = _core.CALL
    MESSAGE = _core.MESSAGE
    EVENT = _core.EVENT


ActorKind._name_of = staticmethod(_core.kind_name)
Channel._name_of = staticmethod(_core.channel_name)
InteractionKind._name_of = staticmethod(_core.interaction_name)


#: The four forms in catalogue order (A, B, C, D).
forms = tuple(Form)


def form_mask(form=None, strong=None):
    """The C form mask for a selection: a form, an iterable of forms or None
    (all), optionally narrowed to the strong (True) or weak (False) forms."""
    if form is None:
        selected = set(Form)
    elif isinstance(form, int):
        selected = {Form(form)}
    else:
        selected = {Form(f) for f in form}
    if strong is not None:
        selected = {f for f in selected if f.strong == bool(strong)}
    mask = 0
    for f in selected:
        mask |= 1 << int(f)
    return mask


def forms_of(mask):
    """The forms selected by a C form mask."""
    return frozenset(f for f in Form if mask & (1 << int(f)))
