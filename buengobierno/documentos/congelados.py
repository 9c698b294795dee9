"""Documents frozen by their record's state: rendered once, stored, served from storage.

A PDF that can no longer change once its record reaches a state (an acta once the meeting is
closed, a ficha once delivered, a letter once numbered) is rendered once, in the background,
stored as an `Adjunto` of its record with its SHA-256 (`generado` names the document, `sello`
the state it froze) and from then on served from storage: the same bytes every time, at the
cost of reading a file. While the record is a draft the PDF is rendered on each request. A
record that leaves the frozen state and reaches it again (a returned ficha delivered anew)
gets a new seal, so its next request or background run stores a new document; the earlier
ones stay, as issued.

Declare each document once, in `<app>/documentos.py` (imported at start-up)::

    ACTA = DocumentoCongelado(
        clave="compromisos.acta",
        modelo=Reunion,
        plantilla="compromisos/pdf/acta.html",
        contexto=contexto_acta_pdf,                   # record -> template context
        nombre=lambda reunion: f"acta-{reunion.numero_acta}.pdf",
        sello=lambda reunion: huella(reunion.cerrada_en) if reunion.cerrada else None,
        recientes=lambda desde: Reunion.objects.filter(cerrada_en__gte=desde),
    )

then the view, after its access check: `return ACTA.respuesta(reunion)`; and the service
whose transition freezes the record, inside its transaction: `ACTA.generar_al_confirmar(reunion)`
(after commit, a Celery task renders and stores it; with the broker down the save still works
and the document is produced on its first request, or by the periodic catch-up that looks for
documents frozen in the last days without their stored PDF).
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import publicar_tarea
from buengobierno.documentos.models import Adjunto
from buengobierno.documentos.pdf import renderizar_pdf, respuesta_pdf

logger = logging.getLogger(__name__)

# How far back the catch-up looks for frozen records without their document; older ones
# are produced on their first request.
DIAS_DE_RECUPERACION = 7
POR_PASADA = 200

_documentos: dict[str, "DocumentoCongelado"] = {}


def huella(*partes) -> str:
    """A short, stable seal from the values a frozen document depends on."""
    texto = "\x1f".join("" if p is None else str(p) for p in partes)
    return hashlib.sha256(texto.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class DocumentoCongelado:
    clave: str
    modelo: type[models.Model]
    plantilla: str
    contexto: Callable[[models.Model], dict]
    nombre: Callable[[models.Model], str]
    sello: Callable[[models.Model], str | None]
    recientes: Callable[[object], models.QuerySet]
    descripcion: str = ""

    def __post_init__(self):
        anterior = _documentos.get(self.clave)
        if anterior is not None and anterior.plantilla != self.plantilla:
            raise ValueError(f"El documento {self.clave!r} ya está declarado.")
        _documentos[self.clave] = self

    # --- reading ---

    def almacenado(self, objeto, sello: str | None = None) -> Adjunto | None:
        """The stored PDF of `objeto` for its current (or the given) seal, if any."""
        sello = sello or self.sello(objeto)
        if not sello:
            return None
        return Adjunto.objects.filter(
            content_type=ContentType.objects.get_for_model(self.modelo),
            object_id=objeto.pk,
            generado=self.clave,
            sello=sello,
        ).first()

    def renderizar(self, objeto) -> bytes:
        return renderizar_pdf(self.plantilla, self.contexto(objeto))

    # --- writing ---

    def generar(self, objeto) -> Adjunto | None:
        """Render and store the frozen PDF of `objeto` unless it is already stored; None for
        a draft. Two workers at once store one: the other's copy is thrown away."""
        sello = self.sello(objeto)
        if not sello:
            return None
        existente = self.almacenado(objeto, sello)
        if existente is not None:
            return existente
        contenido = self.renderizar(objeto)
        nombre = self.nombre(objeto)
        adjunto = Adjunto(
            objeto=objeto,
            nombre_original=nombre,
            tipo=Adjunto.Tipo.PDF,
            tamano=len(contenido),
            sha256=hashlib.sha256(contenido).hexdigest(),
            descripcion=str(self.descripcion or nombre),
            generado=self.clave,
            sello=sello,
        )
        adjunto.archivo.save(nombre, ContentFile(contenido), save=False)
        try:
            with transaction.atomic():
                adjunto.save()
        except IntegrityError:
            adjunto.archivo.storage.delete(adjunto.archivo.name)
            return self.almacenado(objeto, sello)
        return adjunto

    def generar_al_confirmar(self, objeto) -> None:
        """Once the current transaction commits, have a worker render and store the PDF."""
        clave, pk = self.clave, objeto.pk
        transaction.on_commit(lambda: _encolar(clave, pk))

    # --- serving ---

    def respuesta(self, objeto, *, adjunto: bool = True) -> FileResponse:
        """The PDF of `objeto` for a user who may see it (the view checked): from storage when
        frozen (stored now if the background run has not yet), rendered when a draft."""
        guardado = self.generar(objeto)
        if guardado is None:
            return respuesta_pdf(self.renderizar(objeto), self.nombre(objeto), adjunto=adjunto)
        try:
            archivo = guardado.archivo.open("rb")
        except FileNotFoundError:
            # The row outlived its file (a restored database, a lost volume): store it anew.
            logger.error("Falta en disco el documento %s (%s)", guardado.pk, guardado.archivo)
            guardado.delete()
            return self.respuesta(objeto, adjunto=adjunto)
        respuesta = FileResponse(
            archivo,
            as_attachment=adjunto,
            filename=self.nombre(objeto),
            content_type="application/pdf",
        )
        respuesta["X-Content-Type-Options"] = "nosniff"
        respuesta["Cache-Control"] = "private, no-store"
        return respuesta


def documentos() -> dict[str, DocumentoCongelado]:
    """The declared frozen documents, by key."""
    return dict(_documentos)


def _encolar(clave: str, pk) -> None:
    from buengobierno.documentos.tasks import generar_documento

    publicar_tarea(
        generar_documento,
        clave,
        pk,
        que=f"el documento {clave} del registro {pk}",
        despues="se generará en la primera descarga o en la siguiente recuperación",
    )


def generar_documento(*, clave: str, pk) -> Adjunto | None:
    """What the Celery task does: load the record and store its frozen PDF."""
    documento = _documentos.get(clave)
    if documento is None:
        logger.error("No hay un documento congelado declarado como %r.", clave)
        return None
    objeto = documento.modelo._base_manager.filter(pk=pk).first()
    return documento.generar(objeto) if objeto is not None else None


@escaneo(
    "documentos",
    descripcion=gettext_lazy(
        "Documentos definitivos (actas, fichas, cartas) que aún no se han generado"
    ),
    crontab={"minute": "*/30"},
)
def recuperar_documentos(*, ahora=None) -> int:
    """Enqueue the frozen documents of the last days that were never stored (their task
    was lost with the broker down); returns how many were enqueued."""
    desde = (ahora or timezone.now()) - timedelta(days=DIAS_DE_RECUPERACION)
    encolados = 0
    for documento in _documentos.values():
        recientes = list(documento.recientes(desde)[:POR_PASADA])
        guardados = set(
            Adjunto.objects.filter(
                content_type=ContentType.objects.get_for_model(documento.modelo),
                object_id__in=[o.pk for o in recientes],
                generado=documento.clave,
            ).values_list("object_id", "sello")
        )
        for objeto in recientes:
            sello = documento.sello(objeto)
            if sello and (objeto.pk, sello) not in guardados:
                _encolar(documento.clave, objeto.pk)
                encolados += 1
    return encolados
