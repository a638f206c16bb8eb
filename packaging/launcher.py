"""PyInstaller entry script for both executables: the same `etims_desktop.cli:main` as the installed command."""

import os
import sys

if __name__ == "__main__":
    # A windowed Windows build has no console: stdout/stderr are None and a stray print or argparse
    # message would crash the app. Send them nowhere instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app

    from etims_desktop.cli import main

    sys.exit(main())
