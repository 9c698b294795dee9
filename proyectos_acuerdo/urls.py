from django.urls import path

from proyectos_acuerdo import views
from proyectos_acuerdo.forms import FORMULARIOS_DE_ACCION

app_name = "proyectos_acuerdo"

urlpatterns = [
    path("", views.ListaProyectos.as_view(), name="inicio"),
    path("nuevo/", views.nuevo_proyecto, name="nuevo"),
    path("agenda/", views.agenda, name="agenda"),
    path("<int:pk>/", views.proyecto, name="proyecto"),
    path("<int:pk>/editar/", views.nuevo_proyecto, name="editar"),
    path("<int:pk>/adjuntar/", views.adjuntar, name="adjuntar"),
    path("<int:pk>/ficha.pdf", views.ficha_pdf, name="ficha_pdf"),
    *(
        path(f"<int:pk>/{accion}/", views.accion, {"accion": accion}, name=accion)
        for accion in FORMULARIOS_DE_ACCION
    ),
    path("facultades/", views.ListaFacultades.as_view(), name="facultades"),
    path("facultades/nueva/", views.nueva_facultad, name="nueva_facultad"),
    path("facultades/<int:pk>/", views.facultad, name="facultad"),
    path("facultades/<int:pk>/editar/", views.nueva_facultad, name="editar_facultad"),
]
