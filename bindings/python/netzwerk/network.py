"""The network: its name, topics, goals, actors and ties, and its lifetime."""

from . import _core
from .enums import ActorKind, Form, form_mask, forms_of
from ._views import TextSet, handles
from .errors import Error, InvalidArgumentError, _named
from .privacy import NetworkPrivacy

__all__ = ["Network", "Actors", "Ties"]

_ALL = form_mask()


class Network(NetworkPrivacy):
    """A network of actors and ties (Netzwerk im Sozialraum).

    ``Network(name, topics=..., goals=...)`` creates an empty network. It
    is a context manager: leaving the ``with`` block closes it. Its actors
    and ties keep it alive; after :meth:`close` they raise
    :class:`~netzwerk.StaleError`.

    Example::

        import datetime, netzwerk as nw
        with nw.Network("Sichere Schulwege", topics=["Schulweg"]) as net:
            juz = net.add_actor("Jugendzentrum", nw.ActorKind.ORGANISATION)
            schule = net.add_actor("Grundschule", nw.ActorKind.ORGANISATION)
            net.add_tie(nw.Form.KOOPERATION, [juz, schule], datetime.date(2025, 2, 1))
            print(len(net.ties(strong=True)))   # 1
    """

    __slots__ = ("_h", "__weakref__")

    def __init__(self, name, *, topics=(), goals=()):
        self._h = _core.Network(name)
        for topic in topics:
            self._h.add_topic(topic)
        for goal in goals:
            self._h.add_goal(goal)

    # -- lifetime -------------------------------------------------------------

    def close(self):
        """Give up the network now. Its actors, ties and iterators become
        stale. Closing again does nothing."""
        self._h.close()

    @property
    def closed(self):
        """Whether :meth:`close` was called."""
        return self._h.is_closed()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- properties -------------------------------------------------------------

    @property
    def name(self):
        """The network's name (read and write)."""
        return self._h.get_name()

    @name.setter
    def name(self, value):
        self._h.set_name(value)

    @property
    def topics(self):
        """The topics (Themen) the network works on: a live :class:`TextSet`."""
        return TextSet(self, "topic")

    @property
    def goals(self):
        """The network's goals (Ziele): a live :class:`TextSet`."""
        return TextSet(self, "goal")

    @property
    def actors(self):
        """All actors, in order of identity: a live :class:`Actors` view."""
        return Actors(self)

    @property
    def ties(self):
        """All ties, in order of identity: a live :class:`Ties` view; call
        it to select forms: ``net.ties(Form.KOOPERATION)``,
        ``net.ties(strong=True)``."""
        return Ties(self)

    # -- actors and ties ----------------------------------------------------------

    def add_actor(self, name, kind=ActorKind.PERSON, *, joined=None, interests=(),
                  contacts=(), attrs=None):
        """Add an actor with a unique name and return it.

        Args:
            name: unique in the network.
            kind: an :class:`~netzwerk.ActorKind` (a person by default).
            joined: the date the actor joined (``datetime.date``), optional.
            interests: texts, in order.
            contacts: ``(Channel, value)`` pairs, in order.
            attrs: a mapping of free attributes.

        If a keyword argument is invalid, the actor is removed again and the
        error raised; its identity stays used (identities are never reused).
        """
        actor = self._wrap_actor(self._h.add_actor(name, ActorKind(kind)))
        try:
            if joined is not None:
                actor.joined = joined
            for interest in interests:
                actor.interests.add(interest)
            for channel, value in contacts:
                actor.contacts.add(channel, value)
            for key, value in (attrs or {}).items():
                actor.attrs[key] = value
        except BaseException:
            actor.remove()
            raise
        return actor

    def actor(self, key):
        """The actor with an identity (int) or a name (str);
        :class:`~netzwerk.NotFoundError` if there is none."""
        if isinstance(key, str):
            return self._wrap_actor(self._h.actor_by_name(key))
        if isinstance(key, int) and not isinstance(key, bool):
            return self._wrap_actor(self._h.actor_by_id(key))
        raise TypeError(f"an actor is found by id (int) or name (str), not {type(key).__name__}")

    def add_tie(self, form, members, start, *, end=None, label=None, imposed=False,
                topics=(), goals=()):
        """Add a tie of a form between two or more actors and return it.

        Args:
            form: a :class:`~netzwerk.Form` (or its letter, 'A' to 'D').
            members: actors of this network, or their names or identities.
            start: the date the tie began (``datetime.date`` or 'YYYY-MM-DD').
            end, label, imposed, topics, goals: set on the new tie; if one
                is invalid, the tie is removed again and the error raised.
        """
        if isinstance(form, str):
            form = Form.from_letter(form)
        handles_ = [self._member(m)._h for m in members]
        tie = self._wrap_tie(self._h.add_tie(Form(form), handles_, start))
        try:
            if label is not None:
                tie.label = label
            if imposed:
                tie.imposed = True
            for topic in topics:
                tie.topics.add(topic)
            for goal in goals:
                tie.goals.add(goal)
            if end is not None:
                tie.end = end
        except BaseException:
            tie.remove()
            raise
        return tie

    def tie(self, id):
        """The tie with an identity; :class:`~netzwerk.NotFoundError` if none."""
        return self._wrap_tie(self._h.tie_by_id(id))

    # -- bulk load ----------------------------------------------------------------

    def reserve(self, actors=0, ties=0):
        """Make room for ``actors`` more actors and ``ties`` more ties before
        a bulk load. Only capacity changes; it is never needed for
        correctness. A negative count is an InvalidArgumentError."""
        self._h.reserve(actors, ties)

    def add_actors(self, names, kind=ActorKind.PERSON):
        """Add one actor of ``kind`` per name, all or nothing (the bulk
        load of actors): the same actors as :meth:`add_actor` one by one,
        but without an Actor object each and in one call into the library.

        Returns:
            The identities of the new actors in the order of the names: a
            ``range``, as they are consecutive.

        Raises:
            ExistsError: a name is taken, or given twice in ``names``.
            InvalidArgumentError: an invalid name (empty, control
                characters, too long); the message names its place, e.g.
                ``names[3]``.
            LimitError: actor identities would run out.
            TypeError: a name that is not a str.

        Nothing is added when an error is raised.
        """
        return self._h.add_actors(names, ActorKind(kind))

    def add_ties(self, form, pairs, start, end=None):
        """Add one tie of two members per pair, all or nothing (the bulk
        load): the same ties as :meth:`add_tie` one by one, but without a
        Tie object each and in one call into the library.

        Args:
            form: the :class:`~netzwerk.Form` of every new tie (or its letter).
            pairs: a sequence of ``(a, b)`` pairs, each an actor identity
                (int) or an :class:`~netzwerk.Actor` of this network; or an
                integer array of shape (n, 2) such as a numpy array, which
                is read without a Python loop (uint32 without a copy).
            start: the date every new tie began.
            end: the date every new tie ended (not before start), optional.

        Returns:
            The identities of the new ties in the order of the pairs: a
            ``range``, as they are consecutive.

        Raises:
            NotFoundError: an identity names no actor of the network; the
                message names the place, e.g. ``pairs[3][1]``.
            InvalidArgumentError: a pair names one actor twice, an Actor is
                of another network, a pair has not two members, an
                identity is negative or too large, an invalid date.
            LimitError: tie identities would run out.
            TypeError: a pair or a member of a wrong type.

        Nothing is added when an error is raised.
        """
        if isinstance(form, str):
            form = Form.from_letter(form)
        form = Form(form)
        if end is not None and _core.days(end) < _core.days(start):
            raise InvalidArgumentError("end: the ties cannot end before they start")
        ids = self._h.add_ties(form, pairs, start)
        if end is not None:
            try:
                for id_ in ids:
                    self._h.tie_by_id(id_).set_end(end)
            except BaseException:
                for id_ in ids:
                    self._h.tie_by_id(id_).remove()
                raise
        return ids

    @classmethod
    def from_networkx(cls, graph, name=None, form=Form.KONTAKT, start=None, *,
                      name_attr=None, kind=ActorKind.PERSON):
        """A new network built from a NetworkX graph with the bulk calls.

        Every node becomes an actor, named by its attribute ``name_attr``
        or else ``str(node)`` (names must be unique), of the node's
        attribute ``kind`` if it has one (an :class:`~netzwerk.ActorKind` or
        its name, ``'group'``, as :meth:`to_networkx` writes), else of
        ``kind``; identities follow the order of the nodes. Every
        edge becomes a tie of two members from ``start``, of the edge's
        attribute ``form`` if it has one (a :class:`~netzwerk.Form` or
        letters: ``'BC'``, as :meth:`to_networkx` writes for a pair with a
        cooperation and a contact, gives one tie of each form), else of
        ``form``. Parallel edges of a multigraph and both directions of a
        directed graph are ties of their own.

        Args:
            graph: a ``networkx`` graph of any kind.
            name: the network's name; None: ``graph.graph['name']`` or
                'NetworkX'.
            form: the form of edges without a ``form`` attribute.
            start: the date the ties began; None: ``graph.graph['as_of']``
                (set by :meth:`to_networkx`), else a TypeError.
            name_attr: the node attribute that holds the actor's name.
            kind: the :class:`~netzwerk.ActorKind` of nodes without ``kind``.

        Raises the errors of :meth:`add_actors` and :meth:`add_ties`, and
        InvalidArgumentError for a self-loop, a node without ``name_attr``
        or an unknown kind; no network is made then.
        """
        if start is None:
            start = graph.graph.get("as_of")
            if start is None:
                raise TypeError("from_networkx() needs start: the date the ties began")
        if name is None:
            name = graph.graph.get("name") or "NetworkX"
        kind = ActorKind(kind)
        default_forms = (Form.from_letter(form),) if isinstance(form, str) else (Form(form),)

        def forms_of_edge(data):
            value = data.get("form")
            if value is None:
                return default_forms
            if isinstance(value, str):
                return tuple(Form.from_letter(letter) for letter in value)
            return (Form(value),)

        def kind_of_node(node, data):
            value = data.get("kind")
            if value is None:
                return kind
            if isinstance(value, str):
                if value.upper() not in ActorKind.__members__:
                    raise InvalidArgumentError(f"node {node!r}: no actor kind {value!r}")
                return ActorKind[value.upper()]
            return ActorKind(value)

        names, kinds = [], []
        for node, data in graph.nodes(data=True):
            if name_attr is None:
                names.append(str(node))
            elif name_attr in data:
                names.append(data[name_attr])
            else:
                raise InvalidArgumentError(f"node {node!r} has no attribute {name_attr!r}")
            kinds.append(kind_of_node(node, data))
        by_form = {}
        for u, v, data in graph.edges(data=True):
            if u == v:
                raise InvalidArgumentError(f"edge ({u!r}, {v!r}): a tie joins two actors, "
                                           "not one with itself")
            for f in forms_of_edge(data):
                by_form.setdefault(f, []).append((u, v))

        net = cls(name)
        try:
            net.reserve(len(names), sum(len(edges) for edges in by_form.values()))
            ids = []
            i = 0
            while i < len(names):  # one call per run of nodes of one kind
                j = i + 1
                while j < len(names) and kinds[j] == kinds[i]:
                    j += 1
                ids.extend(net._h.add_actors(names[i:j], kinds[i]))
                i = j
            index = dict(zip(graph.nodes, ids))
            for f, edges in sorted(by_form.items()):
                net._h.add_ties(f, [(index[u], index[v]) for u, v in edges], start)
        except BaseException:
            net.close()
            raise
        return net

    def _member(self, member):
        from .actor import Actor
        if isinstance(member, Actor):
            return member
        return self.actor(member)

    def _wrap_actor(self, handle):
        from .actor import Actor
        return Actor._wrap(self, handle)

    def _wrap_tie(self, handle):
        from .tie import Tie
        return Tie._wrap(self, handle)

    # -- validation and files --------------------------------------------------------

    @classmethod
    def _wrap(cls, handle):
        net = cls.__new__(cls)
        net._h = handle
        return net

    @_named("validate")
    def validate(self, as_of, **thresholds):
        """Validate the network against the five principles as of a date
        and return a :class:`~netzwerk.Report`.

        Keyword thresholds, in days (0 switches the rules that use one
        off; see ``netzwerk.VALIDATE_DEFAULTS``): ``dormant_days_begegnung``,
        ``dormant_days_kooperation``, ``dormant_days_kontakt``,
        ``dormant_days_gruppe`` (LANG-001), ``contact_grace_days``
        (LANG-002), ``new_window_days`` (DYN-001, DYN-002), ``young_days``
        (LANG-003). The report stays readable after the network is closed.
        """
        from .report import Report
        return Report._wrap(self._h.validate(as_of, thresholds))

    @_named("save")
    def save(self, path, format=None, **opts):
        """Save the network to a file, atomically: native JSON, or GraphML
        for ``.graphml`` / ``.xml`` or ``format=FileFormat.GRAPHML``. The
        folder must exist (else :class:`~netzwerk.NetzwerkIOError`).
        Options: ``no_sync=True`` skips the fsync; ``consented_only=True``
        with ``consent_as_of=date`` (and ``consent_purpose=``, else the
        general purpose) leaves out actors without valid consent."""
        from . import files
        files.save(self, path, format, **opts)

    @_named("dumps")
    def dumps(self, format=None, **opts):
        """The network as the text of a file (native unless ``format`` says GraphML)."""
        from . import files
        return files.dumps(self, format, **opts)

    @_named("save_csv")
    def save_csv(self, actors_path, ties_path=None, **opts):
        """Save the network as ``actors.csv`` and (unless None) ``ties.csv``,
        each atomically. Options: ``csv_separator=';'``, ``csv_bom=True``
        (for Excel), ``no_sync=True``. Interaction logs and checklists are
        not part of CSV."""
        from . import files
        files.save_csv(self, actors_path, ties_path, **opts)

    @_named("dumps_csv")
    def dumps_csv(self, **opts):
        """The texts of ``actors.csv`` and ``ties.csv``, as a tuple."""
        from . import files
        return files.dumps_csv(self, **opts)

    # -- analysis (netzwerk.analysis) ---------------------------------------------

    @_named("snapshot")
    def snapshot(self, as_of, *, weighted=False, forms=None, strong=None, **options):
        """Take a :class:`~netzwerk.Snapshot` of the network as of a date: the
        structure that degree, betweenness, harmonic closeness, local
        clustering, cores, components, brokers, bridges and figures are
        computed on.

        Args:
            as_of: the date (``datetime.date`` or 'YYYY-MM-DD').
            weighted: True: a pair's weight is its strength (multiplexity of
                its ties' strengths) and paths have the length 1/weight;
                False: every pair weighs 1.
            forms: the forms of the ties to include (a Form, an iterable of
                forms, or letters such as 'BD'); None: all.
            strong: True / False: only the strong (B, D) / weak (A, C) forms.
            options: analysis options by name (``netzwerk.SNAPSHOT_DEFAULTS``),
                e.g. ``half_life_kooperation=30``; an unknown name is a TypeError.
        """
        from . import analysis
        return analysis.snapshot(self, as_of, weighted, forms, strong, **options)

    @_named("figures")
    def figures(self, as_of, *, weighted=False, forms=None, strong=None, **options):
        """The key :class:`~netzwerk.Figures` of the network as of a date
        (size, ties by form and state, density, components, paths, cores, ...).
        Takes the options of :meth:`snapshot`."""
        return self.snapshot(as_of, weighted=weighted, forms=forms, strong=strong,
                             **options).figures()

    @_named("change")
    def change(self, before, after, *, weighted=False, forms=None, strong=None, **options):
        """What changed between two dates: a :class:`~netzwerk.Change` with
        the figures of both and the actors and ties that came and went.
        Takes the options of :meth:`snapshot`."""
        kw = dict(weighted=weighted, forms=forms, strong=strong, **options)
        return self.snapshot(before, **kw).compare(self.snapshot(after, **kw))

    @_named("timeline")
    def timeline(self, start, end, step=30, *, weighted=False, forms=None, strong=None,
                 **options):
        """The figures at start, start + step, ... up to end (the dynamic
        network): a :class:`~netzwerk.Timeline` (a list of
        :class:`~netzwerk.Figures` with ``to_pandas()``). ``step`` in days
        (or a ``datetime.timedelta``). Takes the options of :meth:`snapshot`."""
        from . import analysis
        return analysis.timeline(self, start, end, step, forms, strong,
                                 weighted=bool(weighted), **options)

    @_named("losing_touch")
    def losing_touch(self, as_of, *, forms=None, strong=None, **options):
        """The ties losing touch on a date, oldest contact first: a list of
        :class:`~netzwerk.Touch` (tie, form, last_contact, days, overdue).
        A tie is losing touch when its last contact is more than its form's
        ``touch_ideal_<form>`` days old, overdue past ``touch_max_<form>``."""
        from . import analysis
        return analysis.losing_touch(self, as_of, forms, strong, **options)

    @_named("to_networkx")
    def to_networkx(self, as_of, weighted=True, *, forms=None, strong=None, **options):
        """The network as of a date as a ``networkx.Graph`` (the date is
        required: the library never reads the clock, so results are
        reproducible).

        Nodes are the actors of :meth:`snapshot` (key: identity) with
        attributes name, kind, joined, interests, attrs; edges are its pairs
        with weight (the pair's strength if ``weighted``, else 1.0),
        distance (1/weight, for shortest paths), ties (tie identities),
        forms (their Forms), form (their letters, e.g. 'BC'), strong and
        multiplex (the number of ties). Imports NetworkX only here.
        """
        from . import analysis
        return analysis.to_networkx(self, as_of, weighted, forms, strong, **options)

    def to_pandas(self):
        """Two pandas DataFrames: the actors (index id; name, kind, joined,
        interests, ties) and the ties (index id; form, strong, members,
        member_names, start, end, label, imposed, topics, interactions,
        last_interaction). Imports pandas only here."""
        from . import analysis
        return analysis.network_to_pandas(self)

    # -- Python protocols ----------------------------------------------------------

    def __contains__(self, item):
        """``actor in net`` / ``tie in net``: a live actor or tie of this network;
        ``"Name" in net``: an actor with this name."""
        return item in self.actors or item in self.ties

    def __repr__(self):
        if self.closed:
            return "<Network (closed)>"
        return (f"<Network {self.name!r}: {len(self.actors)} actors, "
                f"{len(self.ties)} ties>")


