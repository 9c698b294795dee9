from django.urls import path

from agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("actividades/", views.ListaActividades.as_view(), name="actividades"),
    path("actividades/nueva/", views.editar_actividad, name="nueva_actividad"),
    path("actividades/<int:pk>/", views.actividad, name="actividad"),
    path("actividades/<int:pk>/editar/", views.editar_actividad, name="editar_actividad"),
    path("actividades/<int:pk>/confirmar/", views.confirmar, name="confirmar"),
    path("actividades/<int:pk>/realizada/", views.realizada, name="realizada"),
    path("actividades/<int:pk>/cancelar/", views.cancelar, name="cancelar"),
    path("actividades/<int:pk>/declinar/", views.declinar, name="declinar"),
    path("actividades/<int:pk>/delegar/", views.delegar, name="delegar"),
    path("actividades/<int:pk>/abrir-reunion/", views.abrir_reunion, name="abrir_reunion"),
    path("solicitudes/", views.ListaSolicitudes.as_view(), name="solicitudes"),
    path("solicitudes/nueva/", views.nueva_solicitud, name="nueva_solicitud"),
    path("solicitudes/<int:pk>/", views.solicitud, name="solicitud"),
    path("solicitudes/<int:pk>/aprobar/", views.aprobar, name="aprobar"),
    path("solicitudes/<int:pk>/otra-fecha/", views.otra_fecha, name="otra_fecha"),
    path("solicitudes/<int:pk>/aceptar-fecha/", views.aceptar_fecha, name="aceptar_fecha"),
    path("solicitudes/<int:pk>/declinar/", views.declinar_solicitud, name="declinar_solicitud"),
    path("solicitudes/<int:pk>/delegar/", views.delegar_solicitud, name="delegar_solicitud"),
    path("agenda-del-dia.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("mi-calendario/", views.mi_calendario, name="mi_calendario"),
    path("mi-calendario/generar/", views.generar_calendario, name="generar_calendario"),
    path("mi-calendario/revocar/", views.revocar_calendario, name="revocar_calendario"),
    path("ics/<str:token>.ics", views.feed_ics, name="feed_ics"),
]
