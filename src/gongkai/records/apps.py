from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "gongkai.records"
    verbose_name = "政府信息"

    def ready(self) -> None:
        from gongkai.records.searchdocs import all_documents
        from gongkai.search.api import register_provider

        register_provider("records", all_documents)
