from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    verbose_name = "政民互动"

    def ready(self) -> None:
        from gongkai.calendars.service import calendar_changed
        from gongkai.interaction.receivers import on_calendar_changed

        calendar_changed.connect(on_calendar_changed, dispatch_uid="interaction_recompute_due_dates")

        from gongkai.interaction import tasks  # noqa: F401  registers the worker's reminder job
        from gongkai.interaction.receivers import consultation_links
        from gongkai.records.public import record_link_providers

        if consultation_links not in record_link_providers:
            record_link_providers.append(consultation_links)
