"""The board of P001, the lists of delegations, the sessions' calendar and the indicators."""

import calendar
from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, Q, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga, hora
from buengobierno.plazos.calendario import motivo_no_habil
from buengobierno.web.entrada import mes_pedido
from buengobierno.web.listas import ListaView, Tarjeta, enlazador
from delegaciones.filtros import POR_ENTREGAR, VENCIDA, FiltroDelegaciones
from delegaciones.indicadores import grafico
from delegaciones.models import (
    Delegacion,
    Sesion,
    condicion_por_entregar,
    condicion_vencida,
)
from delegaciones.resumen import cifras_y_total
from delegaciones.templatetags.delegaciones import clase_delegacion

LIMITE_TABLERO = 10
ESTADOS_DEL_TABLERO = (
    Delegacion.Estado.NOTIFICADA,
    Delegacion.Estado.FICHA_ENTREGADA,
    *Delegacion.DEBEN_FICHA,
)
# Mis delegaciones: what waits for me first (to accept, then fichas owed), then the rest.
ORDEN_MIAS = Case(
    When(estado=Delegacion.Estado.NOTIFICADA, then=Value(0)),
    When(estado__in=Delegacion.DEBEN_FICHA, then=Value(1)),
    default=Value(2),
)
COLUMNAS = [
    (_("Instancia"), "sesion.instancia"),
    (_("Sesión"), "sesion.inicio"),
    (_("Delegado"), "delegado"),
    (_("Organismo del delegado"), "organismo"),
    (_("Quién delega"), "get_delegante_display"),
    (_("Estado"), "estado_mostrado"),
    (_("Carta"), "numero_carta"),
    (_("Plazo de la ficha"), "fecha_limite_ficha"),
    (_("Ficha entregada"), "ficha_entregada_en"),
    (_("Entregada a tiempo"), "ficha_a_tiempo"),
]


@login_required
def tablero(request):
    """Upcoming sessions, delegations awaiting acceptance, fichas due and overdue.

    Each section shows its first LIMITE_TABLERO rows and, when there are more, links to the
    list of delegations filtered the same way; the counts come from one query.
    """
    usuario = request.user
    hoy = timezone.localdate()
    visibles = Delegacion.objects.visibles_para(usuario)
    delegaciones = visibles.para_lista()
    proximas = list(
        Sesion.objects.visibles_para(usuario)
        .proximas()
        .select_related("instancia")[:LIMITE_TABLERO]
    )
    vigentes = {
        d.sesion_id: d
        for d in Delegacion.objects.vigentes()
        .filter(sesion__in=[s.pk for s in proximas])
        .select_related("delegado", "ficha")
        .order_by()  # a dict by session: no join to the sessions for Meta.ordering
    }
    secciones = {
        "por_aceptar": (delegaciones.por_aceptar(), Delegacion.Estado.NOTIFICADA),
        "por_vencer": (
            delegaciones.por_entregar(hoy).order_by("fecha_limite_ficha", "pk"),
            POR_ENTREGAR,
        ),
        "vencidas": (delegaciones.vencidas(hoy).order_by("fecha_limite_ficha", "pk"), VENCIDA),
        "por_revisar": (
            delegaciones.filter(estado=Delegacion.Estado.FICHA_ENTREGADA),
            Delegacion.Estado.FICHA_ENTREGADA,
        ),
    }
    # One query, on the index of the states the board shows.
    cuentas = visibles.filter(estado__in=ESTADOS_DEL_TABLERO).aggregate(
        por_aceptar=Count("pk", filter=Q(estado=Delegacion.Estado.NOTIFICADA)),
        por_vencer=Count("pk", filter=condicion_por_entregar(hoy)),
        vencidas=Count("pk", filter=condicion_vencida(hoy)),
        por_revisar=Count("pk", filter=Q(estado=Delegacion.Estado.FICHA_ENTREGADA)),
    )
    lista = reverse("delegaciones:delegaciones")
    return render(
        request,
        "delegaciones/tablero.html",
        {
            "pestana": "tablero",
            "proximas": [(s, vigentes.get(s.pk)) for s in proximas],
            **{
                nombre: list(consulta[:LIMITE_TABLERO])
                for nombre, (consulta, _e) in secciones.items()
            },
            "cuentas": cuentas,
            "ver_todas": {
                nombre: f"{lista}?{urlencode({'estado': estado})}"
                for nombre, (_consulta, estado) in secciones.items()
            },
            "total": cifras_y_total(visibles, usuario)[1],
        },
    )


