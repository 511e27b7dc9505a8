"""Network-strength analysis: snapshots and their measures, tie strength and
state, key figures, change over time, and bridges to pandas and NetworkX.

Two layers, as in the C library (``docs/analysis.md`` defines every figure):

- **Tie strength and state** read the network itself as of a date:
  :meth:`Tie.strength`, :meth:`Tie.strength_terms`, :meth:`Tie.state`,
  :meth:`Actor.pair_strength`, :meth:`Network.losing_touch`.
- **Structure** is computed on a :class:`Snapshot`, a compact, immutable
  copy of the network as of one date (:meth:`Network.snapshot`): degree,
  betweenness, harmonic closeness, local clustering, cores, components,
  brokers, bridges, :class:`Figures`; :meth:`Network.change` and
  :meth:`Network.timeline` compare dates.

Options are keyword arguments, the same everywhere (see
:data:`SNAPSHOT_DEFAULTS` for every name and its default): ``weighted``,
``forms`` / ``strong`` (which ties count), ``base_kooperation``,
``half_life_kontakt``, ``dormant_after_gruppe``, ``touch_ideal_begegnung``,
``weight_tending``, ``broker_min_betweenness``, ...

The long measures release the GIL: other Python threads run meanwhile.
pandas and NetworkX are imported only by the functions that return their
objects.
"""

import dataclasses
import datetime
import math
from collections import namedtuple

from . import _core
from .enums import Form, _NamedEnum, form_mask
from .errors import StaleError, _optional

__all__ = [
    "Snapshot", "Figures", "Change", "Timeline", "TieState", "StrengthTerms", "Touch", "Pair",
    "Bridge", "SNAPSHOT_DEFAULTS",
]


def _typed(name, value):
    kind = _core.snapshot_option_type(name)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return value


#: Every analysis option by name with its default (``form_mask`` is set
#: through ``forms=`` / ``strong=``).
SNAPSHOT_DEFAULTS = {
    name: _typed(name, _core.snapshot_option_default(name))
    for name in (_core.snapshot_option_name(i) for i in range(_core.snapshot_option_count()))
}


def _options(forms=None, strong=None, **options):
    """The option dict of the low-level module: keywords by name, forms as a mask."""
    if forms is not None or strong is not None:
        if "form_mask" in options:
            raise TypeError("give either forms= / strong= or form_mask=, not both")
        if isinstance(forms, str):
            forms = [Form.from_letter(letter) for letter in forms]
        options["form_mask"] = form_mask(forms, strong)
    return options


class TieState(_NamedEnum):
    """The state of a tie on a date (:meth:`Tie.state`): absent, active,
    dormant, or latent (a silent contact with activation potential)."""

    ABSENT = _core.TIE_ABSENT
    """The tie does not exist on the date (not started yet, or ended)."""
    ACTIVE = _core.TIE_ACTIVE
    """It exists and its last contact is at most ``dormant_after`` days old."""
    DORMANT = _core.TIE_DORMANT
    """It exists, but without contact for more than ``dormant_after`` days."""
    LATENT = _core.TIE_LATENT
    """A C Kontakt without any interaction yet: a silent contact with activation potential."""


StrengthTerms = namedtuple("StrengthTerms",
                           "base age tending recency strength last_contact interactions")
StrengthTerms.__doc__ = (
    "A tie's strength as of a date with its four terms, each in [0, 1]: base (the form), "
    "age (how long it has existed), tending (how often and how recently it was tended), "
    "recency (how fresh the last contact is); strength is their weighted mean. "
    "last_contact is a datetime.date (None if the tie does not exist then), interactions "
    "the number logged on or before the date.")

Touch = namedtuple("Touch", "tie form last_contact days overdue")
Touch.__doc__ = (
    "A tie losing touch (Network.losing_touch): the Tie, its Form, the date of its last "
    "contact, the days since then (more than the form's touch_ideal) and whether it is "
    "overdue (more than touch_max).")

Pair = namedtuple("Pair", "a b weight ties strong")
Pair.__doc__ = (
    "Two actors joined in a snapshot: a and b (a has the lower identity), the pair's "
    "weight (its strength in a weighted snapshot, else 1.0), the number of ties joining "
    "them and whether one of them is strong (B, D).")

Bridge = namedtuple("Bridge", "a b span strong weight")
Bridge.__doc__ = (
    "A bridge or local bridge: actors a and b, the span (steps of the shortest other path "
    "between them; math.inf for a bridge proper), whether a strong tie joins them (else "
    "it is a weak bridge, as Granovetter predicts) and the pair's weight.")


