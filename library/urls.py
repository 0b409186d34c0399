"""Member login and logout, included in the site's URLs at /login/."""

from django.urls import path

from library.views import member_login, member_logout

urlpatterns = [
    path("", member_login, name="member_login"),
    path("logout/", member_logout, name="member_logout"),
]
