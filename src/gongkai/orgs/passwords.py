"""Password policy of a government system: at least 10 characters of three character classes."""

from __future__ import annotations

import string
from typing import Any

from django.core.exceptions import ValidationError

CLASSES: list[tuple[str, Any]] = [
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
    ("符号", lambda char: char in string.punctuation or not char.isalnum()),
]


def character_classes(password: str) -> int:
    return sum(any(test(char) for char in password) for _, test in CLASSES)


class CharacterClassValidator:
    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        if character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        names = "、".join(name for name, _ in CLASSES)
        return f"密码须包含{names}中的至少 {self.min_classes} 类。"


class MinimumLengthValidator:
    """Django's length rule with its message in Chinese (Django 5.2's own lacks a translation)."""

    def __init__(self, min_length: int = 10) -> None:
        self.min_length = min_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                f"密码太短：至少需要 {self.min_length} 个字符。", code="password_too_short"
            )

    def get_help_text(self) -> str:
        return f"密码至少 {self.min_length} 个字符。"
