"""The exceptions of netzwerk: one class per kind of failure.

Every call into libnetzwerk that fails raises a subclass of :class:`Error`.
``str(error)`` is the library's detailed message (it names identities,
not other people's names) and ``error.code`` the library's negative
``nw_error`` code. Where a built-in exception means the same, the class
derives from it too, so that ``except ValueError`` or ``except OSError``
work as a Python programmer expects.
"""

from . import _core

__all__ = [
    "Error",
    "InvalidArgumentError",
    "NotFoundError",
    "ExistsError",
    "StaleError",
    "FormatError",
    "NetzwerkIOError",
    "OutOfMemoryError",
    "LimitError",
    "BusyError",
]


class Error(Exception):
    """Base class of every error libnetzwerk reports.

    Attributes:
        code: the library's error code (a negative ``nw_error``), also on the
            class for each subclass.
        line, column: where a load failed in its input (1-based; the column
            counts bytes), or None.
        where: the place of a failed load: a JSON path (``$.actors[4].name``),
            a CSV place (``ties.csv row 7, column start``) or a GraphML
            element (``edge 'e3'``), or None.
    """

    code = _core.ERROR
    line = None
    column = None
    where = None

    @property
    def message(self):
        """The library's detailed message."""
        return str(self)


class InvalidArgumentError(Error, ValueError):
    """An argument is invalid: bad text, a date that does not exist, an
    actor of another network, a tie that would keep fewer than two members."""

    code = _core.EINVAL


class NotFoundError(Error, LookupError):
    """No such actor, tie, topic, item or index."""

    code = _core.ENOTFOUND


class ExistsError(Error):
    """Already there: an actor name, a topic, a member, a contact."""

    code = _core.EEXISTS


class StaleError(Error, ReferenceError):
    """The object refers to something removed, or its network was closed."""

    code = _core.ESTALE


class FormatError(Error, ValueError):
    """Input data (a file, a string) is malformed."""

    code = _core.EFORMAT


class NetzwerkIOError(Error, OSError):
    """Reading or writing a file failed."""

    code = _core.EIO


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory; the network is unchanged."""

    code = _core.ENOMEM


class LimitError(Error):
    """A limit was exceeded: identities used up, text too long."""

    code = _core.ELIMIT


class BusyError(Error):
    """The operation is not possible now."""

    code = _core.EBUSY


# The low-level module raises these classes by code (RuntimeError before).
_core._set_error_classes({cls.code: cls for cls in (Error,) + tuple(Error.__subclasses__())})
