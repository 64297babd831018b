"""Process-wide speed settings, applied only when a program asks for them.

The one place for settings that change the process rather than a result: importing ``kpi``
changes nothing. ``app.py`` and the ``kpi`` command call :func:`configure_arrow_memory` first
thing; a program that embeds the library gets the same numbers without it, only a little
slower on large imports. Measurements are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["configure_arrow_memory", "executor"]

#: jemalloc options for Arrow's pool: one arena, so memory one thread lets go is what the next
#: allocation on any thread gets; unused memory offered back lazily after a second.
_JEMALLOC_CONF = "narenas:1,oversize_threshold:0,dirty_decay_ms:1000,muzzy_decay_ms:-1"


def configure_arrow_memory() -> str:
    """Make Arrow's default allocator jemalloc (else the system's malloc); return the backend.

    Arrow's own default since pyarrow 20, mimalloc, hands its buffers out of transparent huge
    pages, which a virtual machine zeroes lazily: a 1M-row import spent as much time in the
    kernel as in the importer (``benchmarks/bench_ingest.py``). jemalloc reads its options
    when pyarrow loads, so call this before anything imports pyarrow. Choices made with the
    ``ARROW_DEFAULT_MEMORY_POOL`` or ``JE_ARROW_MALLOC_CONF`` environment variables are kept.
    """
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL") and "pyarrow" not in sys.modules:
        os.environ.setdefault("JE_ARROW_MALLOC_CONF", _JEMALLOC_CONF)
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a build without jemalloc (Windows wheels)
            pa.set_memory_pool(pa.system_memory_pool())
    return str(pa.default_memory_pool().backend_name)


_EXECUTOR: ThreadPoolExecutor | None = None
_EXECUTOR_LOCK = threading.Lock()


def executor() -> ThreadPoolExecutor:
    """The importer's thread pool (two threads) for NumPy and Arrow kernels that release the GIL.

    Created on first use, then shared by every session of the server.
    """
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kpi-ingest")
        return _EXECUTOR
