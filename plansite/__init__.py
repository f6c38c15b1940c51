"""plansite: publish government plans as a fast, searchable static website."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("plansite")
except PackageNotFoundError:  # run from a source folder that was never installed
    __version__ = "0+unknown"
