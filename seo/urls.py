from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
]
