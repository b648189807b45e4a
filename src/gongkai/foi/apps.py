from django.apps import AppConfig


class FoiConfig(AppConfig):
    name = "gongkai.foi"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.calendars.service import calendar_changed
        from gongkai.foi.receivers import on_calendar_changed

        calendar_changed.connect(on_calendar_changed, dispatch_uid="foi_recompute_due_dates")
