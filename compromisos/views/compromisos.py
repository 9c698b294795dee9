"""One commitment: its page, its transitions and a commitment registered by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
)
from buengobierno.web.concurrencia import (
    CAMPO,
    EdicionEnConflicto,
    avisar_sin_formulario,
    estado_de_respuesta,
    transicion_vigente,
)
from compromisos import services
from compromisos.forms import FORMULARIOS_DE_ACCION, CompromisoForm
from compromisos.models import Compromiso, ErrorDeEstado
from compromisos.siguiente_paso import siguiente_paso

SERVICIOS = {
    "avance": services.registrar_avance,
    "cumplido": services.marcar_cumplido,
    "verificar": services.verificar_compromiso,
    "devolver": services.devolver_compromiso,
    "cancelar": services.cancelar_compromiso,
    "reprogramar": services.reprogramar_compromiso,
    "solicitar_reprogramacion": services.solicitar_reprogramacion,
    "aprobar_reprogramacion": services.aprobar_reprogramacion,
    "rechazar_reprogramacion": services.rechazar_reprogramacion,
    "meta": services.cambiar_meta,
}
MENSAJES = {
    "avance": _("Se registró el avance."),
    "cumplido": _("Se reportó el compromiso como cumplido; queda a la espera de verificación."),
    "verificar": _("Se verificó el cumplimiento del compromiso."),
    "devolver": _("Se devolvió el compromiso al responsable."),
    "cancelar": _("Se canceló el compromiso."),
    "reprogramar": _("Se reprogramó el compromiso; la fecha anterior queda en el registro."),
    "solicitar_reprogramacion": _(
        "Se envió la solicitud de nueva fecha; la fecha límite de cumplimiento no cambia "
        "hasta que el Despacho la apruebe."
    ),
    "aprobar_reprogramacion": _("Se aprobó la nueva fecha límite de cumplimiento."),
    "rechazar_reprogramacion": _("Se rechazó la solicitud; la fecha límite no cambia."),
    "meta": _("Se actualizó la meta del plan de desarrollo."),
}


def _compromiso(request, pk) -> Compromiso:
    return obtener_visible_o_404(
        Compromiso.objects.select_related(
            "responsable__organismo",
            "organismo",
            "meta",
            "reunion",
            "creado_por",
            "verificado_por",
        ),
        request.user,
        pk=pk,
    )


def _pagina(request, compromiso, *, formularios=None, status=200):
    acciones = compromiso.acciones_para(request.user)
    formularios = formularios or {}
    paso = siguiente_paso(
        compromiso,
        formularios=[
            formularios.get(a) or FORMULARIOS_DE_ACCION[a](compromiso=compromiso) for a in acciones
        ],
        abierta=next(iter(formularios), ""),
    )
    return render(
        request,
        "compromisos/compromiso.html",
        {
            "compromiso": compromiso,
            "pestana": "seguimiento",
            "paso": paso,
            "formularios": paso.formularios,
            "avances": compromiso.avances.select_related("autor", "evidencia"),
            "reprogramaciones": compromiso.reprogramaciones.select_related("autor", "resuelta_por"),
            "corresponsables": compromiso.corresponsables.all(),
        },
        status=status,
    )


@login_required
def compromiso(request, pk):
    compromiso = _compromiso(request, pk)
    if compromiso.estado == Compromiso.Estado.BORRADOR and compromiso.reunion_id:
        messages.info(request, _("Este compromiso se está registrando en la reunión en curso."))
        return redirect(compromiso.reunion)
    return _pagina(request, compromiso)


@login_required
@require_POST
def accion(request, pk, accion):
    """One transition (avance, cumplido, verificar, devolver, cancelar, reprogramar, and the
    request for a new date with its approval or rejection)."""
    if accion not in SERVICIOS:
        raise Http404
    compromiso = _compromiso(request, pk)
    exigir_edicion(request.user, compromiso)
    form = FORMULARIOS_DE_ACCION[accion](request.POST, request.FILES, compromiso=compromiso)
    if form.is_valid():
        datos = {k: v for k, v in form.cleaned_data.items() if k != CAMPO}
        try:
            with transicion_vigente(form, compromiso):
                SERVICIOS[accion](compromiso=compromiso, usuario=request.user, **datos)
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(compromiso)
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, MENSAJES[accion])
            return redirect(compromiso)
    compromiso.refresh_from_db()
    if form.en_conflicto and accion not in compromiso.acciones_para(request.user):
        avisar_sin_formulario(request, form)  # the step is gone: say why, give the text back
        return redirect(compromiso)
    return _pagina(
        request, compromiso, formularios={accion: form}, status=estado_de_respuesta(form)
    )


@login_required
def nuevo_compromiso(request):
    """A commitment registered by hand, outside any meeting or other procedure."""
    exigir_creacion(request.user, Compromiso)
    form = CompromisoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            (creado,) = services.crear_compromisos(
                origen=None, compromisos=[form.cleaned_data], creado_por=request.user
            )
        except services.CompromisosInvalidos as error:
            for campo, mensajes in error.por_fila[0].items():
                for mensaje in mensajes:
                    form.add_error(campo if campo in form.fields else None, mensaje)
        else:
            messages.success(request, _("Se registró el compromiso y se avisó al responsable."))
            return redirect(creado)
    return render(
        request,
        "compromisos/compromiso_nuevo.html",
        {"form": form, "pestana": "seguimiento"},
        status=422 if form.is_bound else 200,
    )
