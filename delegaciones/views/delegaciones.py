"""One delegation: its page, its transitions, the ficha técnica and the two PDFs."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import exigir_edicion, obtener_visible_o_404
from buengobierno.web import ical
from buengobierno.web.concurrencia import (
    CAMPO,
    EdicionEnConflicto,
    avisar_sin_formulario,
    estado_de_respuesta,
    transicion_vigente,
)
from compromisos.services import CompromisosInvalidos
from delegaciones import documentos, services
from delegaciones.forms import FORMULARIOS_DE_ACCION, FichaForm, formset_compromisos
from delegaciones.models import Delegacion, ErrorDeEstado
from delegaciones.siguiente_paso import siguiente_paso
from delegaciones.views.registros import poner_errores

SERVICIOS = {
    "emitir": services.emitir_carta,
    "firmar": services.registrar_firma,
    "aceptar": services.aceptar_delegacion,
    "rechazar": services.rechazar_delegacion,
    "realizada": services.marcar_realizada,
    "cancelar": services.cancelar_delegacion,
    "no_asistio": services.registrar_no_asistencia,
    "suspendida": services.registrar_suspension,
    "revisar": services.revisar_ficha,
    "devolver": services.devolver_ficha,
}
MENSAJES = {
    "emitir": _("Se numeró la carta: descárguela, hágala firmar y registre aquí la firma."),
    "firmar": _("Se registró la firma de la carta y se notificó al delegado."),
    "aceptar": _("Aceptó la delegación. Después de la sesión envíe aquí la ficha técnica."),
    "rechazar": _("Se avisó al Despacho que no puede asistir."),
    "realizada": _("Se registró que la sesión se realizó; ahora puede llenar la ficha técnica."),
    "cancelar": _("Se canceló la delegación."),
    "no_asistio": _("Se registró que el delegado no asistió; la ficha ya no se debe."),
    "suspendida": _("Se registró que la sesión fue suspendida; la ficha ya no se debe."),
    "revisar": _("La ficha quedó revisada."),
    "devolver": _("Se devolvió la ficha al delegado para completarla."),
}


def _delegacion(request, pk) -> Delegacion:
    return obtener_visible_o_404(
        Delegacion.objects.select_related(
            "sesion__instancia", "delegado__organismo", "organismo", "creado_por"
        ),
        request.user,
        pk=pk,
    )


def _pagina(request, delegacion, *, formularios=None, status=200):
    formularios = formularios or {}
    ficha = delegacion.ficha_o_none
    puede_llenar = services.puede_llenar_ficha(delegacion, request.user)
    delegar_otra = (
        delegacion.estado == Delegacion.Estado.RECHAZADA
        and not delegacion.sesion.ya_empezo
        and services.es_coordinador(request.user)
    )
    paso = siguiente_paso(
        delegacion,
        formularios=[
            formularios.get(a) or FORMULARIOS_DE_ACCION[a](delegacion=delegacion)
            for a in services.acciones_para(delegacion, request.user)
        ],
        puede_llenar_ficha=puede_llenar,
        delegar_otra=delegar_otra,
        abierta=next(iter(formularios), ""),
    )
    return render(
        request,
        "delegaciones/delegacion.html",
        {
            "delegacion": delegacion,
            "sesion": delegacion.sesion,
            "ficha": ficha,
            "compromisos": (
                ficha.compromisos_adoptados.select_related("responsable", "compromiso")
                if ficha
                else []
            ),
            "paso": paso,
            "pestana": "mias" if delegacion.delegado_id == request.user.pk else "delegaciones",
        },
        status=status,
    )


@login_required
def delegacion(request, pk):
    return _pagina(request, _delegacion(request, pk))


@login_required
@require_POST
def accion(request, pk, accion):
    if accion not in SERVICIOS:
        raise Http404
    delegacion = _delegacion(request, pk)
    exigir_edicion(request.user, delegacion)
    form = FORMULARIOS_DE_ACCION[accion](request.POST, request.FILES, delegacion=delegacion)
    if form.is_valid():
        datos = {k: v for k, v in form.cleaned_data.items() if k != CAMPO}
        try:
            with transicion_vigente(form, delegacion):
                SERVICIOS[accion](delegacion=delegacion, usuario=request.user, **datos)
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(delegacion)
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, MENSAJES[accion])
            return redirect(delegacion)
    delegacion.refresh_from_db()
    if form.en_conflicto and accion not in services.acciones_para(delegacion, request.user):
        avisar_sin_formulario(request, form)  # the step is gone: say why, give the text back
        return redirect(delegacion)
    return _pagina(
        request, delegacion, formularios={accion: form}, status=estado_de_respuesta(form)
    )


@login_required
def ficha(request, pk):
    """Fill the ficha técnica — from a phone too — save a draft, or send it to the Despacho."""
    delegacion = _delegacion(request, pk)
    if not services.puede_llenar_ficha(delegacion, request.user):
        exigir_edicion(request.user, delegacion)
        messages.info(request, _("La ficha técnica no se puede modificar en este momento."))
        return redirect(delegacion)
    existente = delegacion.ficha_o_none
    fecha_sesion = delegacion.sesion.fecha
    enviar = "enviar" in request.POST
    guardados = services.valores_de_ficha(existente)
    if request.method == "POST":
        form = FichaForm(
            request.POST, request.FILES, valores_guardados=guardados, postura=delegacion.postura
        )
        compromisos = formset_compromisos(existente, request.POST, fecha_sesion=fecha_sesion)
    else:
        inicial = (
            {c: guardados[c] for c in (*services.TEXTOS_FICHA, "sin_compromisos")}
            if existente
            else {}
        )
        form = FichaForm(initial=inicial, valores_guardados=guardados, postura=delegacion.postura)
        compromisos = formset_compromisos(existente, fecha_sesion=fecha_sesion)
    if request.method == "POST" and form.is_valid() and compromisos.is_valid():
        try:
            services.guardar_ficha(
                delegacion=delegacion,
                datos=form.datos(),
                compromisos=compromisos.filas(),
                archivos=form.archivos(),
                usuario=request.user,
                enviar=enviar,
                base=form.base_de_version(),
            )
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(delegacion)
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
            existente = delegacion.ficha_o_none
            compromisos = _compromisos_en_conflicto(conflicto, compromisos, existente, fecha_sesion)
        except CompromisosInvalidos as error:
            llenos = compromisos.formularios_llenos()
            for posicion, errores in error.por_fila.items():
                for campo, textos in errores.items():
                    if posicion < len(llenos):
                        llenos[posicion].add_error(campo, textos)
                    else:  # a stored row this page did not show
                        form.add_error(None, textos)
            form.add_error(None, error.messages[0])
        except ValidationError as error:
            poner_errores(form, error)
        else:
            if enviar:
                messages.success(
                    request,
                    _(
                        "Se envió la ficha técnica al Despacho; sus compromisos ya están en seguimiento."
                    ),
                )
                return redirect(delegacion)
            messages.success(request, _("Se guardó el borrador de la ficha."))
            return redirect("delegaciones:ficha", pk=delegacion.pk)
    return render(
        request,
        "delegaciones/ficha.html",
        {
            "delegacion": delegacion,
            "sesion": delegacion.sesion,
            "ficha": existente,
            "form": form,
            "compromisos": compromisos,
            "enviados": (
                existente.compromisos_adoptados.filter(compromiso__isnull=False).select_related(
                    "responsable"
                )
                if existente
                else []
            ),
            "puede_enviar": services.puede_enviar_ficha(delegacion, request.user),
            "pestana": "mias",
        },
        status=estado_de_respuesta(form),
    )


def _compromisos_en_conflicto(conflicto, compromisos, ficha, fecha_sesion):
    """The rows of a ficha sent stale: this person's rows with the stored ones named above
    them when both changed; the stored rows when only someone else changed them."""
    if "compromisos" in conflicto.conflictos:
        filas = conflicto.conflictos["compromisos"]
        texto = "; ".join(
            _("%(descripcion)s — %(persona)s, a más tardar el %(fecha)s")
            % {
                "descripcion": f["descripcion"],
                "persona": f["responsable"],
                "fecha": fecha_larga(f["fecha_limite"]),
            }
            for f in filas
        ) or _("ninguno")
        compromisos.non_form_errors().append(
            _(
                "Otra persona (o usted en otra pestaña) cambió los compromisos de esta ficha "
                "mientras usted la editaba. Guardados ahora: %(filas)s. Abajo siguen los que "
                "usted escribió: compare y guarde de nuevo para conservar los de abajo."
            )
            % {"filas": texto}
        )
        return compromisos
    if "compromisos" in conflicto.ajenos:
        return formset_compromisos(ficha, fecha_sesion=fecha_sesion)
    return compromisos


@login_required
def ficha_pdf(request, pk):
    """MEDE01.09.P001.F001 with the official header: the stored one once delivered, a draft
    rendered now (and saying so)."""
    delegacion = _delegacion(request, pk)
    ficha = delegacion.ficha_o_none
    if ficha is None:
        raise Http404(_("Esta delegación aún no tiene ficha técnica."))
    return documentos.FICHA.respuesta(ficha)


@login_required
def carta_pdf(request, pk):
    """The numbered delegation letter, once the delegate was notified (stored as issued)."""
    delegacion = _delegacion(request, pk)
    if not delegacion.numero_carta:
        raise Http404(_("La carta se numera al emitirla para la firma."))
    return documentos.CARTA.respuesta(delegacion)


@login_required
def calendario_ics(request, pk):
    """The session and the ficha's deadline as an .ics file for the delegate's calendar."""
    delegacion = _delegacion(request, pk)
    sesion = delegacion.sesion
    url = ical.sitio() + delegacion.get_absolute_url()
    descripcion = _(
        "Instrucciones: %(instrucciones)s\nFicha técnica a más tardar el %(plazo)s."
    ) % {
        "instrucciones": delegacion.instrucciones,
        "plazo": fecha_larga(delegacion.fecha_limite_ficha),
    }
    if delegacion.postura:
        descripcion += "\n" + _("Postura: %(postura)s") % {"postura": delegacion.postura}
    eventos = [
        ical.evento(
            uid=f"delegacion-{delegacion.pk}-sesion",
            inicio=sesion.inicio,
            duracion=timedelta(hours=2),
            resumen=str(sesion.instancia),
            lugar=sesion.lugar or sesion.enlace_virtual,
            descripcion=descripcion + "\n" + url,
            url=url,
        ),
        ical.evento(
            uid=f"delegacion-{delegacion.pk}-ficha",
            dia=delegacion.fecha_limite_ficha,
            resumen=_("Vence la ficha técnica: %(instancia)s") % {"instancia": sesion.instancia},
            url=url,
            transparente=True,
        ),
    ]
    contenido = ical.calendario(str(sesion.instancia), eventos)
    return ical.respuesta_ics(contenido, f"delegacion-{delegacion.pk}.ics")
