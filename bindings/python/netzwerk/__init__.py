"""netzwerk: organised social networks in community social work
(Netzwerkarbeit im Sozialraum), the Python binding of libnetzwerk.

A network (:class:`Network`) holds actors (:class:`Actor`: persons, groups,
organisations) and ties (:class:`Tie`) in four relationship forms
(:class:`Form`): A Begegnung, B Kooperation, C Kontakt, D Gruppe. Dates are
``datetime.date`` (an ISO string 'YYYY-MM-DD' is accepted too); failures
raise subclasses of :class:`Error`.

Cooperations and groups carry agreement checklists (:class:`Checklist`);
:meth:`Network.validate` checks a network against the five principles
(:class:`Principle`) and returns a :class:`Report` of findings;
:func:`load` and :meth:`Network.save` read and write files (native JSON,
GraphML; CSV with :func:`load_csv` and :meth:`Network.save_csv`).

Data protection (:mod:`netzwerk.privacy`): consent records
(:meth:`Actor.give_consent`, :attr:`Actor.consents`), erasure
(:meth:`Actor.erase`), access export (:meth:`Actor.export`) and
pseudonymised copies (:meth:`Network.pseudonymise`).

Analysis (:mod:`netzwerk.analysis`): :meth:`Network.snapshot` takes a
:class:`Snapshot` as of a date, whose measures (degree, betweenness,
harmonic closeness, local clustering, brokers, bridges, :class:`Figures`)
come back as dicts keyed by actor or as a pandas DataFrame;
:meth:`Tie.strength` and :meth:`Tie.state` say how a tie fares; :meth:`Network.timeline` and
:meth:`Network.change` follow the network over time;
:meth:`Network.to_networkx` and :meth:`Network.to_pandas` hand it to
NetworkX and pandas.

Example::

    import datetime
    import netzwerk as nw

    with nw.Network("Sichere Schulwege Nordstadt", topics=["Schulweg"]) as net:
        juz = net.add_actor("Jugendzentrum Nordstadt", nw.ActorKind.ORGANISATION)
        schule = net.add_actor("Grundschule am Lindenplatz", nw.ActorKind.ORGANISATION)
        laufbus = net.add_tie(nw.Form.KOOPERATION, [juz, schule],
                              datetime.date(2025, 2, 1), label="Laufbus")
        laufbus.interactions.add(datetime.date(2025, 3, 4), nw.InteractionKind.MEETING)
        for actor in net.actors:
            print(actor.name, [str(t.form) for t in actor.ties])
"""

from . import _core
from .errors import (BusyError, Error, ExistsError, FormatError, InvalidArgumentError,
                     LimitError, NetzwerkIOError, NotFoundError, OutOfMemoryError,
                     StaleError)
from .enums import ActorKind, Channel, Form, InteractionKind, Lang, forms
from ._views import TextSet
from .network import Actors, Network, Ties
from .actor import Actor, Attributes, Consent, Contact, Contacts, Neighbors
from .tie import Interaction, Interactions, Members, Tie
from .checklist import (ITEM_CODE_CUSTOM, Checklist, ChecklistBuiltin, ChecklistItem, ItemState,
                        Progress, checklist_builtin, checklist_template)
from .principles import Principle, PrincipleStatus, Rule, Severity, Subject, principles, rule, rules
from .report import VALIDATE_DEFAULTS, Finding, PrincipleResult, Report
from .files import FORMAT_VERSION, FileFormat, load, load_csv, loads, loads_csv
from .privacy import PSEUDONYM_KEY_MIN, ConsentRecord, ConsentType
from .analysis import (SNAPSHOT_DEFAULTS, Bridge, Change, Figures, Pair, Snapshot,
                       StrengthTerms, TieState, Timeline, Touch)

__all__ = [
    "Network", "Actor", "Tie",
    "Form", "ActorKind", "Channel", "InteractionKind", "Lang", "forms",
    "Contact", "Consent", "Interaction",
    "Actors", "Ties", "Neighbors", "Members", "Contacts", "Interactions", "Attributes",
    "TextSet",
    "Error", "InvalidArgumentError", "NotFoundError", "ExistsError", "StaleError",
    "FormatError", "NetzwerkIOError", "OutOfMemoryError", "LimitError", "BusyError",
    "version", "__version__", "TEXT_MAX",
    "Checklist", "ChecklistItem", "ItemState", "Progress", "ChecklistBuiltin",
    "checklist_template", "checklist_builtin", "ITEM_CODE_CUSTOM",
    "Principle", "Severity", "PrincipleStatus", "Subject", "Rule", "rules", "rule", "principles",
    "Report", "Finding", "PrincipleResult", "VALIDATE_DEFAULTS",
    "FileFormat", "load", "loads", "load_csv", "loads_csv", "FORMAT_VERSION",
    "ConsentType", "ConsentRecord", "PSEUDONYM_KEY_MIN",
    "Snapshot", "Figures", "Change", "Timeline", "TieState", "StrengthTerms", "Touch", "Pair",
    "Bridge", "SNAPSHOT_DEFAULTS",
]

#: The longest text the library accepts, in bytes.
TEXT_MAX = _core.TEXT_MAX


def version():
    """The version of the linked libnetzwerk, 'MAJOR.MINOR.PATCH'."""
    return _core.version()


__version__ = version()
