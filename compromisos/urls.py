from django.urls import path

from compromisos.views import calendario, compromisos, en_vivo, reuniones, tableros

app_name = "compromisos"

urlpatterns = [
    # Boards
    path("", tableros.TableroCompromisos.as_view(), name="inicio"),
    path("mis-compromisos/", tableros.MisCompromisos.as_view(), name="mis_compromisos"),
    path("indicadores/", tableros.indicadores, name="indicadores"),
    path("organismos/<int:pk>/", tableros.TableroOrganismo.as_view(), name="organismo"),
    path("personas/<int:pk>/", tableros.TableroPersona.as_view(), name="persona"),
    # Commitments
    path("nuevo/", compromisos.nuevo_compromiso, name="nuevo"),
    path("<int:pk>/", compromisos.compromiso, name="compromiso"),
    *(
        path(f"<int:pk>/{accion}/", compromisos.accion, {"accion": accion}, name=accion)
        for accion in compromisos.SERVICIOS
    ),
    # Meetings
    path("reuniones/", reuniones.ListaReuniones.as_view(), name="reuniones"),
    path("reuniones/nueva/", reuniones.nueva_reunion, name="nueva_reunion"),
    path("reuniones/<int:pk>/", reuniones.reunion, name="reunion"),
    path("reuniones/<int:pk>/editar/", reuniones.editar_reunion, name="editar_reunion"),
    path("reuniones/<int:pk>/acta.pdf", reuniones.acta_pdf, name="acta_pdf"),
    path("reuniones/<int:pk>/asistencia.pdf", reuniones.planilla_pdf, name="planilla_pdf"),
    # The live page
    path("reuniones/<int:pk>/en-vivo/", en_vivo.en_vivo, name="en_vivo"),
    path("reuniones/<int:pk>/en-vivo/guardar/", en_vivo.guardar_campo, name="guardar_campo"),
    path("reuniones/<int:pk>/en-vivo/iniciar/", en_vivo.iniciar, name="iniciar"),
    path("reuniones/<int:pk>/en-vivo/cerrar/", en_vivo.cerrar, name="cerrar"),
    path("reuniones/<int:pk>/en-vivo/puntos/", en_vivo.agregar_punto, name="agregar_punto"),
    path(
        "reuniones/<int:pk>/en-vivo/decisiones/", en_vivo.agregar_decision, name="agregar_decision"
    ),
    path(
        "reuniones/<int:pk>/en-vivo/compromisos/",
        en_vivo.agregar_compromiso,
        name="agregar_compromiso",
    ),
    path(
        "reuniones/<int:pk>/en-vivo/asistentes/",
        en_vivo.agregar_asistentes,
        name="agregar_asistentes",
    ),
    path("reuniones/<int:pk>/en-vivo/externos/", en_vivo.agregar_externo, name="agregar_externo"),
    path(
        "reuniones/<int:pk>/en-vivo/quitar/<str:tipo>/<int:elemento_pk>/",
        en_vivo.quitar,
        name="quitar",
    ),
    # Calendar
    path("calendario/", calendario.calendario, name="calendario"),
    path("calendario/regenerar/", calendario.regenerar_calendario, name="regenerar_calendario"),
    path("calendario/<str:token>.ics", calendario.feed_ics, name="feed_ics"),
]
