"""A saved match index is rebuilt when the way names are read changes, not only when the
list is imported again: an index file written before blank-looking characters (the Hangul
fillers, the braille blank) were read as spaces keeps the old comparison keys of the
listed names, and a word-order variant of a disguised listed name then goes unmatched."""

from __future__ import annotations

from hashlib import blake2b
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

import taxonomy.visible
from restricted_parties import index_files, matching, names, selectors
from restricted_parties.services import restricted_party_list_import

LISTED = (
    "id,schema,name,aliases,countries\n"
    "kp-1,Company,Sable\u3164Trading Company,,kp\n"
    "oth-2,Company,Velvet Meridian Logistics,,sy\n"
)
# How names were read before: only line and paragraph separators and NUL became spaces.
BEFORE = dict.fromkeys(map(ord, "\u2028\u2029\x85\x00"), " ")


def _names_caches_clear() -> None:
    for value in vars(names).values():
        if hasattr(value, "cache_clear"):
            value.cache_clear()


def _version_before() -> str:
    """The matcher version as files were named before: the matching code and numpy, not
    the reading of names it relies on."""
    digest = blake2b(np.__version__.encode(), digest_size=6)
    sources = sorted(Path(matching.__file__).parent.glob("*.py"))
    for source in [*sources, Path(names.__file__), Path(index_files.__file__)]:
        digest.update(source.read_bytes())
    return digest.hexdigest()


@pytest.mark.django_db
def test_an_index_saved_with_the_old_reading_of_names_is_rebuilt_and_matches(tmp_path, monkeypatch):
    path = tmp_path / "listed.csv"
    path.write_text(LISTED)
    listed = restricted_party_list_import(
        actor=None, fmt="opensanctions", path_or_file=path, name="Listed"
    )
    version = (listed.id, listed.imported_at, listed.entry_count)
    name = selectors._index_name(version)
    # The file the previous release saved for this list version, keys read its way.
    with monkeypatch.context() as before:
        before.setattr(taxonomy.visible, "_SEPARATORS", BEFORE)
        _names_caches_clear()
        stale = selectors._index_build(listed.id)
    _names_caches_clear()
    directory = Path(settings.RESTRICTED_PARTY_INDEX_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    old_file = directory / f"{name}-{_version_before()}{index_files.SUFFIX}"
    index_files.index_save(stale, old_file, secret=settings.SECRET_KEY.encode())
    selectors.match_index_invalidate()

    found = selectors.parties_screen([("Trading Sable Company", "KP")])

    assert [m.source_id for m in found] == ["kp-1"]
    assert not old_file.exists()  # the superseded file is deleted


def test_a_new_unicode_table_builds_the_index_again(monkeypatch):
    """Python's Unicode tables decide how a name is normalised: a Python with other tables
    must not read an index built with these."""
    import unicodedata

    from restricted_parties import index_files

    now = index_files._matcher_version()
    monkeypatch.setattr(unicodedata, "unidata_version", "0.0.1")
    assert index_files._matcher_version() != now
