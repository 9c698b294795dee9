from django.urls import path

from delegaciones.views import delegaciones, permanentes, registros, tableros

app_name = "delegaciones"

urlpatterns = [
    # Boards
    path("", tableros.tablero, name="inicio"),
    path("mis-delegaciones/", tableros.MisDelegaciones.as_view(), name="mis_delegaciones"),
    path("delegaciones/", tableros.ListaDelegaciones.as_view(), name="delegaciones"),
    path("calendario/", tableros.calendario_sesiones, name="calendario"),
    path("indicadores/", tableros.indicadores, name="indicadores"),
    # Instancias
    path("instancias/", registros.ListaInstancias.as_view(), name="instancias"),
    path("instancias/nueva/", registros.nueva_instancia, name="nueva_instancia"),
    path("instancias/<int:pk>/", registros.instancia, name="instancia"),
    path("instancias/<int:pk>/editar/", registros.nueva_instancia, name="editar_instancia"),
    # Standing delegations (decree or resolution for a period)
    path("permanentes/", permanentes.lista, name="permanentes"),
    path("permanentes/<int:pk>/", permanentes.detalle, name="permanente"),
    path("instancias/<int:pk>/permanentes/", permanentes.lista, name="permanentes_instancia"),
    path("instancias/<int:pk>/permanentes/nueva/", permanentes.nueva, name="nueva_permanente"),
    path(
        "sesiones/<int:pk>/delegar-permanente/",
        permanentes.delegar_sesion,
        name="delegar_permanente",
    ),
    # Sessions
    path("sesiones/", registros.ListaSesiones.as_view(), name="sesiones"),
    path("sesiones/nueva/", registros.nueva_sesion, name="nueva_sesion"),
    path("sesiones/<int:pk>/", registros.sesion, name="sesion"),
    path("sesiones/<int:pk>/editar/", registros.editar_sesion, name="editar_sesion"),
    path("sesiones/<int:pk>/delegar/", registros.delegar, name="delegar"),
    # One delegation
    path("<int:pk>/", delegaciones.delegacion, name="delegacion"),
    *(
        path(f"<int:pk>/{accion}/", delegaciones.accion, {"accion": accion}, name=accion)
        for accion in delegaciones.SERVICIOS
    ),
    path("<int:pk>/ficha/", delegaciones.ficha, name="ficha"),
    path("<int:pk>/ficha.pdf", delegaciones.ficha_pdf, name="ficha_pdf"),
    path("<int:pk>/carta.pdf", delegaciones.carta_pdf, name="carta_pdf"),
    path("<int:pk>/calendario.ics", delegaciones.calendario_ics, name="calendario_ics"),
]
