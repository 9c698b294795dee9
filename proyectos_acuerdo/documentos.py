"""The Ficha técnica proyecto de acuerdo (MEDE01.09.P004.F001) as a PDF that freezes.

While the sheet may still change (in formulation, awaiting concepts, with discrepancies) it is
rendered on each request; once the project leaves those states (viable, not viable, withdrawn)
the sheet, its concepts and the resolution of the discrepancies no longer change: the PDF is
rendered once, stored and served from storage (buengobierno/documentos/congelados.py). The
Concejo's steps are on the project's page, not in the sheet.
"""

from django.utils.translation import gettext_lazy

from buengobierno.documentos.congelados import DocumentoCongelado, huella
from buengobierno.documentos.models import Adjunto
from buengobierno.documentos.pdf import formulario_controlado
from proyectos_acuerdo.models import ProyectoAcuerdo
from proyectos_acuerdo.services import ESTADOS_EDITABLES

CODIGO_FICHA = "MEDE01.09.P004.F001"
EDITABLES = ESTADOS_EDITABLES


def contexto_ficha(proyecto: ProyectoAcuerdo) -> dict:
    proyecto = ProyectoAcuerdo.objects.select_related("organismo", "responsable", "meta").get(
        pk=proyecto.pk
    )
    return {
        "formulario": formulario_controlado(CODIGO_FICHA),
        "proyecto": proyecto,
        "borrador": proyecto.estado in EDITABLES,
        "conceptos": proyecto.conceptos.select_related("organismo").order_by("tipo"),
        "adjuntos": list(Adjunto.objects.de(proyecto)),
    }


def sello_ficha(proyecto: ProyectoAcuerdo) -> str | None:
    if proyecto.estado in EDITABLES:
        return None
    return huella("ficha-proyecto", proyecto.pk)


FICHA = DocumentoCongelado(
    clave="proyectos_acuerdo.ficha",
    modelo=ProyectoAcuerdo,
    plantilla="proyectos_acuerdo/pdf/ficha.html",
    contexto=contexto_ficha,
    nombre=lambda proyecto: f"ficha-tecnica-proyecto-{proyecto.pk}.pdf",
    sello=sello_ficha,
    recientes=lambda desde: ProyectoAcuerdo.objects.filter(actualizado_en__gte=desde).exclude(
        estado__in=EDITABLES
    ),
    descripcion=gettext_lazy("Ficha técnica proyecto de acuerdo"),
)
