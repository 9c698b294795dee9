from django.urls import path

from cooperacion.misiones import views

app_name = "cooperacion_misiones"

urlpatterns = [
    path("", views.ListaVisitas.as_view(), name="inicio"),
    path("nueva/", views.nueva_visita, name="nueva"),
    path("<int:pk>/", views.visita, name="visita"),
    path("<int:pk>/editar/", views.editar_visita, name="editar"),
    path("<int:pk>/delegacion/", views.agregar_miembro, name="miembro"),
    path("<int:pk>/itinerario/", views.agregar_actividad, name="actividad"),
    path("<int:pk>/itinerario/<int:actividad>/", views.editar_actividad, name="editar_actividad"),
    path(
        "<int:pk>/itinerario/<int:actividad>/quitar/",
        views.quitar_actividad,
        name="quitar_actividad",
    ),
    path("<int:pk>/protocolo/", views.agregar_item, name="item"),
    path("<int:pk>/protocolo/<int:item>/estado/", views.estado_item, name="estado_item"),
    path("<int:pk>/resultados/", views.resultados, name="resultados"),
    path("<int:pk>/cancelar/", views.cancelar, name="cancelar"),
    path("<int:pk>/compromiso/", views.compromiso, name="compromiso"),
    path("<int:pk>/reunion/", views.reunion, name="reunion"),
    path("<int:pk>/ficha.pdf", views.ficha_pdf, name="ficha_pdf"),
]
