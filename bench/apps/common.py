"""What every scenario app shares: the rows it renders, the database URL, the wait."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROW_COUNT = 10_000
IO_WAIT_SECONDS = 0.020
TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_SQLITE = Path(tempfile.gettempdir()) / "fieldguide-bench.sqlite3"
MESSAGE = "Hello, World!"

FORTUNES = [
    (1, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (2, "A computer program does what you tell it to do, not what you want it to do."),
    (3, "Any program that runs right is obsolete."),
    (4, "Computers make very fast, very accurate mistakes."),
    (5, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
    (6, "Feature: A bug with seniority."),
    (7, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (8, "フレームワークのベンチマーク"),
    (9, "Ten percent of nothing is, let me do the math here. Nothing."),
    (10, "The fastest code is the code that never runs & never fails."),
]


def database_url() -> str:
    """PostgreSQL when DATABASE_URL is set (needs a driver such as psycopg), else SQLite."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def item_name(item_id: int) -> str:
    return f"item {item_id}"


def item_price(item_id: int) -> int:
    return item_id * 7 % 1000
