"""Validation reports: what :meth:`Network.validate` finds, principle by
principle.

A report is frozen and self-contained: it copies what it says and keeps no
reference to the network, so it stays readable, unchanged, after the
network changes or is closed.
"""

from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass

from . import _core
from .enums import Lang
from .principles import Principle, PrincipleStatus, Severity, Subject

__all__ = ["Report", "Finding", "PrincipleResult", "VALIDATE_DEFAULTS"]

PrincipleResult = namedtuple("PrincipleResult",
                             "principle status checks infos warnings violations")
PrincipleResult.__doc__ = (
    "How one principle fares in a report: its PrincipleStatus, how many (rule, subject) "
    "pairs were examined (checks), and the findings by severity.")

#: The default thresholds of :meth:`Network.validate`, in days (0 switches a rule off).
VALIDATE_DEFAULTS = _core.validate_defaults()


@dataclass(frozen=True)
class Finding:
    """One finding of a report.

    Attributes:
        rule: the rule's code, e.g. 'FREI-002' (see :func:`netzwerk.rule`).
        principle: the :class:`~netzwerk.Principle` it concerns.
        severity: its :class:`~netzwerk.Severity`.
        subject: what it is about, a :class:`~netzwerk.Subject`.
        actor_id: the actor it is about (or the partner of a per-partner
            checklist item), or None.
        tie_id: the tie it is about (also for a checklist item), or None.
        item_id: the checklist item it is about, or None.
        message_de, message_en: the finding in German and English; they
            name the actors and ties concerned.
    """

    rule: str
    principle: Principle
    severity: Severity
    subject: Subject
    actor_id: int
    tie_id: int
    item_id: int
    message_de: str
    message_en: str

    @classmethod
    def _from_record(cls, r):
        return cls(r["rule"], Principle(r["principle"]), Severity(r["severity"]),
                   Subject(r["subject"]), r["actor_id"], r["tie_id"], r["item_id"],
                   r["message_de"], r["message_en"])

    def message(self, lang=Lang.DE):
        """The message in a language."""
        return self.message_en if Lang(lang) == Lang.EN else self.message_de

    def __str__(self):
        return f"{self.rule} {self.severity.name_de}: {self.message_de}"

    def __repr__(self):
        about = {Subject.NETWORK: "network", Subject.ACTOR: f"actor {self.actor_id}",
                 Subject.TIE: f"tie {self.tie_id}",
                 Subject.ITEM: f"tie {self.tie_id} item {self.item_id}"}[self.subject]
        return f"<Finding {self.rule} {self.severity.name_en} ({about}): {self.message_en!r}>"


class Report(Sequence):
    """The findings of validating a network against the five principles as
    of a date (:meth:`Network.validate`).

    A sequence of :class:`Finding` (``len()``, iteration, indexing), in
    catalogue order of the rules. Per principle: :meth:`principle` and
    :attr:`principles`.

    Example::

        report = net.validate(datetime.date(2026, 6, 1), dormant_days_kooperation=60)
        for finding in report:
            print(finding.rule, finding.severity, finding.message_en)
        print(report.status(nw.Principle.FREIWILLIGKEIT))
    """

    __slots__ = ("_h", "_findings")

    def __init__(self, *args, **kwargs):
        raise TypeError("reports are made by Network.validate()")

    @classmethod
    def _wrap(cls, handle):
        report = cls.__new__(cls)
        report._h = handle
        report._findings = None
        return report

    @property
    def as_of(self):
        """The date the report judges on (``datetime.date``)."""
        return self._h.get_as_of()

    @property
    def findings(self):
        """All findings, as a tuple."""
        if self._findings is None:  # a report never changes: read once
            self._findings = tuple(Finding._from_record(self._h.finding(i))
                                   for i in range(self._h.finding_count()))
        return self._findings

    def __len__(self):
        return self._h.finding_count()

    def __getitem__(self, index):
        return self.findings[index]

    def __iter__(self):
        return iter(self.findings)

    def principle(self, principle):
        """How one principle fares: a :class:`PrincipleResult`."""
        r = self._h.principle(Principle(principle))
        return PrincipleResult(Principle(r["principle"]), PrincipleStatus(r["status"]),
                               r["checks"], r["infos"], r["warnings"], r["violations"])

    @property
    def principles(self):
        """The :class:`PrincipleResult` of each principle, in catalogue order."""
        return tuple(self.principle(p) for p in Principle)

    def status(self, principle):
        """The :class:`~netzwerk.PrincipleStatus` of one principle."""
        return self.principle(principle).status

    @property
    def fulfilled(self):
        """True if every principle is fulfilled (info findings do not count)."""
        return all(r.status == PrincipleStatus.FULFILLED for r in self.principles)

    def __repr__(self):
        states = ", ".join(f"{r.principle.code} {r.status.name_en}" for r in self.principles)
        return f"<Report as of {self.as_of}: {len(self)} findings; {states}>"
