"""Where the bundled data lives: beside the package in a wheel, or in the checkout's data/.

>>> (bundled_data_dir() / "sources.yaml").exists()
True
"""

from __future__ import annotations

from pathlib import Path


def bundled_data_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "bundled_data", here.parent.parent / "data"):
        if (candidate / "sources.yaml").exists():
            return candidate
    raise FileNotFoundError("the bundled data/ folder is missing from this installation")