@dataclasses.dataclass(frozen=True)
class Figures:
    """The key figures of a network as of a date (``docs/analysis.md``).

    Counts are ``int``, ratios ``float``. Path figures (``path_mean``,
    ``diameter``) are measured in the largest component; undefined ratios
    are 0. :meth:`as_dict` gives them in the library's order.
    """

    as_of: datetime.date
    actors: int                #: actors in the snapshot (n)
    size: int                  #: actors with at least one active tie
    size_activatable: int      #: actors with a tie in any state (active, dormant, latent)
    actors_person: int
    actors_group: int
    actors_organisation: int
    ties: int                  #: ties included in the snapshot
    ties_begegnung: int
    ties_kooperation: int
    ties_kontakt: int
    ties_gruppe: int
    ties_strong: int           #: ties of the strong forms B and D
    ties_weak: int             #: ties of the weak forms A and C
    ties_active: int
    ties_dormant: int
    ties_latent: int           #: silent contacts with activation potential
    pairs: int                 #: joined actors (m)
    pairs_multiplex: int       #: pairs joined by two or more ties
    pairs_strong: int          #: pairs joined by at least one strong tie
    density: float
    density_weighted: float
    strength_mean: float       #: mean pair weight
    components: int
    largest_component: int
    largest_share: float
    isolates: int
    degree_mean: float
    degree_sd: float
    degree_max: int
    transitivity: float        #: global clustering
    clustering_mean: float     #: mean local clustering
    triangles: int
    path_mean: float
    diameter: int
    paths_exact: bool
    max_core: int
    max_core_size: int
    ei_index: float            #: Krackhardt's E-I index across actor kinds

    @classmethod
    def _from_record(cls, record):
        values = {}
        for i in range(record.count_fields()):
            name = record.name_at(i)
            if hasattr(record, name):
                values[name] = getattr(record, name)
            else:  # the per-kind and per-form counts
                values[name] = int(record.value_at(i))
        return cls(**values)

    def as_dict(self):
        """The figures as a dict, in the library's order."""
        return dataclasses.asdict(self)



@dataclasses.dataclass(frozen=True)
class Change:
    """What changed between two dates: the :class:`Figures` before and
    after, and the identities of the actors and ties that came and went
    (identities, so that removed ones can be named too)."""

    before: Figures
    after: Figures
    actors_joined: list
    actors_left: list
    ties_began: list
    ties_ended: list

    def delta(self):
        """after - before of every number of the figures (not the date), as a dict."""
        out = {}
        for name, before in self.before.as_dict().items():
            if name == "as_of":
                continue
            after = getattr(self.after, name)
            out[name] = (int(after) - int(before)) if isinstance(before, bool) else after - before
        return out


class Timeline(list):
    """The :class:`Figures` of a network at regular dates (a list), from
    :meth:`Network.timeline`."""

    def to_pandas(self):
        """A pandas DataFrame: one row per date (index ``as_of``), one column per figure."""
        pd = _optional("pandas", "Timeline.to_pandas()")
        frame = pd.DataFrame([f.as_dict() for f in self])
        if len(frame):
            frame = frame.set_index("as_of")
        return frame


def _list(values):
    """A low-level Values or Ids object as a list."""
    return [values.get(i) for i in range(values.count())]


