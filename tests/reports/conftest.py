"""The day frozen for the disclosure-request services, as in the ``foi`` tests."""

from __future__ import annotations

from tests.foi.conftest import _media, freeze  # noqa: F401  (fixtures)
