from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    verbose_name = "政民互动"

    def ready(self) -> None:
        from gongkai.calendars.service import calendar_changed
        from gongkai.interaction.receivers import on_calendar_changed

        calendar_changed.connect(on_calendar_changed, dispatch_uid="interaction_recompute_due_dates")
