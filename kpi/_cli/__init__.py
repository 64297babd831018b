"""Subcommands of the ``kpi`` command (one module each: ``add_parser`` and ``run``)."""
