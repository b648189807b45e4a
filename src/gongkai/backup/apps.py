from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "gongkai.backup"
    verbose_name = "备份与恢复"

    def ready(self) -> None:
        from gongkai.backup import tasks  # noqa: F401  registers the nightly backup
