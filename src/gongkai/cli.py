"""The ``gongkai`` command: Django's management commands with our settings, plus our own.

Our own commands come first in ``gongkai --help``, described in plain words; Django's follow.
A malformed setting stops the command with one line naming the variable (exit 2), never a
traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

HELP_ARGS = {"-h", "--help", "help"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        print(f"gongkai: 配置错误：{error}", file=sys.stderr)
        return 2

    if not args or (len(args) == 1 and args[0] in HELP_ARGS):
        print(overview())
        return 0

    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai", *args])
    return 0


def overview() -> str:
    """Our commands with their one-line descriptions, then the names of Django's."""
    from django.core.management import get_commands, load_command_class

    ours: list[tuple[str, str]] = []
    django_names: list[str] = []
    for name, app in sorted(get_commands().items()):
        if app.startswith("gongkai."):
            command = load_command_class(app, name)
            ours.append((name, str(command.help).strip().splitlines()[0]))
        else:
            django_names.append(name)
    width = max(len(name) for name, _ in ours) if ours else 0
    lines = [
        "用法：gongkai <命令> [参数]      （gongkai <命令> --help 查看该命令的参数）",
        "",
        "政务公开平台的命令：",
        *(f"  {name.ljust(width)}  {text}" for name, text in ours),
        "",
        "Django 的命令（迁移、检查、管理员等）：",
        "  " + ", ".join(django_names),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
