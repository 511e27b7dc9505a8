"""Loading and saving networks: the native JSON format, GraphML and CSV.

- :func:`load` / :meth:`Network.save`: a file, native or GraphML (chosen by
  the extension: ``.graphml`` and ``.xml`` are GraphML, anything else is
  native), or ``format=`` a :class:`FileFormat` or 'native' / 'graphml'.
- :func:`loads` / :meth:`Network.dumps`: the same as text.
- :func:`load_csv` / :meth:`Network.save_csv` (and :func:`loads_csv` /
  :meth:`Network.dumps_csv`): ``actors.csv`` and ``ties.csv``.

Saving is atomic: the old file stays intact if anything fails. A failed
load raises :class:`~netzwerk.FormatError` (malformed content),
:class:`~netzwerk.LimitError`, :class:`~netzwerk.NetzwerkIOError` (the file
cannot be read) or :class:`~netzwerk.InvalidArgumentError` (bad options);
where the library knows the place, the error has ``line``, ``column`` and
``where`` (a JSON path such as ``$.ties[3].members[1]``, a CSV place or a
GraphML element).

Load options (keyword arguments): ``max_bytes``, ``max_actors``,
``max_ties``, ``max_items``, ``max_depth`` (limits against hostile files, 0
for the default), ``default_start`` (GraphML and CSV: the start of a tie
that names none), ``default_form`` (GraphML: the form of an edge that names
none), ``name`` (GraphML and CSV: the network's name if the file has none),
``csv_separator`` (',' or ';'; detected by default). Save options:
``no_sync`` (skip fsync), ``csv_bom`` (a UTF-8 byte-order mark for Excel),
``csv_separator``.
"""

import os

from . import _core
from .enums import _NamedEnum
from .errors import _named

__all__ = ["FileFormat", "load", "loads", "load_csv", "loads_csv", "FORMAT_VERSION"]

#: The version of the native format this library writes (and the newest it reads).
FORMAT_VERSION = _core.FORMAT_VERSION


class FileFormat(_NamedEnum):
    """A file format for :func:`load` and :meth:`Network.save`."""

    AUTO = _core.FORMAT_AUTO
    """By the file name's extension; for text by its first character."""
    NATIVE = _core.FORMAT_NATIVE
    """The native JSON format: everything, with identities."""
    GRAPHML = _core.FORMAT_GRAPHML
    """GraphML, for Gephi, yEd, NetworkX and igraph."""


def _options(format, opts):
    if format is not None:
        opts["format"] = format if isinstance(format, str) else int(FileFormat(format))
    return opts


def _network(handle):
    from .network import Network
    return Network._wrap(handle)


@_named("load")
def load(path, format=None, **opts):
    """Load a network from a file (native or GraphML) and return it.

    Args:
        path: a str or path-like object.
        format: None (by the extension), a :class:`FileFormat`, or
            'native' / 'graphml'.
        **opts: load options (see the module's documentation).
    """
    return _network(_core.load(os.fspath(path), _options(format, opts)))


@_named("loads")
def loads(text, format=None, **opts):
    """Load a network from the text of a file (str or bytes); the format
    is found from the first character unless given."""
    return _network(_core.load_buffer(text, _options(format, opts)))


@_named("load_csv")
def load_csv(actors_path, ties_path=None, **opts):
    """Load a network from ``actors.csv`` and, optionally, ``ties.csv``."""
    ties = None if ties_path is None else os.fspath(ties_path)
    return _network(_core.load_csv(os.fspath(actors_path), ties, opts))


@_named("loads_csv")
def loads_csv(actors, ties=None, **opts):
    """Load a network from the texts of ``actors.csv`` and, optionally, ``ties.csv``."""
    return _network(_core.load_csv_buffer(actors, ties, opts))


# The Network methods (network.py delegates here).

def save(network, path, format=None, **opts):
    network._h.save(os.fspath(path), _options(format, opts))


def dumps(network, format=None, **opts):
    return network._h.save_buffer(_options(format, opts))


def save_csv(network, actors_path, ties_path=None, **opts):
    ties = None if ties_path is None else os.fspath(ties_path)
    network._h.save_csv(os.fspath(actors_path), ties, opts)


def dumps_csv(network, **opts):
    return network._h.save_csv_buffer(opts)
