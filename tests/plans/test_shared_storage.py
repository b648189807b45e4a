"""Uploaded notices are read through the storage API, so that any worker of a pool can parse one
kept in an S3-compatible store (which has no paths) as well as in a shared directory."""

from __future__ import annotations

from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile

from gongkai.plans.models import PlanImport
from gongkai.plans.tasks import local_file


class ObjectStore(Storage):
    """Like an S3-compatible store: files by name, no local path (Storage.path is not implemented)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def _save(self, name: str, content) -> str:
        self.files[name] = content.read()
        return name

    def _open(self, name: str, mode: str = "rb") -> ContentFile:
        return ContentFile(self.files[name], name=name)

    def exists(self, name: str) -> bool:
        return name in self.files


NOTICE = "一、推进预决算公开。责任单位：市财政局".encode()


def test_a_notice_in_a_store_without_paths_is_parsed_from_a_temporary_copy():
    storage = ObjectStore()
    stored = FieldFile(None, PlanImport._meta.get_field("file"), storage.save("plans/notice.txt", ContentFile(NOTICE)))
    stored.storage = storage
    with local_file(stored) as path:
        assert Path(path).read_bytes() == NOTICE and path.endswith(".txt")
    assert not Path(path).exists()  # the copy is gone with the job


def test_a_notice_in_a_directory_is_read_in_place(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    stored = FieldFile(None, PlanImport._meta.get_field("file"), "plans/notice.txt")
    stored.storage.save("plans/notice.txt", ContentFile(NOTICE))
    with local_file(stored) as path:
        assert Path(path) == tmp_path / "plans" / "notice.txt"
