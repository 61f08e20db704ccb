"""`heap_settled`: the collector leaves the loaded state alone during a run, and gets
everything back after it (nothing set aside for good, garbage still collected)."""

from __future__ import annotations

import gc
import weakref

import pytest

from hrdd.heap import heap_settled


class _Node:
    def __init__(self) -> None:
        self.other = self  # a cycle: only the cycle collector frees it


def test_objects_alive_at_the_start_are_set_aside_during_the_run_and_handed_back():
    assert gc.get_freeze_count() == 0
    with heap_settled():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_handed_back_after_an_error():
    with pytest.raises(RuntimeError), heap_settled():
        raise RuntimeError("batch failed")
    assert gc.get_freeze_count() == 0


def test_what_became_garbage_during_the_run_is_collected_after_it():
    before = _Node()
    gone_before = weakref.ref(before)
    with heap_settled():
        del before
        made = _Node()
        gone_made = weakref.ref(made)
        del made
        gc.collect()
        assert gone_made() is None  # what the run makes is collected as usual
    gc.collect()
    assert gone_before() is None  # what was set aside is collected once handed back


def test_overlapping_runs_hand_back_when_the_last_ends():
    outer = heap_settled()
    outer.__enter__()
    with heap_settled():
        pass
    assert gc.get_freeze_count() > 0  # the outer run still holds them aside
    outer.__exit__(None, None, None)
    assert gc.get_freeze_count() == 0


def test_a_heap_the_process_froze_itself_stays_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with heap_settled():
            pass
        # Not handed back (that would leave none set aside). Objects set aside may still
        # die meanwhile in another thread (a test server's, the sealer's), so the count is
        # not exact to the object.
        assert gc.get_freeze_count() > frozen * 0.9
    finally:
        gc.unfreeze()
