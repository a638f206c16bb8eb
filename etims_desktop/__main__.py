import sys

from etims_desktop.cli import main

sys.exit(main())