class ListaDelegaciones(ListaView):
    modelo = Delegacion
    filterset_class = FiltroDelegaciones
    campos_busqueda = (
        "sesion__instancia__nombre",
        "delegado__first_name",
        "delegado__last_name",
        "organismo__sigla",
        "numero_carta",
    )
    relacionados = ("sesion__instancia", "delegado", "organismo", "ficha")
    orden = ("-sesion__inicio", "-pk")
    columnas_exportacion = COLUMNAS
    columnas_lista = []
    titulo = _("Delegaciones")
    subtitulo = _("Quién representa al Alcalde o al Secretario, y cómo va su ficha técnica.")
    nombre_exportacion = "delegaciones"
    template_name = "delegaciones/delegaciones.html"
    pestana = "delegaciones"

    def preparar_pagina(self, delegaciones):
        # What the table shows of each row, read once: no {% url %}, filters or related
        # lookups per cell.
        enlace = enlazador("delegaciones:delegacion")
        self.filas_delegaciones = [self.fila(d, enlace) for d in delegaciones]

    @staticmethod
    def fila(d, enlace) -> dict:
        organismo, inicio = d.organismo, d.sesion.inicio
        ficha = ""  # "sin" (none owed), "a_tiempo", "retraso", or owed: its deadline
        if d.estado in (Delegacion.Estado.CANCELADA, Delegacion.Estado.RECHAZADA):
            ficha = "sin"
        else:
            entregada = d.ficha_o_none
            if entregada is not None and entregada.entregada_en:
                ficha = "a_tiempo" if entregada.entregada_a_tiempo else "retraso"
        return {
            "url": enlace(d.pk),
            "instancia": str(d.sesion.instancia),
            "carta": d.numero_carta,
            "fecha": fecha_larga(inicio),
            "hora": hora(inicio),
            "delegado": str(d.delegado),
            "organismo": (organismo.sigla or organismo.nombre) if organismo else "",
            "organismo_nombre": organismo.nombre if organismo else "",
            "clase": clase_delegacion(d),
            "estado": d.estado_mostrado,
            "ficha": ficha,
            "plazo": "" if ficha else fecha_larga(d.fecha_limite_ficha),
        }

    def tarjeta(self, d):
        usuario = self.request.user
        accion = None
        if d.delegado_id == usuario.pk and d.estado == Delegacion.Estado.NOTIFICADA:
            accion = (_("Responder"), d.get_absolute_url())
        elif d.delegado_id == usuario.pk and d.debe_ficha and d.sesion.ya_empezo:
            accion = (_("Llenar la ficha técnica"), reverse("delegaciones:ficha", args=[d.pk]))
        detalles = [(_("Sesión"), fecha_hora_larga(d.sesion.inicio))]
        if d.estado not in Delegacion.TERMINADAS_SIN_FICHA:
            ficha = d.ficha_o_none
            if ficha is not None and ficha.entregada_en:
                entregada = _("a tiempo") if ficha.entregada_a_tiempo else _("con retraso")
                detalles.append((_("Ficha entregada"), entregada))
        return Tarjeta(
            titulo=str(d.sesion.instancia),
            url=d.get_absolute_url(),
            estado=d.estado_mostrado,
            clase_estado=clase_delegacion(d),
            fecha=d.fecha_limite_ficha if d.debe_ficha else None,
            etiqueta_fecha=_("Ficha a más tardar"),
            responsable=str(d.delegado),
            etiqueta_responsable=_("Delegado"),
            detalles=detalles,
            accion=accion,
            vencido=d.ficha_vencida,
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = self.pestana
        contexto["filas_delegaciones"] = self.filas_delegaciones
        return contexto


class MisDelegaciones(ListaDelegaciones):
    """What is assigned to me: accept, then send the ficha — on a phone too."""

    titulo = _("Mis delegaciones")
    subtitulo = _("Las sesiones en las que usted representa al Alcalde o al Secretario.")
    nombre_exportacion = "mis-delegaciones"
    pestana = "mias"
    orden = ()

    def consulta_base(self):
        # A delegation reaches its delegate once the letter is signed (a written act).
        return Delegacion.objects.filter(delegado=self.request.user).exclude(
            estado__in=Delegacion.SIN_NOTIFICAR
        )

    def get_queryset(self):
        # What needs me first (to accept, fichas owed), then by session date.
        return (
            super()
            .get_queryset()
            .alias(primero=ORDEN_MIAS)
            .order_by("primero", "-sesion__inicio", "-pk")
        )


def _mes_pedido(texto: str | None) -> date:
    # Anything but a month of the calendar's years (2000–2100) shows the current month.
    return mes_pedido(texto) or timezone.localdate().replace(day=1)


@login_required
def calendario_sesiones(request):
    """A month of sessions (grid on a wide screen, a list on a phone); ?mes=AAAA-MM."""
    primero = _mes_pedido(request.GET.get("mes"))
    ultimo_dia = calendar.monthrange(primero.year, primero.month)[1]
    zona = timezone.get_current_timezone()
    desde = datetime.combine(primero, time.min, tzinfo=zona)
    hasta = datetime.combine(primero.replace(day=ultimo_dia), time.max, tzinfo=zona)
    sesiones = list(
        Sesion.objects.visibles_para(request.user)
        .filter(inicio__range=(desde, hasta))
        .select_related("instancia")
        .order_by("inicio")
    )
    vigentes = {
        d.sesion_id: d
        for d in Delegacion.objects.vigentes()
        .filter(sesion__in=[s.pk for s in sesiones])
        .select_related("delegado", "ficha")
        .order_by()  # a dict by session: no join to the sessions for Meta.ordering
    }
    por_dia: dict[date, list] = {}
    for sesion in sesiones:
        por_dia.setdefault(sesion.fecha, []).append((sesion, vigentes.get(sesion.pk)))
    hoy = timezone.localdate()
    semanas = [
        [
            {
                "fecha": dia,
                "del_mes": dia.month == primero.month,
                "hoy": dia == hoy,
                "no_habil": motivo_no_habil(dia),
                "sesiones": por_dia.get(dia, []),
            }
            for dia in semana
        ]
        for semana in calendar.Calendar(firstweekday=0).monthdatescalendar(
            primero.year, primero.month
        )
    ]
    anterior = (primero - timedelta(days=1)).replace(day=1)
    siguiente = primero.replace(day=ultimo_dia) + timedelta(days=1)
    return render(
        request,
        "delegaciones/calendario.html",
        {
            "pestana": "calendario",
            "mes": primero,
            "semanas": semanas,
            "dias_con_sesiones": sorted(por_dia.items()),
            "anterior": f"{anterior:%Y-%m}",
            "siguiente": f"{siguiente:%Y-%m}",
            "actual": f"{hoy:%Y-%m}",
        },
    )


@login_required
def indicadores(request):
    """On-time delivery of fichas per organism of the delegate and per instancia."""
    visibles = Delegacion.objects.visibles_para(request.user)
    # For whoever sees everything, from the figures kept per organism and instancia.
    por_organismo, total = cifras_y_total(visibles, request.user, "organismo")
    por_instancia, _total = cifras_y_total(visibles, request.user, "instancia")
    graficos = []
    if por_organismo:
        graficos.append({"id": "grafico-organismos", "config": grafico(por_organismo)})
    if por_instancia:
        graficos.append({"id": "grafico-instancias", "config": grafico(por_instancia)})
    return render(
        request,
        "delegaciones/indicadores.html",
        {
            "pestana": "indicadores",
            "total": total,
            "por_organismo": por_organismo,
            "por_instancia": por_instancia,
            "graficos": graficos,
        },
    )
