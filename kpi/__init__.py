"""KPI Lab: contact-center KPIs computed correctly, with honest statistics.

The analysis library behind the Streamlit app and the ``kpi`` command. Nothing in this package
imports streamlit except ``kpi.ui``.

Importing the package chooses Arrow's memory allocator (see :func:`_choose_arrow_pool`).
"""

import os

__version__ = "0.1.0"
__all__ = ["__version__"]


def _choose_arrow_pool() -> str:
    """Arrow's default allocator for this process: jemalloc, else the system's malloc.

    Arrow's own default since pyarrow 20, mimalloc, hands its small and medium buffers out of
    transparent huge pages; on a virtual machine that backs fresh memory lazily, zeroing those
    pages made a 1M-row import spend as much time in the kernel as in the importer itself
    (``benchmarks/bench_ingest.py``: about 1.1 s against 0.6 s with jemalloc or malloc). A
    choice made with the ``ARROW_DEFAULT_MEMORY_POOL`` environment variable is kept.
    Returns the backend in use.
    """
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a build without jemalloc (Windows wheels)
            pa.set_memory_pool(pa.system_memory_pool())
    return pa.default_memory_pool().backend_name


_choose_arrow_pool()