class Snapshot:
    """A compact, immutable view of a network as of one date: the structure
    that the measures work on.

    Take one with :meth:`Network.snapshot`. Its actors are those who joined
    on or before the date (or have no joined date) and the members of its
    ties; its ties are those of the selected forms that exist on the date;
    every two members of such a tie form a pair (several ties between two
    actors make one pair). It stays unchanged when the network changes
    (:attr:`current` tells whether it still matches) and readable after the
    network is closed.

    Measures return dicts keyed by :class:`~netzwerk.Actor` (pass
    ``ids=True`` for actor identities, which work after the actors were
    removed or the network closed; otherwise that raises
    :class:`~netzwerk.StaleError`). :meth:`to_pandas` puts every actor
    measure in one DataFrame. The long measures release the GIL.
    """

    __slots__ = ("_network", "_h", "_ids")

    @classmethod
    def _wrap(cls, network, handle):
        snap = cls.__new__(cls)
        snap._network = network
        snap._h = handle
        snap._ids = None
        return snap

    def __init__(self, *args, **kwargs):
        raise TypeError("snapshots are taken by Network.snapshot()")

    # -- what it holds ---------------------------------------------------------------

    @property
    def network(self):
        """The network it was taken of."""
        return self._network

    @property
    def as_of(self):
        """The date it shows (``datetime.date``)."""
        return self._h.get_date()

    @property
    def options(self):
        """The options it was taken with, by name (see :data:`SNAPSHOT_DEFAULTS`)."""
        return {name: _typed(name, self._h.option(name)) for name in SNAPSHOT_DEFAULTS}

    @property
    def weighted(self):
        """True if a pair's weight is its strength, False if every pair weighs 1."""
        return bool(self._h.option("weighted"))

    @property
    def current(self):
        """True while the network is unchanged since the snapshot was taken."""
        return not self._network.closed and self._h.is_current(self._network._h)

    def is_current(self, network):
        """Whether the snapshot matches a network: taken of it and unchanged since
        (:class:`~netzwerk.StaleError` for a closed network)."""
        from .network import Network
        if not isinstance(network, Network):
            raise TypeError(f"expected a Network, not {type(network).__name__}")
        return self._h.is_current(network._h)

    def __len__(self):
        """The number of actors."""
        return self._h.actor_count()

    @property
    def pair_count(self):
        """The number of pairs (joined actors)."""
        return self._h.pair_count()

    @property
    def tie_count(self):
        """The number of ties it includes."""
        return self._h.tie_count()

    @property
    def memory(self):
        """The bytes it holds."""
        return self._h.memory()

    @property
    def actor_ids(self):
        """The identities of its actors, ascending (index = vertex)."""
        if self._ids is None:
            self._ids = tuple(self._h.actor_id(v) for v in range(self._h.actor_count()))
        return self._ids

    def _actor(self, id):
        if self._network.closed:
            raise StaleError("the network of the snapshot was closed; use ids=True")
        try:
            return self._network.actor(id)
        except LookupError:
            raise StaleError(f"actor {id} of the snapshot was removed from the network; "
                             "use ids=True") from None

    def _key(self, ids):
        return (lambda id: id) if ids else self._actor

    @property
    def actors(self):
        """Its actors, in order of identity (:class:`~netzwerk.Actor` objects)."""
        return [self._actor(id) for id in self.actor_ids]

    def __contains__(self, actor):
        """``actor in snap`` (an Actor of its network, or an identity)."""
        from .actor import Actor
        if isinstance(actor, Actor):
            if actor.network is not self._network:
                return False
            actor = actor.id
        return actor in self.actor_ids

    def pairs(self, *, ids=False):
        """The pairs as a list of :class:`Pair`, in order of their actors."""
        key = self._key(ids)
        out = []
        for i in range(self._h.pair_count()):
            p = self._h.pair(i)
            out.append(Pair(key(p.a), key(p.b), p.weight, p.ties, p.strong))
        return out

    # -- measures per actor ---------------------------------------------------------

    def _per_actor(self, values, ids, convert=float):
        key = self._key(ids)
        return {key(id): convert(v) for id, v in zip(self.actor_ids, _list(values))}

    def degree(self, *, ids=False):
        """The number of other actors each actor shares a tie with."""
        return self._per_actor(self._h.degree(), ids, int)

    def weighted_degree(self, *, ids=False):
        """The sum of the weights of each actor's pairs (the degree if unweighted)."""
        return self._per_actor(self._h.weighted_degree(), ids)

    def betweenness(self, *, normalized=False, ids=False):
        """Betweenness centrality (Brandes, exact): how many shortest paths
        between other actors pass through each actor. ``normalized=True``
        divides by (n-1)(n-2)/2. Paths count steps, or 1/weight in a
        weighted snapshot. Releases the GIL."""
        values = self._per_actor(self._h.betweenness(), ids)
        n = len(self)
        if normalized:
            scale = (n - 1) * (n - 2) / 2 if n > 2 else 0.0
            values = {k: (v / scale if scale else 0.0) for k, v in values.items()}
        return values

    def harmonic_closeness(self, *, normalized=False, ids=False):
        """Harmonic closeness: the sum of 1/distance to every other actor
        (NetworkX's ``harmonic_centrality``, not its ``closeness_centrality``),
        unnormalised, so it grows with the network; ``normalized=True``
        divides by n-1 (then in [0, 1]). Works on disconnected networks.
        Releases the GIL."""
        values = self._per_actor(self._h.harmonic_closeness(), ids)
        n = len(self)
        if normalized:
            values = {k: (v / (n - 1) if n > 1 else 0.0) for k, v in values.items()}
        return values

    def two_step_reach(self, *, ids=False):
        """The number of other actors within two steps."""
        return self._per_actor(self._h.two_step_reach(), ids, int)

    def reach_efficiency(self, *, ids=False):
        """2-step reach / the sum of the neighbours' degrees (1: every
        second-step contact is new; 0 for isolates)."""
        return self._per_actor(self._h.reach_efficiency(), ids)

    def constraint(self, *, ids=False):
        """Burt's constraint (low: spans structural holes); NaN for isolates."""
        return self._per_actor(self._h.constraint(), ids)

    def effective_size(self, *, ids=False):
        """Burt's effective size of each actor's neighbourhood; NaN for isolates."""
        return self._per_actor(self._h.effective_size(), ids)

    def efficiency(self, *, ids=False):
        """Burt's efficiency: effective size / degree; NaN for isolates."""
        return self._per_actor(self._h.efficiency(), ids)

    def local_clustering(self, *, ids=False):
        """Local clustering (NetworkX's ``clustering``): the share of pairs
        of neighbours that are joined themselves (0 for fewer than two
        neighbours)."""
        return self._per_actor(self._h.local_clustering(), ids)

    def core_number(self, *, ids=False):
        """The largest k such that the actor is in the k-core."""
        return self._per_actor(self._h.core_number(), ids, int)

    def component_of(self, *, ids=False):
        """The connected component of each actor, numbered from 0 (0, 1, ...
        in order of their lowest actor identity; the index into
        :meth:`components`). Lua numbers them from 1."""
        return self._per_actor(self._h.components(), ids, int)

    def components(self, *, ids=False):
        """The connected components as a list of sets of actors, in order of
        their lowest identity (an isolate is a component of its own): the
        list index is the number :meth:`component_of` gives, from 0."""
        parts = []
        for actor, c in self.component_of(ids=ids).items():
            while len(parts) <= c:
                parts.append(set())
            parts[c].add(actor)
        return parts

    # -- lists of actors and pairs ---------------------------------------------------

    def stars(self, *, ids=False):
        """The actors with the most neighbours (all who share the highest degree)."""
        return [self._key(ids)(id) for id in self._h.stars()]

    def isolates(self, *, ids=False):
        """The actors without any pair."""
        return [self._key(ids)(id) for id in self._h.isolates()]

    def brokers(self, *, ids=False):
        """Actors on many shortest paths who span structural holes:
        normalised betweenness >= ``broker_min_betweenness`` and constraint
        <= ``broker_max_constraint``; highest betweenness first. Releases the GIL."""
        return [self._key(ids)(id) for id in self._h.brokers()]

    def bridges(self, *, local=False, ids=False):
        """Bridges (pairs whose removal disconnects their actors) as a list of
        :class:`Bridge`; ``local=True``: every local bridge (no common
        neighbour) with its span. Granovetter: bridges tend to be weak ties."""
        key = self._key(ids)
        found = self._h.bridges(local)
        out = []
        for i in range(found.count()):
            b = found.get(i)
            span = math.inf if b.span == _core.SPAN_INFINITE else b.span
            out.append(Bridge(key(b.a), key(b.b), span, b.strong, b.weight))
        return out

    def overlap(self, *, ids=False):
        """Tie overlap (Onnela) of every pair: {(a, b): share of common
        neighbours}; 0 means the pair joins two separate neighbourhoods."""
        key = self._key(ids)
        values = _list(self._h.overlap())
        return {(key(p.a), key(p.b)): v
                for p, v in zip((self._h.pair(i) for i in range(len(values))), values)}

    # -- the whole network --------------------------------------------------------------

    def figures(self):
        """The key :class:`Figures` (density, components, paths, cores, ...).
        Releases the GIL."""
        return Figures._from_record(self._h.figures())

    def compare(self, later):
        """What changed from this snapshot to a later one: a :class:`Change`."""
        if not isinstance(later, Snapshot):
            raise TypeError(f"expected a Snapshot, not {type(later).__name__}")
        c = self._h.compare(later._h)
        return Change(Figures._from_record(c.before()), Figures._from_record(c.after()),
                      _list(c.actors_joined()), _list(c.actors_left()),
                      _list(c.ties_began()), _list(c.ties_ended()))

    MEASURES = ("degree", "weighted_degree", "betweenness", "harmonic_closeness",
                "two_step_reach", "reach_efficiency", "constraint", "effective_size",
                "efficiency", "local_clustering", "core_number", "component_of")
    """The actor measures :meth:`to_pandas` computes."""

    def to_pandas(self, measures=MEASURES):
        """A pandas DataFrame with one row per actor (index: identity) and
        columns name, kind, broker and one per measure. Works after the
        network is closed (without name and kind then)."""
        pd = _optional("pandas", "Snapshot.to_pandas()")
        data = {m: getattr(self, m)(ids=True) for m in measures}
        brokers = set(self._h.brokers())
        frame = pd.DataFrame(data, index=pd.Index(self.actor_ids, name="id"))
        frame["broker"] = [id in brokers for id in self.actor_ids]
        if not self._network.closed:
            live = {a.id: a for a in self._network.actors}
            actors = [live.get(id) for id in self.actor_ids]  # None: removed since
            frame.insert(0, "kind", [a.kind.name.lower() if a else None for a in actors])
            frame.insert(0, "name", [a.name if a else None for a in actors])
        return frame

    def __repr__(self):
        return (f"<Snapshot {self.as_of} of {self._network!r}: {len(self)} actors, "
                f"{self.pair_count} pairs>")


