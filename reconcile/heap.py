"""The cyclic garbage collector, paused while a run builds its objects.

Extraction and alignment make a great many small objects that live until the report is written
and form no reference cycles. Each pass of the cyclic collector walks every live object, and the
passes come more often the more objects are made: on a large input (a thousand pages, one endless
table) they cost a fifth of the run or more, a share that grows with the input. Reference counting
still frees whatever is dropped; the collector runs again, and catches up, when the work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (as it was before, after it: nested blocks are fine).

    The switch is the process's: a program running reports in several threads at once should
    not rely on it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
