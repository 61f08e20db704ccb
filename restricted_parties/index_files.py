"""Match indexes saved to files, so that each list version is built once and every web and
worker process on a machine reads the same copy. Plain Python and numpy, no Django.

One file per list version, `<name>-<matcher>.idx`, where `matcher` changes whenever the
matching code, the reading of names (`taxonomy.visible`), numpy or a package names are
read with does (an upgrade never reads an index built by other code):

    magic | numpy arrays, each 64-byte aligned | pickled Python objects | manifest (JSON)
    | manifest length (8 bytes) | magic

The arrays are mapped read-only (`mmap`), so processes share their pages through the
operating system's page cache; the Python objects (vocabulary, entry records) are
unpickled into each process. The manifest, written last, holds each part's place, the
body's size and a keyed BLAKE2b digest of the body: a truncated, corrupt or foreign file
is refused (and rebuilt by the caller), never unpickled. A file is written under a
temporary name and renamed into place, so readers see a whole file or none; a lock file
(`flock`) keeps two processes from building the same version at once.
"""

from __future__ import annotations

import fcntl
import json
import logging
import mmap
import os
import pickle
import struct
import tempfile
import time
import unicodedata
from collections.abc import Callable, Collection
from contextlib import contextmanager
from hashlib import blake2b
from importlib import metadata
from pathlib import Path

import numpy as np

from taxonomy import visible

from . import matching, names

log = logging.getLogger(__name__)

MAGIC = b"HRDDMIX1"
ALIGN = 64
SUFFIX = ".idx"
#: How many indexes this process built and loaded from files (read by tests and metrics).
counts = {"built": 0, "loaded": 0}


# The packages names are read with (transliteration, the confusables table, the fuzzy
# scorers): an upgrade of one may change a listed name's comparison key.
_READING_PACKAGES = ("Unidecode", "confusable_homoglyphs", "RapidFuzz")


def _matcher_version() -> str:
    digest = blake2b(np.__version__.encode(), digest_size=6)
    # Python's own Unicode tables (NFKC, categories) decide a name's key too.
    digest.update(f"|unicode={unicodedata.unidata_version}".encode())
    for package in _READING_PACKAGES:
        digest.update(f"|{package}={metadata.version(package)}".encode())
    # Every module of the matching package, and the reading of names it relies on
    # (`taxonomy.visible`: which characters are invisible or read as spaces): a change
    # to any of them changes the listed names' keys, so the index is built again.
    sources = sorted(Path(matching.__file__).parent.glob("*.py"))
    for source in [*sources, Path(names.__file__), Path(visible.__file__), Path(__file__)]:
        digest.update(source.read_bytes())
    return digest.hexdigest()


MATCHER_VERSION = _matcher_version()


def index_path(directory: Path, name: str) -> Path:
    return Path(directory) / f"{name}-{MATCHER_VERSION}{SUFFIX}"


def _digest(secret: bytes, body) -> str:
    return blake2b(body, key=blake2b(secret).digest(), digest_size=32).hexdigest()


def index_save(index: matching.MatchIndex, path: Path, *, secret: bytes) -> int:
    """Write `index` to `path` atomically; returns the file's size in bytes."""
    arrays, objects = index.state()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            digest = blake2b(key=blake2b(secret).digest(), digest_size=32)

            def put(data) -> None:
                fh.write(data)
                digest.update(data)

            put(MAGIC)
            places = {}
            for key, array in arrays.items():
                array = np.ascontiguousarray(array)
                put(b"\0" * (-fh.tell() % ALIGN))
                places[key] = [array.dtype.str, list(array.shape), fh.tell()]
                put(memoryview(array).cast("B"))
            data = pickle.dumps(objects, protocol=pickle.HIGHEST_PROTOCOL)
            pickled = [fh.tell(), len(data)]
            put(data)
            size = fh.tell()
            manifest = json.dumps(
                {
                    "matcher": MATCHER_VERSION,
                    "arrays": places,
                    "pickle": pickled,
                    "size": size,
                    "digest": digest.hexdigest(),
                }
            ).encode()
            fh.write(manifest + struct.pack("<Q", len(manifest)) + MAGIC)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path.stat().st_size


class IndexFileError(Exception):
    """The file is not a whole index written by this matcher with this secret."""


