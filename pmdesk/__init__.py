"""pmdesk: a desktop workbench for facilitators of blameless postmortems."""

__version__ = "0.1.0"

__all__ = ["__version__"]
