"""etims-desktop: honest KRA eTIMS sync for Kenyan shops."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("etims-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
