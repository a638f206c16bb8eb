#!/usr/bin/env python3
"""Print the Debian `Depends:` and `Recommends:` lines for a PyInstaller onedir bundle.

    python packaging/linux/deb_depends.py dist/etims-desktop

The bundle carries most shared libraries itself; what it still takes from the system (glibc, libGL,
libxcb, libcups, ...) is every DT_NEEDED name that no file in the bundle provides. Each one is resolved
with `ldconfig -p` and mapped to its package with `dpkg -S`. glibc gets a minimum version: the newest
GLIBC_x.y symbol version any file in the bundle uses. Libraries only Qt's Wayland plugin needs go
to Recommends: without them Qt falls back to X11 (XWayland), so they must not block installation.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GLIBC_SONAMES = re.compile(r"^(ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv)\.so")
WAYLAND_ONLY = {  # soname -> package, known even when the build machine lacks the library
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of one ELF file."""
    dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")]


def elf_files(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]


def system_libraries(bundle: Path) -> set[str]:
    """Sonames some file in the bundle links to that the bundle does not provide itself."""
    provided = {p.name for p in bundle.rglob("*")}
    return {name for path in elf_files(bundle) for name in needed(path)} - provided


def loader_cache() -> dict[str, str]:
    """soname -> path for the x86-64 libraries the system loader knows (`ldconfig -p`)."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths = {}
    for line in cache.splitlines():
        parts = line.strip().split(" => ")
        if len(parts) == 2 and "x86-64" in parts[0]:
            paths.setdefault(parts[0].split()[0], parts[1])
    return paths


def owning_package(path: str) -> str | None:
    for candidate in (path, str(Path(path).resolve())):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def required_glibc(files: list[Path]) -> str:
    """The newest GLIBC_x.y symbol version any file needs: the real minimum glibc of the bundle."""
    versions = set()
    for path in files:
        dump = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        versions.update(re.findall(r"GLIBC_(\d+\.\d+)", dump))
    return max(versions, key=lambda v: tuple(map(int, v.split("."))), default="2.17")


class IncompleteBundle(Exception):
    """Libraries the bundle needs that neither it nor the build machine has (PyInstaller bundles only
    what it finds), e.g. libxcb-icccm.so.4 for Qt's X11 plugin: install them and build again."""

    def __init__(self, sonames: list[str]) -> None:
        super().__init__("neither bundled nor installed on the build machine: " + ", ".join(sonames))
        self.sonames = sonames


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends) package lists for the bundle. Raises IncompleteBundle."""
    required, optional = {"libc6": f"libc6 (>= {required_glibc(elf_files(bundle))})"}, set()
    missing = []
    paths = loader_cache()
    for soname in sorted(system_libraries(bundle)):
        if GLIBC_SONAMES.match(soname):
            continue
        if soname in WAYLAND_ONLY:
            optional.add(WAYLAND_ONLY[soname])
            continue
        package = owning_package(paths[soname]) if soname in paths else None
        if package is None:
            missing.append(soname)
        else:
            required.setdefault(package, package)
    if missing:
        raise IncompleteBundle(missing)
    return sorted(required.values()), sorted(optional)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        required, optional = depends(Path(argv[0]))
    except IncompleteBundle as exc:
        print(f"error: {exc}. Install them and build again.", file=sys.stderr)
        return 1
    print("Depends: " + ", ".join(required))
    if optional:
        print("Recommends: " + ", ".join(optional))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