def index_load(path: Path, *, secret: bytes) -> matching.MatchIndex:
    """The index saved in `path`, its arrays mapped read-only. Raises FileNotFoundError
    when there is no file and IndexFileError when it is truncated, corrupt or foreign."""
    with open(path, "rb") as fh:
        total = os.fstat(fh.fileno()).st_size
        if total < 2 * len(MAGIC) + 8:
            raise IndexFileError("too short")
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mm)
    try:
        if view[: len(MAGIC)] != MAGIC or view[-len(MAGIC) :] != MAGIC:
            raise IndexFileError("not an index file, or cut short")
        (length,) = struct.unpack("<Q", view[-len(MAGIC) - 8 : -len(MAGIC)])
        start = total - len(MAGIC) - 8 - length
        if start < len(MAGIC):
            raise IndexFileError("bad manifest length")
        manifest = json.loads(bytes(view[start : start + length]))
        if manifest.get("matcher") != MATCHER_VERSION or manifest.get("size") != start:
            raise IndexFileError("written by other matching code, or cut short")
        if _digest(secret, view[:start]) != manifest["digest"]:
            raise IndexFileError("checksum differs (corrupt, or written with another key)")
        arrays = {}
        for key, (dtype, shape, offset) in manifest["arrays"].items():
            count = int(np.prod(shape, dtype=np.int64))
            arrays[key] = np.frombuffer(mm, dtype=np.dtype(dtype), count=count, offset=offset)
            arrays[key] = arrays[key].reshape(shape)
        offset, size = manifest["pickle"]
        objects = pickle.loads(view[offset : offset + size])
    except IndexFileError:
        raise
    except (ValueError, KeyError, TypeError, pickle.UnpicklingError, struct.error) as exc:
        raise IndexFileError(f"unreadable: {exc}") from exc
    finally:
        view.release()
    return matching.MatchIndex.from_state(arrays, objects)


@contextmanager
def _build_lock(path: Path):
    """Held while building `path`; other processes wanting it wait, then load it."""
    with open(path.with_name(path.name + ".lock"), "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _try_load(path: Path, secret: bytes) -> matching.MatchIndex | None:
    try:
        index = index_load(path, secret=secret)
    except FileNotFoundError:
        return None
    except (IndexFileError, OSError) as exc:
        log.warning("Match index file %s refused (%s); rebuilding it", path, exc)
        return None
    counts["loaded"] += 1
    return index


def index_load_or_build(
    directory: Path,
    name: str,
    build: Callable[[], matching.MatchIndex],
    *,
    secret: bytes,
    keep: Collection[str] = (),
) -> matching.MatchIndex:
    """The index called `name` from its file, else built by `build()` (by one process at
    a time), saved, and the files of indexes not named in `keep` (superseded versions)
    deleted. A directory that cannot be written costs a build per process, never a
    failed screening."""
    path = index_path(directory, name)
    index = _try_load(path, secret)
    if index is not None:
        return index
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(path):
            index = _try_load(path, secret)  # built by another process while we waited
            if index is not None:
                return index
            index = build()
            counts["built"] += 1
            size = index_save(index, path, secret=secret)
            log.info("Match index %s built and saved (%d bytes)", path.name, size)
    except OSError as exc:
        log.warning("Match index %s could not be saved (%s); kept in this process", name, exc)
        if index is None:
            index = build()
            counts["built"] += 1
        return index
    index_files_prune(directory, {name, *keep})
    return _try_load(path, secret) or index


def index_files_prune(directory: Path, keep: Collection[str]) -> list[Path]:
    """Delete the index files (and their lock files) of every name not in `keep`, and
    those written by other matching code; returns what was deleted. A process that still
    has a deleted file mapped keeps reading it until it lets go."""
    wanted = {index_path(directory, name).name for name in keep}
    deleted = []
    for path in Path(directory).glob(f"*{SUFFIX}*"):
        base = path.name.removesuffix(".lock")
        stale = base.endswith(SUFFIX) and base not in wanted
        try:  # a temporary file left by a process killed while writing
            stale = stale or (path.suffix == ".tmp" and time.time() - path.stat().st_mtime > 3600)
            if stale:
                path.unlink(missing_ok=True)
                deleted.append(path)
        except FileNotFoundError:
            continue
    return deleted
