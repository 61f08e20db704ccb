"""Long runs of short-lived objects without the collector re-reading the whole process.

Python's cycle collector walks every tracked object of its oldest generation on each full
collection, and a loop that makes many objects (a promotion makes about 13 model instances
and a few hundred dicts a deal) triggers one every few hundred deals. In a worker that
has loaded the language model, the restricted-party index and the compiled criteria,
that generation holds some 265,000 objects, none of them garbage: on 2,000 promoted deals
the full collections took a fifth of the worker's CPU.

`heap_settled()` sets the objects alive when the run starts aside (`gc.freeze`) for its
duration and hands them back to the collector after (`gc.unfreeze`): what the run makes
is collected as usual, and anything set aside that became garbage meanwhile is collected
at the next full collection after the run. Nothing is computed differently. A process
that froze its heap itself (before forking, say) is left as it is.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_runs = 0  # runs in progress in this process (threads may overlap)
_ours = False  # whether the objects set aside were set aside by these runs


@contextmanager
def heap_settled() -> Iterator[None]:
    """Run the block with the objects alive at its start kept out of the collector's
    scans; they are handed back when the last overlapping block ends, even on an error."""
    global _runs, _ours
    with _lock:
        if _runs == 0:
            _ours = gc.get_freeze_count() == 0
        _runs += 1
        if _ours:
            gc.freeze()  # set aside what is alive now (cheap: the generations are relinked)
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if _runs == 0 and _ours:
                gc.unfreeze()
