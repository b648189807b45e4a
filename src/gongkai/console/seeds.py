"""Where the five seed notices are packaged: the demo's data, the benchmarks' input and the
tests' fixtures. Kept free of Django so that the parser's benchmark and tests can use it."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
