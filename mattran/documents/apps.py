from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "mattran.documents"
    verbose_name = "Văn bản báo cáo"
