"""KPI Lab: contact-center KPIs computed correctly, with honest statistics.

The analysis library behind the Streamlit app and the ``kpi`` command. Nothing in this package
imports streamlit except ``kpi.ui``.

Importing the package chooses Arrow's memory allocator (see :func:`_choose_arrow_pool`).
"""

import os
import sys

__version__ = "0.1.0"
__all__ = ["__version__"]


def _choose_arrow_pool() -> str:
    """Arrow's default allocator for this process: jemalloc, else the system's malloc.

    Arrow's own default since pyarrow 20, mimalloc, hands its small and medium buffers out of
    transparent huge pages; on a virtual machine that backs fresh memory lazily, zeroing those
    pages made a 1M-row import spend as much time in the kernel as in the importer itself
    (``benchmarks/bench_ingest.py``: about 1.1 s against 0.6 s with jemalloc or malloc). A
    choice made with the ``ARROW_DEFAULT_MEMORY_POOL`` environment variable is kept.

    jemalloc is set up (unless ``JE_ARROW_MALLOC_CONF`` is set) to hand memory one thread lets
    go to the next allocation on any thread: one arena, no separate arena for large buffers.
    The importer relies on that: the memory Arrow's CSV parser lets go when a read ends is
    what its columns are converted into, with no fresh pages to fault in (a 1M-row import:
    about 15,000 page faults and 20 ms fewer). Freed memory is offered back to the system
    lazily (``MADV_FREE``) after about a second unused: the kernel takes it when it needs it
    and otherwise the next import reuses it without faults. It stays in the resident size
    until taken (``LazyFree`` in ``/proc/<pid>/smaps_rollup``).

    Returns the backend in use.
    """
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL") and "pyarrow" not in sys.modules:
        # jemalloc reads its options once, when pyarrow is imported: the app and the ``kpi``
        # command import this package first. Imported later, the importer works the same,
        # only with more page faults.
        os.environ.setdefault("JE_ARROW_MALLOC_CONF", _JEMALLOC_CONF)
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a build without jemalloc (Windows wheels)
            pa.set_memory_pool(pa.system_memory_pool())
    return pa.default_memory_pool().backend_name


#: jemalloc options for Arrow's pool (see :func:`_choose_arrow_pool`).
_JEMALLOC_CONF = "narenas:1,oversize_threshold:0,dirty_decay_ms:1000,muzzy_decay_ms:-1"

_choose_arrow_pool()
