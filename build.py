"""Build the news archive: `python build.py [--articles DIR] [--output DIR] ...`.

Run `python build.py --help` for every command and option.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from newsarchive.cli import main

if __name__ == "__main__":
    sys.exit(main())
