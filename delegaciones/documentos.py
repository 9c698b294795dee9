"""The PDFs of P001 that freeze: the ficha técnica once delivered, the letter once numbered.

See buengobierno/documentos/congelados.py: frozen ones are rendered once (in the background
after the transition, or on first request) and then served from storage; a ficha still in
draft, or returned to the delegate, is rendered on each request.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.documentos.congelados import DocumentoCongelado, huella
from buengobierno.documentos.formato import fecha_larga
from buengobierno.documentos.models import Adjunto, Firmante
from buengobierno.documentos.pdf import formulario_controlado
from delegaciones.models import Delegacion, FichaTecnica

CODIGO_FICHA = "MEDE01.09.P001.F001"


def _con_datos(delegacion_id) -> Delegacion:
    return Delegacion.objects.select_related(
        "sesion__instancia", "delegado__organismo", "organismo"
    ).get(pk=delegacion_id)


def contexto_ficha(ficha: FichaTecnica) -> dict:
    delegacion = _con_datos(ficha.delegacion_id)
    return {
        "formulario": formulario_controlado(CODIGO_FICHA),
        "delegacion": delegacion,
        "sesion": delegacion.sesion,
        "ficha": ficha,
        "compromisos": ficha.compromisos_adoptados.select_related("responsable__organismo", "meta"),
        "adjuntos": list(Adjunto.objects.de(ficha)),
    }


def sello_ficha(ficha: FichaTecnica) -> str | None:
    """Frozen from its delivery while the Despacho has it (delivered or reviewed); the seal
    changes with each delivery, so a returned ficha delivered again is a new document."""
    if ficha.entregada_en is None or ficha.delegacion.estado not in Delegacion.CON_FICHA:
        return None
    return huella("ficha", ficha.entregada_en.isoformat(), ficha.reenviada_en)


def nombre_pdf(prefijo: str, delegacion: Delegacion) -> str:
    return f"{prefijo}-{delegacion.sesion.fecha:%Y-%m-%d}-{delegacion.pk}.pdf"


FICHA = DocumentoCongelado(
    clave="delegaciones.ficha",
    modelo=FichaTecnica,
    plantilla="delegaciones/pdf/ficha.html",
    contexto=contexto_ficha,
    nombre=lambda ficha: nombre_pdf("ficha-tecnica", ficha.delegacion),
    sello=sello_ficha,
    recientes=lambda desde: FichaTecnica.objects.filter(
        Q(entregada_en__gte=desde) | Q(reenviada_en__gte=desde),
        delegacion__estado__in=Delegacion.CON_FICHA,
    ).select_related("delegacion__sesion"),
    descripcion=gettext_lazy("Ficha técnica de delegación entregada"),
)


def contexto_carta(delegacion: Delegacion) -> dict:
    delegacion = _con_datos(delegacion.pk)
    return {
        "documento_nombre": _("Carta de delegación No. %(numero)s")
        % {"numero": delegacion.numero_carta},
        "delegacion": delegacion,
        "sesion": delegacion.sesion,
        "fecha_sesion": fecha_larga(delegacion.sesion.fecha),
        # Who signs: the Alcalde's or the Secretario's signatory (an admin setting).
        "firmante": Firmante.de(
            Firmante.Autoridad.SECRETARIO
            if delegacion.delegante == Delegacion.Delegante.SECRETARIO
            else Firmante.Autoridad.ALCALDE
        ),
    }


def sello_carta(delegacion: Delegacion) -> str | None:
    """Frozen once numbered; the session's date and place are in the letter, so moving the
    session issues it again with the same number."""
    if not delegacion.numero_carta:
        return None
    sesion = delegacion.sesion
    return huella(
        "carta", delegacion.numero_carta, sesion.inicio, sesion.lugar, sesion.enlace_virtual
    )


CARTA = DocumentoCongelado(
    clave="delegaciones.carta",
    modelo=Delegacion,
    plantilla="delegaciones/pdf/carta.html",
    contexto=contexto_carta,
    nombre=lambda delegacion: f"carta-delegacion-{delegacion.numero_carta}.pdf",
    sello=sello_carta,
    recientes=lambda desde: (
        Delegacion.objects.filter(notificada_en__gte=desde)
        .exclude(numero_carta="")
        .select_related("sesion")
    ),
    descripcion=gettext_lazy("Carta de delegación numerada"),
)
