"""The package version, in a module of its own so that any layer (the catalog, the build) can state it
without importing the package's public ``__init__`` and, through it, the layers above."""

__version__ = "0.1.0"
