from datetime import timedelta

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from buengobierno.web.escritorio import (
    Pendiente,
    alertas_de,
    es_gestor,
    indicadores_de,
    pendientes_de,
)
from buengobierno.web.models import Exportacion
from buengobierno.web.procedimientos import ProcedimientoConfig

# A user who joined less than this long ago still sees the process map on the desk (the
# sidebar has it for everybody, so the others are not shown the procedures twice).
USUARIO_NUEVO = timedelta(days=30)


def _saludo(hora: int) -> str:
    if hora < 12:
        return _("Buenos días")
    if hora < 19:
        return _("Buenas tardes")
    return _("Buenas noches")


@login_required
def escritorio(request):
    pendientes, fallo_pendientes = pendientes_de(request.user)
    indicadores, fallo_indicadores = indicadores_de(request.user)
    alertas, fallo_alertas = alertas_de(request.user)
    tarjetas, graficos = [], []
    for numero, indicador in enumerate(indicadores, start=1):
        id_grafico = f"grafico-{numero}" if indicador.grafico else None
        tarjetas.append((indicador, id_grafico))
        if id_grafico:
            graficos.append({"id": id_grafico, "config": indicador.grafico})
    ahora = timezone.localtime()
    tareas = [p for p in pendientes if p.grupo != Pendiente.COMPROMISO]
    compromisos = [p for p in pendientes if p.grupo == Pendiente.COMPROMISO]
    return render(
        request,
        "web/escritorio.html",
        {
            "saludo": _saludo(ahora.hour),
            "hoy": ahora.date(),
            "pendientes": pendientes,
            "tareas": tareas,
            "compromisos": compromisos,
            "vencidos": sum(1 for p in tareas if p.vencido),
            "compromisos_vencidos": sum(1 for p in compromisos if p.vencido),
            "indicadores": tarjetas,
            "graficos": graficos,
            "es_gestor": es_gestor(request.user),
            "fallo_al_cargar": fallo_pendientes or fallo_indicadores or fallo_alertas,
            "alertas": alertas,
            "mostrar_mapa": request.user.date_joined >= timezone.now() - USUARIO_NUEVO,
        },
    )


@login_required
def exportacion(request, pk):
    """The file of an export produced in the background, only for the person who asked."""
    exportacion = get_object_or_404(Exportacion, pk=pk, usuario=request.user)
    if exportacion.en_preparacion:
        messages.info(request, _("Todavía estamos preparando ese archivo; le avisaremos."))
        return redirect("escritorio")
    if not Exportacion.objects.vigentes().filter(pk=exportacion.pk).exists():
        messages.warning(
            request,
            _("Ese archivo ya no está disponible. Puede exportar la lista de nuevo desde aquí."),
        )
        return redirect(exportacion.url_de_la_lista())
    respuesta = FileResponse(
        exportacion.archivo.open("rb"),
        as_attachment=True,
        filename=exportacion.archivo.name.rsplit("/", 1)[-1],
    )
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


@login_required
def inicio_procedimiento(request, app_label):
    config = apps.get_app_config(app_label)
    if not isinstance(config, ProcedimientoConfig):
        raise Http404
    return render(request, "web/procedimiento_inicio.html", {"procedimiento": config})


@never_cache
def salud(request):
    """Health check: database, cache, broker and SMTP answer (see web/salud.py)."""
    from buengobierno.web.salud import comprobar

    resultado = comprobar()
    return JsonResponse(resultado, status=200 if resultado["estado"] == "ok" else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def error_500(request):
    # Rendered without the request: no context processor, no session, no database — the
    # very things that may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
