from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    verbose_name = "门户网站"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from gongkai.audit.models import AuditEntry
        from gongkai.pagecache import after_audit_row

        post_save.connect(after_audit_row, sender=AuditEntry, dispatch_uid="portal-content-generation")