# ---- what the Network, Tie and Actor methods call -----------------------------------------


def snapshot(network, as_of, weighted=False, forms=None, strong=None, **options):
    opts = _options(forms, strong, weighted=bool(weighted), **options)
    return Snapshot._wrap(network, network._h.snapshot(as_of, opts))


def losing_touch(network, as_of, forms=None, strong=None, **options):
    found = network._h.losing_touch(as_of, _options(forms, strong, **options))
    out = []
    for i in range(found.count()):
        t = found.get(i)
        out.append(Touch(network.tie(t.tie), Form(t.form), t.last_contact, t.days, t.overdue))
    return out


def timeline(network, start, end, step, forms=None, strong=None, **options):
    if isinstance(step, datetime.timedelta):
        step = step.days
    found = network._h.timeline(start, end, step, _options(forms, strong, **options))
    return Timeline(Figures._from_record(found.get(i)) for i in range(found.count()))


def strength_terms(tie, as_of, **options):
    t = tie._h.strength_terms(as_of, _options(**options))
    return StrengthTerms(t.base, t.age, t.tending, t.recency, t.strength, t.last_contact,
                         t.interactions)


def to_networkx(network, as_of, weighted=True, forms=None, strong=None, **options):
    nx = _optional("networkx", "Network.to_networkx()")
    snap = snapshot(network, as_of, weighted, forms, strong, **options)
    mask = snap._h.option("form_mask")
    graph = nx.Graph(name=network.name, as_of=snap.as_of, weighted=bool(weighted))
    for actor in snap.actors:
        graph.add_node(actor.id, name=actor.name, kind=actor.kind.name.lower(),
                       joined=actor.joined, interests=list(actor.interests),
                       attrs=dict(actor.attrs))
    ties = {}
    for tie in network.ties:
        if not (int(mask) >> int(tie.form)) & 1 or not tie.exists_on(snap.as_of):
            continue
        ids = sorted(m.id for m in tie.members)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                ties.setdefault((a, b), []).append(tie)
    for p in snap.pairs(ids=True):
        joined = ties.get((p.a, p.b), [])
        forms_ = [t.form for t in joined]
        graph.add_edge(p.a, p.b, weight=p.weight,
                       distance=(1.0 / p.weight if p.weight > 0 else math.inf),
                       ties=[t.id for t in joined], forms=forms_,
                       form="".join(sorted({f.letter for f in forms_})),
                       strong=p.strong, multiplex=p.ties)
    return graph


def network_to_pandas(network):
    pd = _optional("pandas", "Network.to_pandas()")
    actors = pd.DataFrame(
        [{"id": a.id, "name": a.name, "kind": a.kind.name.lower(), "joined": a.joined,
          "interests": list(a.interests), "ties": len(a.ties)} for a in network.actors],
        columns=["id", "name", "kind", "joined", "interests", "ties"]).set_index("id")
    rows = []
    for t in network.ties:
        log = t.interactions
        rows.append({"id": t.id, "form": t.form.letter, "strong": t.strong,
                     "members": tuple(m.id for m in t.members),
                     "member_names": tuple(m.name for m in t.members),
                     "start": t.start, "end": t.end, "label": t.label, "imposed": t.imposed,
                     "topics": list(t.topics), "interactions": len(log),
                     "last_interaction": log[-1].date if len(log) else None})
    ties = pd.DataFrame(rows, columns=["id", "form", "strong", "members", "member_names",
                                       "start", "end", "label", "imposed", "topics",
                                       "interactions", "last_interaction"]).set_index("id")
    return actors, ties
