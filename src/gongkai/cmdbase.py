"""Base class for our management commands: bad input ends in one line on stderr and exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Final

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


MAX_FILE_BYTES: Final = 50 * 1024 * 1024


def read_input_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file a command was given; :class:`UnreadableDocument` says in Chinese why
    not (missing, a directory, not readable, too large)."""
    from gongkai.rules.filetext import UnreadableDocument

    try:
        if path.stat().st_size > max_bytes:
            raise UnreadableDocument(f"文件过大（超过 {max_bytes // (1024 * 1024)} MB）")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument("文件不存在") from None
    except IsADirectoryError:
        raise UnreadableDocument("这是一个目录，不是文件") from None
    except PermissionError:
        raise UnreadableDocument("没有读取该文件的权限") from None
