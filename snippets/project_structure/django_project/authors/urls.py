from django.urls import path

from . import views

app_name = "authors"
urlpatterns = [
    path("", views.author_list, name="list"),
    path("<int:author_id>", views.author_detail, name="detail"),
]
