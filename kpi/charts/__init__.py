"""Altair chart builders: result -> ``alt.Chart``; the same chart on the page and in the report.

Each area keeps its builders in its own module; this package re-exports the public ones.
"""
