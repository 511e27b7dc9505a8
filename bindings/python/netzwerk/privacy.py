"""Data protection (DSGVO / GDPR): consent records, erasure, access export
and pseudonymised copies (docs/data-protection.md).

The methods live on :class:`~netzwerk.Actor` and :class:`~netzwerk.Network`
(mixed in from here). Saving with ``consented_only=True``,
``consent_as_of=date`` and optionally ``consent_purpose="..."`` leaves out
the actors without valid consent (see :meth:`Network.save`).

Example::

    import datetime, secrets, netzwerk as nw
    D = datetime.date
    with nw.Network("Schulweg Nordstadt") as net:
        maria = net.add_actor("Maria Müller")
        maria.give_consent(D(2025, 1, 10), source="Anmeldebogen")
        i = maria.give_consent(D(2025, 3, 1), "Fotos", type=nw.ConsentType.OPT_OUT)
        maria.has_consent(D(2025, 6, 1))            # True (taking part)
        maria.has_consent(D(2025, 6, 1), "Fotos")   # False (she objected)
        copy = net.pseudonymise(secrets.token_bytes(32))
        text = maria.export()                       # JSON (Art. 15)
        maria.erase()                               # Art. 17
"""

import json
from collections import namedtuple

from . import _core
from .enums import _NamedEnum

__all__ = ["ConsentType", "ConsentRecord", "PSEUDONYM_KEY_MIN"]

#: The shortest key :meth:`Network.pseudonymise` accepts, in bytes.
PSEUDONYM_KEY_MIN = _core.PSEUDONYM_KEY_MIN


class ConsentType(_NamedEnum):
    """What the person decided: agreed (opt-in) or declined / objected (opt-out)."""

    OPT_IN = _core.CONSENT_OPT_IN
    OPT_OUT = _core.CONSENT_OPT_OUT


ConsentRecord = namedtuple(
    "ConsentRecord", "index given type purpose source text note expires withdrawn")
ConsentRecord.__doc__ = (
    "One consent record of an actor: its position (``index``, for "
    ":meth:`Actor.withdraw_consent`), the day it was ``given``, its "
    ":class:`ConsentType`, the ``purpose`` ('' for the general purpose, taking "
    "part in the network), ``source``, ``text`` and ``note`` ('' when absent), "
    "and the days it ``expires`` and was ``withdrawn`` (``datetime.date`` or None).")


class ActorPrivacy:
    """Consent records, erasure and access export of an actor (mixed into Actor)."""

    __slots__ = ()

    @property
    def consents(self):
        """The consent records, in the order added: a list of
        :class:`ConsentRecord`. Withdrawn records stay (with their date)."""
        h = self._h
        return [ConsentRecord(i, h.consent_date(i, "given"), ConsentType(h.consent_type(i)),
                              h.consent_text(i, "purpose"), h.consent_text(i, "source"),
                              h.consent_text(i, "text"), h.consent_text(i, "note"),
                              h.consent_date(i, "expires"), h.consent_date(i, "withdrawn"))
                for i in range(h.consent_count())]

    def give_consent(self, on, purpose=None, *, type=ConsentType.OPT_IN, source=None,
                     text=None, note=None, expires=None, withdrawn=None):
        """Add a consent record and return its index.

        Args:
            on: the day of the decision (``datetime.date`` or 'YYYY-MM-DD').
            purpose: what it is for; None or '' for the general purpose
                (taking part in the network).
            type: :class:`ConsentType` (an opt-in unless said otherwise).
            source, text, note: how it was obtained, the wording agreed
                to, anything else.
            expires: the day it runs out; withdrawn: the day it was
                withdrawn, for importing a history.
        """
        self._h.add_consent(on, ConsentType(type), purpose, source, text, note, expires,
                            withdrawn)
        return self._h.consent_count() - 1

    def withdraw_consent(self, on, index=None):
        """Record that consent was withdrawn on a day: the record at ``index``
        (a position or a :class:`ConsentRecord` of :attr:`consents`; negative
        counts from the end), or without one the current general consent.
        The record stays, with the date."""
        if index is None:
            self._h.withdraw_consent(on)
            return
        if isinstance(index, ConsentRecord):
            index = index.index
        if index < 0:
            index += self._h.consent_count()
            if index < 0:
                raise IndexError("consent index out of range")
        self._h.withdraw_consent_at(index, on)

    def has_consent(self, as_of, purpose=None):
        """Whether consent for ``purpose`` (None: the general purpose, taking
        part in the network) is valid as of a day: of the records of exactly
        that purpose in force then, the one given last is an opt-in.
        (``as_of`` names the day a query looks at; ``on`` of
        :meth:`give_consent` and :meth:`withdraw_consent` the day a decision
        was made.)"""
        return self._h.consent_valid(as_of, purpose)

    def erase(self):
        """Erase the actor completely (Art. 17 DSGVO): its record, its place
        in ties (ties left with one member go), and every mention of it in
        the network's other texts, replaced by '[…]'. Returns the number of
        texts redacted. Afterwards the object is stale."""
        return self._h.erase()

    def export(self, as_dict=False):
        """Everything the network holds about the actor (Art. 15 DSGVO), as
        JSON text, or parsed into a dict with ``as_dict=True``. Other people
        appear by identity only; free texts may mention them: review before
        handing it out."""
        text = self._h.export()
        return json.loads(text) if as_dict else text


class NetworkPrivacy:
    """The pseudonymised copy of a network (mixed into Network)."""

    __slots__ = ()

    def pseudonymise(self, key, *, keep_network_name=False, keep_topics=False,
                     keep_purposes=False):
        """A new :class:`Network` with every text replaced by a pseudonym
        derived with HMAC-SHA-256 under ``key`` (bytes, at least
        ``PSEUDONYM_KEY_MIN``): the same key gives the same pseudonyms.
        Identities, dates, forms and structure are kept, so every analysis
        result is the same. The ``keep_*`` flags keep those texts as they
        are. Keep the key apart from the copy."""
        if isinstance(key, str) or not isinstance(key, (bytes, bytearray, memoryview)):
            raise TypeError(f"the key must be bytes, not {type(key).__name__} "
                            "(encode a text key, or better use secrets.token_bytes(32))")
        keep = ((_core.PSEUDONYM_KEEP_NETWORK_NAME if keep_network_name else 0)
                | (_core.PSEUDONYM_KEEP_TOPICS if keep_topics else 0)
                | (_core.PSEUDONYM_KEEP_PURPOSES if keep_purposes else 0))
        return type(self)._wrap(self._h.pseudonymise(key, keep))
