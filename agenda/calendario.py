"""The Secretario's time as each person may read it: day, week and month pages, the day's
PDF and e-mail, and the ICS feed share one list of entries.

An entry is an activity (cancelled ones left out) or a P001 session the Secretario attends.
What the reader may not see (a private activity, another organism's) is shown as «Ocupado»
with its hours only; overlapping confirmed entries are marked as a conflict.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import DURACION_SESION, Actividad
from agenda.services import sesiones_del_secretario
from buengobierno.documentos.formato import rango_horas
from buengobierno.web.ical import calendario, evento, sitio

CLASES_ESTADO = {
    Actividad.Estado.TENTATIVA: "text-bg-warning",
    Actividad.Estado.CONFIRMADA: "text-bg-primary",
    Actividad.Estado.REALIZADA: "text-bg-success",
    Actividad.Estado.CANCELADA: "text-bg-dark",
}


def clase_actividad(actividad) -> str:
    return CLASES_ESTADO.get(actividad.estado, "text-bg-secondary")


@dataclass
class Entrada:
    clave: str
    titulo: str
    inicio: datetime
    fin: datetime
    url: str = ""
    estado: str = ""
    clase_estado: str = "text-bg-secondary"
    tipo: str = ""
    lugar: str = ""
    detalle: str = ""
    ocupado: bool = False
    confirmada: bool = False
    en_cruce: bool = False
    cruces: list = field(default_factory=list)

    @property
    def horario(self) -> str:
        return rango_horas(self.inicio, self.fin)

    @property
    def dia(self) -> date:
        return timezone.localtime(self.inicio).date()


def limites(desde: date, hasta: date) -> tuple[datetime, datetime]:
    """[desde 00:00, hasta+1 00:00) in local time."""
    return (
        timezone.make_aware(datetime.combine(desde, time.min)),
        timezone.make_aware(datetime.combine(hasta + timedelta(days=1), time.min)),
    )


def entradas(usuario, desde: date, hasta: date) -> list[Entrada]:
    """The entries from `desde` to `hasta` (both included) as `usuario` may read them, in
    order, with conflicts marked. A bounded number of queries, whatever the period."""
    inicio, fin = limites(desde, hasta)
    actividades = list(
        Actividad.objects.entre(inicio, fin)
        .vigentes()
        .select_related("organismo", "delegacion__delegado")
        .order_by("inicio", "pk")
    )
    visibles = set(
        Actividad.objects.visibles_para(usuario)
        .filter(pk__in=[a.pk for a in actividades])
        .values_list("pk", flat=True)
    )
    resultado = []
    for a in actividades:
        confirmada = (
            a.estado == Actividad.Estado.CONFIRMADA
            and a.participacion == Actividad.Participacion.PRESENCIAL
        )
        if a.pk not in visibles:
            resultado.append(
                Entrada(
                    f"a{a.pk}", _("Ocupado"), a.inicio, a.fin, ocupado=True, confirmada=confirmada
                )
            )
            continue
        detalle = ""
        if a.participacion == Actividad.Participacion.DELEGADA and a.delegacion_id:
            detalle = _("Delegada en %(persona)s") % {"persona": a.delegacion.delegado}
        elif a.participacion == Actividad.Participacion.DECLINADA:
            detalle = _("Declinada")
        resultado.append(
            Entrada(
                f"a{a.pk}",
                a.titulo,
                a.inicio,
                a.fin,
                url=a.get_absolute_url(),
                estado=a.get_estado_display(),
                clase_estado=clase_actividad(a),
                tipo=a.get_tipo_display(),
                lugar=a.lugar or (_("Virtual") if a.enlace_virtual else ""),
                detalle=detalle,
                confirmada=confirmada,
            )
        )
    from delegaciones.models import Sesion

    sesiones = list(sesiones_del_secretario(inicio, fin))
    ven_sesiones = set(
        Sesion.objects.visibles_para(usuario)
        .filter(pk__in=[s.pk for s in sesiones])
        .values_list("pk", flat=True)
    )
    for s in sesiones:
        if s.pk in ven_sesiones:
            resultado.append(
                Entrada(
                    f"s{s.pk}",
                    str(s.instancia),
                    s.inicio,
                    s.inicio + DURACION_SESION,
                    url=s.get_absolute_url(),
                    estado=_("Sesión P001"),
                    clase_estado="text-bg-info",
                    tipo=_("Representación del Alcalde"),
                    lugar=s.lugar,
                    confirmada=True,
                )
            )
        else:
            resultado.append(
                Entrada(
                    f"s{s.pk}",
                    _("Ocupado"),
                    s.inicio,
                    s.inicio + DURACION_SESION,
                    ocupado=True,
                    confirmada=True,
                )
            )
    resultado.sort(key=lambda e: (e.inicio, e.clave))
    _marcar_cruces(resultado)
    return resultado


def _marcar_cruces(lista: list[Entrada]) -> None:
    confirmadas = [e for e in lista if e.confirmada]
    for i, una in enumerate(confirmadas):
        for otra in confirmadas[i + 1 :]:
            if otra.inicio >= una.fin:
                break
            una.en_cruce = otra.en_cruce = True
            una.cruces.append(otra.titulo)
            otra.cruces.append(una.titulo)


def por_dia(lista: list[Entrada], desde: date, hasta: date) -> list[tuple[date, list[Entrada]]]:
    dias = {}
    dia = desde
    while dia <= hasta:  # at most the 42 days of a month page
        dias[dia] = []
        dia += timedelta(days=1)
    for entrada in lista:
        if entrada.dia in dias:
            dias[entrada.dia].append(entrada)
    return list(dias.items())


def generar_ics(usuario, *, desde: date | None = None, dias: int = 120) -> bytes:
    """The agenda from 30 days back to `dias` ahead, as `usuario` may read it."""
    hoy = timezone.localdate()
    desde = desde or hoy - timedelta(days=30)
    base = sitio()
    eventos = []
    for e in entradas(usuario, desde, hoy + timedelta(days=dias)):
        descripcion = "\n".join(x for x in (e.tipo, e.estado, e.detalle) if x)
        eventos.append(
            evento(
                uid=f"agenda-{e.clave}",
                resumen=e.titulo,
                inicio=e.inicio,
                duracion=e.fin - e.inicio,
                lugar=e.lugar,
                descripcion=descripcion + (f"\n{base}{e.url}" if e.url else ""),
                url=base + e.url if e.url else "",
            )
        )
    return calendario(_("Agenda del Secretario de Gobierno — Buen Gobierno"), eventos)
