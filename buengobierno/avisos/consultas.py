"""What a scan needs to select, in SQL, only the rows due for a step that nobody claimed yet.

    from buengobierno.avisos.consultas import paso_con_fecha, reclamado

    # Open commitments due today whose responsible person was not reminded of this due date.
    debidos = (
        Compromiso.objects.abiertos()
        .filter(fecha_limite=hoy)
        .alias(paso=paso_con_fecha("vence_hoy", "fecha_limite"))
        .exclude(reclamado(Compromiso, paso=OuterRef("paso"), destinatario="responsable"))
    )

`tipo_segun_fecha` names the step by where the date falls (ahead, today, past), for a scan that
selects several steps in one query. `reclamado` is a NOT EXISTS against the ledger (avisos.Recordatorio) served by its unique key,
so a run where everything was already sent reads no row twice and costs a few queries however
many records exist; programar_aviso still settles a race between two workers.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, Func, OuterRef, Value, When
from django.db.models.functions import Concat

from buengobierno.avisos.models import Recordatorio


class FechaCompacta(Func):
    """A date column as text YYYYMMDD, as the steps write it (f"{fecha:%Y%m%d}")."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        # The format goes as a parameter: "%" never has to be escaped in the SQL.
        return Func(Value("%Y%m%d"), *self.source_expressions, function="strftime").as_sql(
            compiler, connection, **extra
        )

    def as_postgresql(self, compiler, connection, **extra):
        # As a timestamp without time zone: the session's time zone cannot shift the day.
        return super().as_sql(
            compiler, connection, template="to_char(%(expressions)s::timestamp, 'YYYYMMDD')"
        )


def tipo_segun_fecha(campo: str, hoy, *, antes: str, ese_dia: str, despues: str) -> Case:
    """The name of a step by where the date column `campo` falls from `hoy`: still ahead
    (`antes`), today (`ese_dia`) or past (`despues`)."""
    return Case(
        When(**{f"{campo}__gt": hoy}, then=Value(antes)),
        When(**{campo: hoy}, then=Value(ese_dia)),
        default=Value(despues),
        output_field=CharField(),
    )


def paso_con_fecha(prefijo, campo: str):
    """The step `prefijo:YYYYMMDD` of the date column `campo`; `prefijo` is a text or an
    expression (e.g. a Case that names the step by how far the date is)."""
    if isinstance(prefijo, str):
        prefijo = Value(prefijo)
    return Concat(prefijo, Value(":"), FechaCompacta(campo), output_field=CharField())


def reclamado(modelo, *, paso, destinatario: str) -> Exists:
    """EXISTS a ledger row for (this row of `modelo`, paso, destinatario).

    `paso` is the step as text, or an expression such as OuterRef("paso") naming an
    annotation of the outer query (see paso_con_fecha); `destinatario` names the outer
    query's field or path that holds the person (e.g. "responsable", "organismo__jefe").
    """
    return Exists(
        Recordatorio.objects.filter(
            content_type=ContentType.objects.get_for_model(modelo),
            object_id=OuterRef("pk"),
            paso=paso,
            destinatario=OuterRef(destinatario),
        )
    )
