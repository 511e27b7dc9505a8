"""The five principles of network work (Prinzipien der Netzwerkarbeit) and
the catalogue of the rules that check them.

:class:`Principle` carries the catalogue in German and English, like
:class:`~netzwerk.Form`::

    >>> Principle.FREIWILLIGKEIT.code, Principle.FREIWILLIGKEIT.name_de
    ('FREI', 'Freiwilligkeit')
    >>> rule("FREI-002").severity
    <Severity.VIOLATION: 2>

The enum names are the C library's (``NW_PRINCIPLE_DYNAMIK_OFFENHEIT`` ->
``Principle.DYNAMIK_OFFENHEIT``), so that code, docs and messages use one
vocabulary.
"""

from collections import namedtuple

from . import _core
from .enums import Lang, _NamedEnum

__all__ = ["Principle", "Severity", "PrincipleStatus", "Subject", "Rule", "rules", "rule",
           "principles"]


class Principle(_NamedEnum):
    """A principle of network work; its value indexes the catalogue."""

    FREIWILLIGKEIT = _core.PRINCIPLE_FREIWILLIGKEIT
    """Voluntariness. Rule codes FREI-."""
    GETEILTES_INTERESSE = _core.PRINCIPLE_GETEILTES_INTERESSE
    """Shared interest/topic. Rule codes THEMA-."""
    LANGFRISTIGES_INVESTMENT = _core.PRINCIPLE_LANGFRISTIGES_INVESTMENT
    """Long-term investment. Rule codes LANG-."""
    DYNAMIK_OFFENHEIT = _core.PRINCIPLE_DYNAMIK_OFFENHEIT
    """Dynamics and openness. Rule codes DYN-."""
    ZIEL_NUTZEN = _core.PRINCIPLE_ZIEL_NUTZEN
    """Goal and benefit orientation. Rule codes ZIEL-."""

    @property
    def code(self):
        """The prefix of its rule codes: 'FREI', 'THEMA', 'LANG', 'DYN', 'ZIEL'."""
        return _core.principle_code(self)

    @property
    def name_de(self):
        """The German name, e.g. 'Freiwilligkeit'."""
        return _core.principle_name(self, Lang.DE)

    @property
    def name_en(self):
        """The English name, e.g. 'Voluntariness'."""
        return _core.principle_name(self, Lang.EN)

    def description(self, lang=Lang.DE):
        """What the principle asks of a network, in one or two sentences."""
        return _core.principle_description(self, Lang(lang))

    @property
    def rules(self):
        """The rules that check this principle, in catalogue order."""
        return tuple(r for r in rules() if r.principle == self)

    def __str__(self):
        return self.name_de


class Severity(_NamedEnum):
    """How serious a finding is (ordered: INFO < WARNING < VIOLATION)."""

    INFO = _core.SEVERITY_INFO
    """Worth knowing; does not change a principle's status (Hinweis)."""
    WARNING = _core.SEVERITY_WARNING
    """The principle is at risk here (Warnung)."""
    VIOLATION = _core.SEVERITY_VIOLATION
    """The principle is broken here (Verletzung)."""

    @property
    def name_de(self):
        """'Hinweis', 'Warnung' or 'Verletzung'."""
        return _core.severity_name(self, Lang.DE)

    @property
    def name_en(self):
        """'info', 'warning' or 'violation'."""
        return _core.severity_name(self, Lang.EN)

    def __str__(self):
        return self.name_de


class PrincipleStatus(_NamedEnum):
    """How a principle fares in a report."""

    FULFILLED = _core.STATUS_FULFILLED
    """No warning and no violation (erfüllt)."""
    AT_RISK = _core.STATUS_AT_RISK
    """At least one warning, no violation (gefährdet)."""
    VIOLATED = _core.STATUS_VIOLATED
    """At least one violation (verletzt)."""

    @property
    def name_de(self):
        """'erfüllt', 'gefährdet' or 'verletzt'."""
        return _core.status_name(self, Lang.DE)

    @property
    def name_en(self):
        """'fulfilled', 'at risk' or 'violated'."""
        return _core.status_name(self, Lang.EN)

    def __str__(self):
        return self.name_de


class Subject(_NamedEnum):
    """What a finding is about."""

    NETWORK = _core.SUBJECT_NETWORK
    ACTOR = _core.SUBJECT_ACTOR
    TIE = _core.SUBJECT_TIE
    ITEM = _core.SUBJECT_ITEM
    """A checklist item (of the tie ``tie_id``)."""


Rule = namedtuple("Rule", "code principle severity subject title_de title_en")
Rule.__doc__ = ("One rule of the catalogue: its code ('FREI-002'), Principle, Severity, "
                "Subject, and what it checks in German and English.")


def _rule(record):
    return Rule(record["code"], Principle(record["principle"]), Severity(record["severity"]),
                Subject(record["subject"]), record["title_de"], record["title_en"])


def rules():
    """All rules, in catalogue order (by principle, then by code)."""
    return tuple(_rule(_core.rule(i)) for i in range(_core.rule_count()))


def rule(code):
    """The rule with a code such as 'FREI-002'; :class:`~netzwerk.NotFoundError` if none."""
    return _rule(_core.rule_find(code))


#: The five principles in catalogue order.
principles = tuple(Principle)
