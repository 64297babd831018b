"""KPI Lab: contact-center KPIs computed correctly, with honest statistics.

The analysis library behind the Streamlit app and the ``kpi`` command. Importing it changes
nothing in the process (no environment variable, no Arrow setting, no threads). Nothing in this
package imports streamlit except ``kpi.ui``.

The map: ``schema``, ``segment``, ``format``, ``errors`` hold one fact each; ``metrics`` is the
KPI registry; ``ingest`` reads exports; ``engine`` computes KPI tables; ``analysis`` holds the
statistics; ``charts``, ``report``, ``cli`` and ``ui`` present them.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
