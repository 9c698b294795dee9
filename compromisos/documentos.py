"""The PDFs of P005 that freeze: the acta and the attendance sheet once the meeting closes.

See buengobierno/documentos/congelados.py: once closed they are rendered once (in the
background after closing, or on first request) and served from storage; the draft acta of a
meeting still open is rendered on each request.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.documentos.congelados import DocumentoCongelado, huella
from compromisos.models import Reunion


def nombre_pdf(prefijo: str, reunion: Reunion) -> str:
    sufijo = reunion.numero_acta or f"{reunion.fecha:%Y-%m-%d}-{reunion.pk}"
    return f"{prefijo}-{sufijo}.pdf"


def contexto_acta(reunion: Reunion) -> dict:
    from compromisos.views.reuniones import contexto_acta as contexto_de_la_pagina

    contexto = contexto_de_la_pagina(reunion)
    nombre = _("Acta de reunión")
    if reunion.numero_acta:
        nombre = _("Acta de reunión No. %(numero)s") % {"numero": reunion.numero_acta}
    contexto["documento_nombre"] = nombre
    # Signed by who chairs the meeting and who takes the minutes.
    contexto["firmas"] = [
        (_("Preside"), reunion.preside),
        (_("Secretario(a) de la reunión"), reunion.secretario_reunion),
    ]
    return contexto


def contexto_planilla(reunion: Reunion) -> dict:
    from compromisos.views.reuniones import contexto_acta as contexto_de_la_pagina

    contexto = contexto_de_la_pagina(reunion)
    contexto["documento_nombre"] = _("Planilla de asistencia")
    contexto["filas_vacias"] = range(5)  # for whoever arrives without an invitation
    return contexto


def sello_reunion(reunion: Reunion) -> str | None:
    """A closed meeting cannot change; were it ever reopened, closing it again seals anew."""
    return huella("cerrada", reunion.cerrada_en.isoformat()) if reunion.cerrada else None


def _de_la_reunion(clave, plantilla, contexto, prefijo, descripcion) -> DocumentoCongelado:
    return DocumentoCongelado(
        clave=clave,
        modelo=Reunion,
        plantilla=plantilla,
        contexto=contexto,
        nombre=lambda reunion: nombre_pdf(prefijo, reunion),
        sello=sello_reunion,
        recientes=lambda desde: Reunion.objects.filter(
            estado=Reunion.Estado.CERRADA, cerrada_en__gte=desde
        ),
        descripcion=descripcion,
    )


ACTA = _de_la_reunion(
    "compromisos.acta",
    "compromisos/pdf/acta.html",
    contexto_acta,
    "acta",
    gettext_lazy("Acta de la reunión cerrada"),
)
PLANILLA = _de_la_reunion(
    "compromisos.planilla",
    "compromisos/pdf/planilla.html",
    contexto_planilla,
    "asistencia",
    gettext_lazy("Planilla de asistencia de la reunión cerrada"),
)
