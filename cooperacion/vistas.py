"""View pieces the cooperation apps share: a page with one form, and the handling of a
service's ValidationError beside the fields."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import render


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
