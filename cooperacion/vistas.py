"""View pieces the cooperation apps share: a page with one form, and the handling of a
service's ValidationError beside the fields."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from buengobierno.organizacion.acceso import exigir_edicion


def errores_al_formulario(form, error: ValidationError) -> None:
    """Put a service's errors beside the form's fields (or at its top)."""
    if hasattr(error, "error_dict"):
        for campo, mensajes in error.message_dict.items():
            destino = campo if campo in form.fields and campo != NON_FIELD_ERRORS else None
            for mensaje in mensajes:
                form.add_error(destino, mensaje)
    else:
        for mensaje in error.messages:
            form.add_error(None, mensaje)


def pagina_de_formulario(request, form, *, titulo, volver="", subtitulo="", status=None):
    if status is None:
        status = 422 if form.is_bound and form.errors else 200
    return render(
        request,
        "cooperacion/formulario.html",
        {"form": form, "titulo": titulo, "volver": volver, "subtitulo": subtitulo},
        status=status,
    )


def _volver(registro) -> tuple[str, str]:
    return (registro.get_absolute_url(), getattr(registro, "titulo", None) or str(registro))


def accion(request, registro, clase, hacer, exito):
    """A transition form posted from a record's page: done and back to it, or its page again
    with the messages beside the fields."""
    form = clase(request.POST, registro=registro)
    if form.is_valid():
        try:
            hacer(registro, form.cleaned_data)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, exito)
            return redirect(registro)
    return pagina_de_formulario(request, form, titulo=str(clase.boton), volver=_volver(registro))


def compromiso_de(request, registro, registrar, *, titulo):
    """A commitment adopted in `registro`, for the P005 board: `registrar(filas)` lands it."""
    from compromisos.services import CompromisosInvalidos
    from cooperacion.formularios import CompromisoDeOrigenForm

    exigir_edicion(request.user, registro)
    form = CompromisoDeOrigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registrar([form.compromiso()])
        except CompromisosInvalidos as error:
            for campo, mensajes in error.por_fila.get(0, {}).items():
                for mensaje in mensajes:
                    form.add_error(campo if campo in form.fields else None, mensaje)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("El compromiso quedó en el tablero de compromisos."))
            return redirect(registro)
    return pagina_de_formulario(request, form, titulo=titulo, volver=_volver(registro))


def reunion_de(request, registro, convocar, *, titulo, exito):
    """A P005 meeting convened from `registro`: `convocar(datos)` creates it; then its live
    page."""
    from cooperacion.formularios import ReunionDeOrigenForm

    exigir_edicion(request.user, registro)
    form = ReunionDeOrigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reunion = convocar(form.cleaned_data)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, exito)
            return redirect("compromisos:en_vivo", reunion.pk)
    return pagina_de_formulario(
        request,
        form,
        titulo=titulo,
        subtitulo=_("Se registra en vivo como toda reunión (Seguimiento a compromisos)."),
        volver=_volver(registro),
    )
