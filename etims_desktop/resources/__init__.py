"""Files the app ships inside its package (icons), found with importlib.resources.

Inside the package, a wheel, an editable install and a PyInstaller bundle (which keeps the package's
data files under _internal/etims_desktop/) all carry them; nothing looks beside the package any more.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The file or folder `parts` below etims_desktop/resources, as a real path (Qt reads paths)."""
    return Path(str(files(__name__).joinpath(*parts)))


def icons_dir() -> Path:
    return resource_path("icons")
