from django.urls import path

from mattran.reminders import views

app_name = "reminders"
urlpatterns = [
    path("reminders/", views.reminder_list, name="list"),
    path("reminders/xlsx/", views.reminder_list_xlsx, name="list_xlsx"),
]
