"""plansite: publish government plans as a fast, searchable static website."""

__version__ = "0.1.0"
