"""Charts for files: a Vega-Lite spec rendered to PNG or SVG offline (vl-convert), at a fixed width."""

from __future__ import annotations

import struct
from typing import Any

from kpi.errors import AnalysisError

__all__ = ["EXPORT_WIDTH", "chart_png", "chart_svg", "fixed_width", "png_size"]

EXPORT_WIDTH = 760  # px: a chart sized "container" on a page gets this width in a file


def fixed_width(spec: Any, width: int = EXPORT_WIDTH) -> Any:
    """A copy of ``spec`` with every ``"width": "container"`` replaced by ``width`` pixels.

    On a page a chart stretches to its container; a file has no container, and vl-convert
    would draw such a chart at its 300 px default, squashing its plot and title.
    """
    if isinstance(spec, dict):
        return {
            k: (width if k == "width" and v == "container" else fixed_width(v, width))
            for k, v in spec.items()
        }
    if isinstance(spec, list):
        return [fixed_width(v, width) for v in spec]
    return spec


def _render(spec: dict[str, Any], fmt: str, scale: float = 1.0) -> Any:
    import vl_convert as vlc

    if not isinstance(spec, dict) or not spec:
        raise AnalysisError("This finding has no chart to render (the Vega-Lite spec is empty).")
    spec = fixed_width(spec)
    try:
        # No base URL is allowed: a chart in a report renders from its inline data only, so
        # exporting never reaches the network (and a spec cannot make the server fetch a URL).
        if fmt == "png":
            return vlc.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
        return vlc.vegalite_to_svg(spec, allowed_base_urls=[])
    except ValueError as err:  # vl-convert reports every compile/render failure as ValueError
        first = str(err).strip().splitlines()
        reason = first[-1] if first else "unknown error"
        raise AnalysisError(
            f"The chart could not be rendered ({reason[:200]}); check that its spec is valid "
            "Vega-Lite with inline data."
        ) from err


def chart_png(spec: dict[str, Any], *, scale: float = 2) -> bytes:
    """Render a Vega-Lite spec to PNG bytes (vl-convert, offline).

    Parameters
    ----------
    spec : Vega-Lite dict, e.g. ``alt.Chart.to_dict()`` (data inline; external URLs refused).
    scale : pixel multiplier; the PNG is ``scale`` times the chart's CSS size (2 = sharp on
        slides and high-density screens).

    Returns
    -------
    PNG bytes.

    Raises
    ------
    AnalysisError
        when the spec cannot be compiled or rendered.
    """
    return bytes(_render(spec, "png", float(scale)))


def chart_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG document (vl-convert, offline).

    Parameters
    ----------
    spec : Vega-Lite dict, e.g. ``alt.Chart.to_dict()`` (data inline; external URLs refused).

    Returns
    -------
    The SVG text (text from the data is XML-escaped by the renderer).

    Raises
    ------
    AnalysisError
        when the spec cannot be compiled or rendered.
    """
    return str(_render(spec, "svg"))


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, read from the PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
