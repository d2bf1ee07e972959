from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "mattran.boards"
    verbose_name = "Xếp loại, Ban Thanh tra Nhân dân, Ban Giám sát đầu tư"
