"""KPI Lab: contact-center KPIs computed correctly, with honest statistics.

The analysis library behind the Streamlit app and the ``kpi`` command. Nothing in this package
imports streamlit except ``kpi.ui``.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
