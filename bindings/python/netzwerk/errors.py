"""The exceptions of netzwerk: one class per kind of failure.

Every call into libnetzwerk that fails raises a subclass of :class:`Error`.
``str(error)`` is the library's detailed message (it names identities,
not other people's names) and ``error.code`` the library's negative
``nw_error`` code. Where a built-in exception means the same, the class
derives from it too, so that ``except ValueError`` or ``except OSError``
work as a Python programmer expects.
"""

import functools
import importlib
import re

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


# ---- error messages in the words of the Python API (private helpers) -------------------

# The low-level module names its option tables (save, load, snapshot, validate);
# the user called a method of the package.
# (figures() calls snapshot(), whose message names snapshot() already.)
_LOW_LEVEL_CALL = re.compile(r"^(?:save|load|snapshot|validate)(\(\) got|\(\):|:)")
# The library names the per-form analysis options by their C field.
_FORM_OPTION = re.compile(r"^options form\[([A-D])\]\.")
_FORM_FIELDS = re.compile(r"\b(base|half_life|dormant_after|touch_ideal|touch_max)\b")
_FORM_NAMES = {"A": "begegnung", "B": "kooperation", "C": "kontakt", "D": "gruppe"}
_WEIGHTS = "weight_base, weight_age, weight_tending and weight_recency"


def _python_message(text, called):
    """A low-level message in the words of the call the user made."""
    text = _LOW_LEVEL_CALL.sub(
        lambda m: called + ("() got" if m.group(1) == "() got" else "():"), text)
    match = _FORM_OPTION.match(text)
    if match:  # "options form[B].half_life must be > 0": half_life_kooperation
        suffix = _FORM_NAMES[match.group(1)]
        return "option " + _FORM_FIELDS.sub(lambda m: f"{m.group(1)}_{suffix}",
                                            text[match.end():])
    if text.startswith("options weight_* "):
        return f"options {_WEIGHTS} " + text[len("options weight_* "):]
    if text.startswith("options "):
        return "option " + text[len("options "):]
    return text


def _named(called):
    """Decorate a public method that takes options by keyword: its errors
    name ``called`` (not the low-level table) and the keywords the user
    wrote (not the C option fields)."""
    def decorate(func):
        @functools.wraps(func)
        def call(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except (TypeError, Error) as error:
                if error.args and isinstance(error.args[0], str):
                    error.args = (_python_message(error.args[0], called),) + error.args[1:]
                raise
        return call
    return decorate


#: The Debian package of each optional dependency.
_DEBIAN_PACKAGES = {"pandas": "python3-pandas", "networkx": "python3-networkx",
                    "numpy": "python3-numpy", "matplotlib": "python3-matplotlib"}


def _optional(module, needed_by):
    """Import an optional dependency for ``needed_by``, or raise a
    ModuleNotFoundError (an ImportError) that says how to install it."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        package = _DEBIAN_PACKAGES[module]
        raise ModuleNotFoundError(
            f"{needed_by} needs {module}, which cannot be imported ({error}); install it: "
            f"on Debian 'apt-get install {package}', with pip "
            f"'pip install netzwerk[{module}]'", name=error.name) from error
