from django.urls import path

from actos import views

app_name = "actos"

urlpatterns = [
    path("", views.tablero, name="inicio"),
    path("actos/", views.ListaActos.as_view(), name="actos"),
    path("actos/nuevo/", views.nuevo, name="nuevo"),
    path("indicadores/", views.indicadores, name="indicadores"),
    path("<int:pk>/", views.acto, name="acto"),
    path("<int:pk>/revision/", views.revision, name="revision"),
    path("<int:pk>/versiones/<int:numero>/cambios/", views.diferencias, name="diferencias"),
    *(
        path(f"<int:pk>/{accion}/", views.accion, {"accion": accion}, name=accion)
        for accion in views.SERVICIOS
    ),
]
