"""Base class for our management commands: bad input ends in one line on stderr and exit 2."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class GongkaiCommand(BaseCommand):
    """A command whose ``CommandError`` prints as one plain line, without the class name."""

    def run_from_argv(self, argv: list[str]) -> None:
        try:
            super().run_from_argv(argv)
        except CommandError as error:  # raised when --traceback is given; we never want one
            self._fail(error)

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if options.get("traceback"):
                raise
            self._fail(error)

    def _fail(self, error: CommandError) -> None:
        sys.stderr.write(f"gongkai: {error}\n")
        sys.stderr.flush()
        sys.exit(2)
