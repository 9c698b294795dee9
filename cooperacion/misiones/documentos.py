"""The Ficha de visita internacional (MEDE01.09.P008.F001): rendered on each request while the
visit is programmed, frozen once its results are recorded (buengobierno.documentos.congelados)."""

from django.utils.translation import gettext_lazy

from buengobierno.documentos.congelados import DocumentoCongelado, huella
from buengobierno.documentos.pdf import formulario_controlado
from cooperacion.misiones.models import VisitaInternacional

CODIGO_FICHA = "MEDE01.09.P008.F001"


def contexto_ficha(visita: VisitaInternacional) -> dict:
    from compromisos.models import Compromiso

    return {
        "formulario": formulario_controlado(CODIGO_FICHA),
        "visita": visita,
        "miembros": list(visita.miembros.all()),
        "actividades": list(visita.actividades.select_related("anfitrion")),
        "items": list(visita.items.select_related("responsable")),
        "acompanantes": list(visita.acompanantes.all()),
        "compromisos": list(
            Compromiso.objects.filter(
                origen_tipo__app_label="cooperacion_misiones", origen_id=visita.pk
            )
            .select_related("responsable")
            .order_by("fecha_limite", "pk")
        ),
    }


def sello_ficha(visita: VisitaInternacional) -> str | None:
    if visita.estado != VisitaInternacional.Estado.REALIZADA or not visita.resultados_en:
        return None
    return huella("realizada", visita.resultados_en.isoformat())


FICHA = DocumentoCongelado(
    clave="cooperacion_misiones.ficha",
    modelo=VisitaInternacional,
    plantilla="cooperacion/pdf/ficha_visita.html",
    contexto=contexto_ficha,
    nombre=lambda visita: f"ficha-visita-{visita.llegada:%Y-%m-%d}-{visita.pk}.pdf",
    sello=sello_ficha,
    recientes=lambda desde: VisitaInternacional.objects.filter(
        estado=VisitaInternacional.Estado.REALIZADA, resultados_en__gte=desde
    ),
    descripcion=gettext_lazy("Ficha de visita internacional con sus resultados"),
)
