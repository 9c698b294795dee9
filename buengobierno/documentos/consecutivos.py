"""Gap-free consecutive numbers per series and year (decrees, actas, delegation letters).

The number is taken inside the transaction that saves the numbered record, with the series'
counter row locked: a second transaction waits for the first to commit or roll back, and a
rollback gives the number back. So numbers are unique, consecutive and without gaps.

    with transaction.atomic():
        consecutivo = siguiente_consecutivo("decretos")
        acto.numero = consecutivo.texto
        acto.save()
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from buengobierno.documentos.models import ContadorConsecutivo, SerieConsecutiva


@dataclass(frozen=True)
class Consecutivo:
    numero: int
    anio: int
    texto: str

    def __str__(self):
        return self.texto


def siguiente_consecutivo(serie: str, *, anio: int | None = None, using: str = "default"):
    """Take the next number of `serie` (its codigo) for `anio` (default: this year in Bogotá).

    Must run inside the caller's transaction.atomic(), the one that saves the numbered record:
    the counter stays locked until that transaction ends. Raises SerieConsecutiva.DoesNotExist
    for an unknown series.
    """
    if not transaction.get_connection(using).in_atomic_block:
        raise TransactionManagementError(
            "siguiente_consecutivo() debe llamarse dentro de transaction.atomic(), la misma "
            "transacción que guarda el registro numerado; si no, un error posterior dejaría "
            "un hueco en la numeración."
        )
    anio = anio or timezone.localdate().year
    serie_consecutiva = SerieConsecutiva.objects.using(using).get(codigo=serie)
    contador = _contador_bloqueado(serie_consecutiva, anio, using)
    contador.ultimo += 1
    contador.save(update_fields=["ultimo"])
    return Consecutivo(
        numero=contador.ultimo,
        anio=anio,
        texto=serie_consecutiva.formatear(numero=contador.ultimo, anio=anio),
    )


def _contador_bloqueado(serie: SerieConsecutiva, anio: int, using: str) -> ContadorConsecutivo:
    contadores = ContadorConsecutivo.objects.using(using).select_for_update()
    try:
        return contadores.get(serie=serie, anio=anio)
    except ContadorConsecutivo.DoesNotExist:
        pass
    # The first number of a year: two transactions may both find no row and both insert.
    # The unique constraint lets one win; the other's insert fails inside its savepoint
    # (so its own transaction survives) and it then waits on the winner's row lock.
    try:
        with transaction.atomic(using=using):
            return ContadorConsecutivo.objects.using(using).create(serie=serie, anio=anio)
    except IntegrityError:
        return contadores.get(serie=serie, anio=anio)