class Actors:
    """The actors of a network, in order of identity (a live view).

    ``len()``, iteration, ``in`` (an :class:`~netzwerk.Actor` or a name).
    Iterating while adding or removing actors is safe.
    """

    __slots__ = ("_network",)

    def __init__(self, network):
        self._network = network

    def __len__(self):
        return self._network._h.actor_count()

    def __iter__(self):
        net = self._network
        for handle in handles(net._h.actors()):
            yield net._wrap_actor(handle)

    def __contains__(self, item):
        from .actor import Actor
        net = self._network
        try:
            if isinstance(item, str):
                net._h.actor_by_name(item)
                return True
            if isinstance(item, Actor):
                return item.network is net and net._h.actor_by_id(item.id).equals(item._h)
        except Error:
            return False
        return False

    def __repr__(self):
        return f"<Actors of {self._network!r}>"


class Ties:
    """Ties of a network or of an actor, of some forms (a live view).

    ``len()``, iteration in order of identity, ``in``. Call the view to
    select forms: ``ties(Form.KOOPERATION)``, ``ties([Form.KONTAKT,
    Form.BEGEGNUNG])``, ``ties(strong=True)``.
    """

    __slots__ = ("_owner", "_mask")

    def __init__(self, owner, mask=_ALL):
        self._owner = owner  # a Network or an Actor
        self._mask = mask

    def __call__(self, form=None, *, strong=None):
        return Ties(self._owner, self._mask & form_mask(form, strong))

    @property
    def forms(self):
        """The selected forms."""
        return forms_of(self._mask)

    def __len__(self):
        return self._owner._h.tie_count(self._mask)

    def __iter__(self):
        net = self._owner if isinstance(self._owner, Network) else self._owner.network
        for handle in handles(self._owner._h.ties(self._mask)):
            yield net._wrap_tie(handle)

    def __contains__(self, item):
        from .tie import Tie
        if not isinstance(item, Tie):
            return False
        try:
            if item.form not in self.forms:
                return False
            if isinstance(self._owner, Network):
                return (item.network is self._owner
                        and self._owner._h.tie_by_id(item.id).equals(item._h))
            return self._owner in item.members
        except Error:
            return False

    def __repr__(self):
        forms = "".join(sorted(f.letter for f in self.forms))
        return f"<Ties {forms} of {self._owner!r}>"
