"""The site search, mounted in the language-prefixed URLs (/search/, /es/search/)."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="results"),
    path("suggest/", views.suggest, name="suggest"),
]
