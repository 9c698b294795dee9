from django.urls import path

from buengobierno.documentos import views

app_name = "documentos"

urlpatterns = [
    path("adjuntos/<int:pk>/", views.descargar_adjunto, name="adjunto"),
    path(
        "adjuntos/nuevo/<int:content_type_id>/<int:object_id>/",
        views.adjuntar,
        name="adjuntar",
    ),
]
