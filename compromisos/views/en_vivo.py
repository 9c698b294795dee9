"""The live page of a meeting: one page used during it, saving field by field.

Each field posts {clave, valor, version} to `guardar_campo` (htmx, see
static/js/compromisos/en_vivo.js) and gets JSON back: 200 saved, 409 someone else changed it
(with their text), 422 a bad value (the message goes beside the field), 423 the meeting is
closed. Adding an agenda item, a decision, an attendee or a commitment re-renders its section.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict, ErrorList
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buengobierno.organizacion.acceso import exigir_edicion, obtener_visible_o_404
from buengobierno.web.formularios import BotonForm
from compromisos import services
from compromisos.forms import (
    AsistenciaEnVivoForm,
    AsistenteExternoForm,
    AsistentesForm,
    CompromisoEnReunionForm,
    CompromisoEnVivoForm,
    DecisionEnVivoForm,
    DecisionForm,
    ObjetivoEnVivoForm,
    PuntoEnVivoForm,
    PuntoForm,
    atajos_de_fecha,
    opciones_de_personas,
)
from compromisos.models import (
    Asistente,
    Compromiso,
    Decision,
    ErrorDeEstado,
    MetaEstrategica,
    PuntoOrden,
    Reunion,
)

SECCIONES = {
    "asistentes": "compromisos/en_vivo/_asistentes.html",
    "puntos": "compromisos/en_vivo/_puntos.html",
    "decisiones": "compromisos/en_vivo/_decisiones.html",
    "compromisos": "compromisos/en_vivo/_compromisos.html",
}


def _reunion_editable(request, pk) -> Reunion:
    reunion = obtener_visible_o_404(
        Reunion.objects.select_related("tipo", "organismo_convocante"), request.user, pk=pk
    )
    exigir_edicion(request.user, reunion)
    return reunion


def _con_errores(form, errores: dict):
    """Show closing errors beside the fields of a live form (it is never bound)."""
    if errores:
        form._errors = ErrorDict({c: ErrorList(m) for c, m in errores.items()})
    return form


def _errores_del_punto(errores_registro: dict, punto) -> dict:
    mensajes = errores_registro.get(f"punto.{punto.pk}.desarrollo")
    return {"desarrollo": mensajes} if mensajes else {}


def _contexto(
    reunion: Reunion, *, formularios=None, errores_cierre=None, errores_registro=None
) -> dict:
    """The context of the live page and of each of its sections."""
    formularios = formularios or {}
    errores_cierre = errores_cierre or {}
    errores_registro = errores_registro or {}
    solo_lectura = reunion.cerrada
    opciones = opciones_de_personas()
    opciones_metas = [(m.pk, str(m)) for m in MetaEstrategica.objects.filter(activa=True)]
    atajos = atajos_de_fecha(reunion.fecha)
    compromisos = []
    for compromiso in reunion.compromisos.order_by("pk"):
        form = CompromisoEnVivoForm(
            reunion=reunion,
            objeto=compromiso,
            opciones_personas=opciones,
            opciones_metas=opciones_metas,
            atajos=atajos,
            solo_lectura=solo_lectura,
        )
        if compromiso.pk in errores_cierre:
            form._errors = ErrorDict(
                {c: ErrorList(m) for c, m in errores_cierre[compromiso.pk].items()}
            )
        compromisos.append(form)
    asistentes = [
        (a, AsistenciaEnVivoForm(reunion=reunion, objeto=a, solo_lectura=solo_lectura))
        for a in reunion.asistentes.select_related("usuario__organismo")
    ]
    return {
        "reunion": reunion,
        "pestana": "reuniones",
        "objetivo": _con_errores(
            ObjetivoEnVivoForm(reunion=reunion, objeto=reunion, solo_lectura=solo_lectura),
            {"objetivo": errores_registro["objetivo"]} if "objetivo" in errores_registro else {},
        ),
        "errores_registro": errores_registro,
        "asistentes": asistentes,
        "puntos": [
            _con_errores(
                PuntoEnVivoForm(reunion=reunion, objeto=p, solo_lectura=solo_lectura),
                _errores_del_punto(errores_registro, p),
            )
            for p in reunion.puntos.all()
        ],
        "decisiones": [
            DecisionEnVivoForm(reunion=reunion, objeto=d, solo_lectura=solo_lectura)
            for d in reunion.decisiones.all()
        ],
        "compromisos": compromisos,
        "atajos": atajos,
        "form_punto": formularios.get("puntos") or PuntoForm(reunion=reunion),
        "form_decision": formularios.get("decisiones") or DecisionForm(reunion=reunion),
        "form_compromiso": formularios.get("compromisos")
        or CompromisoEnReunionForm(reunion=reunion),
        "form_asistentes": formularios.get("asistentes") or AsistentesForm(reunion=reunion),
        "form_externo": formularios.get("externo") or AsistenteExternoForm(reunion=reunion),
        "boton_iniciar": BotonForm(
            texto=_("Iniciar la reunión"),
            url=_url("compromisos:iniciar", reunion),
            estilo="btn-success btn-sm",
        ),
        "boton_cerrar": BotonForm(
            texto=_("Cerrar la reunión"),
            url=_url("compromisos:cerrar", reunion),
            estilo="btn-danger btn-sm",
            confirmar=_(
                "Al cerrar la reunión el acta queda congelada, se numera si corresponde y se "
                "avisa a cada responsable. ¿Cerrar ahora?"
            ),
        ),
    }


def _url(nombre, reunion):
    from django.urls import reverse

    return reverse(nombre, args=[reunion.pk])


@login_required
def en_vivo(request, pk):
    reunion = _reunion_editable(request, pk)
    if reunion.cerrada:
        messages.info(request, _("La reunión ya está cerrada; este es su registro."))
        return redirect(reunion)
    return render(request, "compromisos/en_vivo.html", _contexto(reunion))


@login_required
@require_POST
def guardar_campo(request, pk):
    reunion = _reunion_editable(request, pk)
    try:
        version = int(request.POST.get("version", "0") or 0)
    except ValueError:
        version = 0
    try:
        guardado = services.guardar_campo(
            reunion=reunion,
            clave=request.POST.get("clave", ""),
            valor=request.POST.get("valor", ""),
            version=version,
            usuario=request.user,
        )
    except services.Conflicto as conflicto:
        return JsonResponse(
            {
                "conflicto": True,
                "valor": conflicto.valor,
                "version": conflicto.version,
                "mensaje": str(conflicto),
            },
            status=409,
        )
    except ErrorDeEstado as error:
        return JsonResponse({"error": str(error), "definitivo": True}, status=423)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=422)
    return JsonResponse(
        {
            "version": guardado.version,
            "hora": guardado.hora,
            "mensaje": _("Guardado a las %(hora)s") % {"hora": guardado.hora},
        }
    )


def _seccion(request, reunion, seccion, *, formularios=None, status=200):
    reunion.refresh_from_db()
    return render(
        request, SECCIONES[seccion], _contexto(reunion, formularios=formularios), status=status
    )


def _agregar(request, pk, *, seccion, form_class, guardar, clave_form=None):
    """Validate an add-form of the live page, call its service, re-render the section."""
    reunion = _reunion_editable(request, pk)
    form = form_class(request.POST, reunion=reunion)
    if form.is_valid():
        try:
            guardar(reunion, form)
        except ErrorDeEstado as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.htmx:
                return redirect("compromisos:en_vivo", reunion.pk)
            return _seccion(request, reunion, seccion)
    if not request.htmx:
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
        return redirect("compromisos:en_vivo", reunion.pk)
    # htmx swaps 2xx only: the section comes back with the messages beside the fields.
    return _seccion(request, reunion, seccion, formularios={clave_form or seccion: form})


@login_required
@require_POST
def agregar_punto(request, pk):
    return _agregar(
        request,
        pk,
        seccion="puntos",
        form_class=PuntoForm,
        guardar=lambda r, f: services.agregar_punto(
            reunion=r, usuario=request.user, **f.cleaned_data
        ),
    )


@login_required
@require_POST
def agregar_decision(request, pk):
    return _agregar(
        request,
        pk,
        seccion="decisiones",
        form_class=DecisionForm,
        guardar=lambda r, f: services.agregar_decision(
            reunion=r, usuario=request.user, **f.cleaned_data
        ),
    )


@login_required
@require_POST
def agregar_compromiso(request, pk):
    return _agregar(
        request,
        pk,
        seccion="compromisos",
        form_class=CompromisoEnReunionForm,
        guardar=lambda r, f: services.agregar_compromiso_en_reunion(
            reunion=r, usuario=request.user, **f.cleaned_data
        ),
    )


@login_required
@require_POST
def agregar_asistentes(request, pk):
    return _agregar(
        request,
        pk,
        seccion="asistentes",
        form_class=AsistentesForm,
        guardar=lambda r, f: services.agregar_asistentes(
            reunion=r, usuarios=f.personas(), usuario=request.user
        ),
    )


@login_required
@require_POST
def agregar_externo(request, pk):
    return _agregar(
        request,
        pk,
        seccion="asistentes",
        form_class=AsistenteExternoForm,
        guardar=lambda r, f: services.agregar_asistente_externo(
            reunion=r, datos=f.cleaned_data, usuario=request.user
        ),
        clave_form="externo",
    )


QUITABLES = {
    "punto": (PuntoOrden, "puntos"),
    "decision": (Decision, "decisiones"),
    "compromiso": (Compromiso, "compromisos"),
    "asistente": (Asistente, "asistentes"),
}


@login_required
@require_POST
def quitar(request, pk, tipo, elemento_pk):
    if tipo not in QUITABLES:
        raise Http404
    reunion = _reunion_editable(request, pk)
    modelo, seccion = QUITABLES[tipo]
    elemento = get_object_or_404(modelo, pk=elemento_pk, reunion=reunion)
    try:
        services.quitar_de_reunion(reunion=reunion, elemento=elemento, usuario=request.user)
    except (ErrorDeEstado, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    if not request.htmx:
        return redirect("compromisos:en_vivo", reunion.pk)
    return _seccion(request, reunion, seccion)


@login_required
@require_POST
def iniciar(request, pk):
    reunion = _reunion_editable(request, pk)
    try:
        services.iniciar_reunion(reunion=reunion, usuario=request.user)
    except ErrorDeEstado as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("La reunión está en curso."))
    return redirect("compromisos:en_vivo", reunion.pk)


@login_required
@require_POST
def cerrar(request, pk):
    reunion = _reunion_editable(request, pk)
    try:
        reunion = services.cerrar_reunion(reunion=reunion, usuario=request.user)
    except ErrorDeEstado as error:
        messages.error(request, str(error))
        return redirect("compromisos:en_vivo" if not reunion.cerrada else "compromisos:reunion", pk)
    except services.CompromisosInvalidos as error:
        registro = getattr(error, "por_campo", {})
        messages.error(
            request,
            _("No se puede cerrar: complete lo marcado (asistentes, objetivo, desarrollo).")
            if registro
            else _("No se puede cerrar: complete los compromisos marcados (responsable y fecha)."),
        )
        return render(
            request,
            "compromisos/en_vivo.html",
            _contexto(reunion, errores_cierre=error.por_fila, errores_registro=registro),
            status=422,
        )
    texto = _("Reunión cerrada. Se avisó a cada responsable de sus compromisos.")
    if reunion.numero_acta:
        texto += " " + _("Acta No. %(numero)s.") % {"numero": reunion.numero_acta}
    messages.success(request, texto)
    return redirect(reunion)
