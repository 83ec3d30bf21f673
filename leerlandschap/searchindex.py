"""Build the Pagefind search index for a built site folder (CLI from the pinned `pagefind` package)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def index_site(site_dir: Path) -> None:
    """Write `<site_dir>/pagefind/`; raises CalledProcessError with Pagefind's output on failure."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
                   check=True, capture_output=True, text=True)
