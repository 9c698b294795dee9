from django.urls import path

from buengobierno.avisos import views

app_name = "avisos"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("campana/", views.campana, name="campana"),
    path("<int:pk>/leer/", views.leer, name="leer"),
    path("leer-todas/", views.leer_todas, name="leer_todas"),
]
