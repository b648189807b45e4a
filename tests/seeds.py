"""The five seed notices, read from the copy packaged for the demo inside the repository, and
their SHA-256 as taken from the originals, so that a test can prove the packaged copy was never
edited."""

from __future__ import annotations

from pathlib import Path

from gongkai.console.seeds import SEEDS

DIGESTS = {
    "000_f587d089185122da.txt": "091e0e14b9bfdd596c1f684bb6a7a5cb27967e4554afb1c7110cdf601d0fd91e",
    "001_3f25810b5b4a178b.txt": "bc442eb17565b07dce2f0e6d3b54c617abbc5b77fca36644d1ff6dbb47cfff2f",
    "002_a1a98401b03fe583.txt": "dd1ce28849d5b027c39ec09aa959a156126f33322feba90ea4052e3e6929a8cf",
    "003_c51c2bbbc18658e5.txt": "a71e6686ac274f0154a5a1c73af9dda070b07e23268a62059679afc22f0f89ef",
    "004_873e3bb7a99b9369.txt": "d09672ba4e5ad616a691fc41bb61c343fc295334cd91ac92de2fdd64e72839ea",
}


def seed_path(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` ("000" … "004")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
