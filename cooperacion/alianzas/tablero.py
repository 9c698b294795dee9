"""The cooperation dashboard: resources (in COP) per year, cooperante, country and ODS;
alliances about to expire; visits per country and per month. Every figure is one grouped
query over what the user may see (a reserved visit is not counted for an outsider)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_larga
from buengobierno.web.graficos import barras_apiladas
from cooperacion.alianzas.models import Alianza, ObjetivoDesarrollo, RecursoAlianza
from cooperacion.catalogos import PAISES
from cooperacion.misiones.models import VisitaInternacional

DIAS_POR_VENCER = 90
MESES_DE_VISITAS = 12
FIRMADAS = Q(alianza__fecha_firma__isnull=False)
COLOR_FIRMADAS = "#1f6f43"
COLOR_EN_GESTION = "#8fb3d9"


def _agrupar(recursos, *campos):
    return list(
        recursos.values(*campos)
        .annotate(
            firmadas=Sum("valor_cop", filter=FIRMADAS, default=0),
            en_gestion=Sum("valor_cop", filter=~FIRMADAS, default=0),
            total=Sum("valor_cop", default=0),
        )
        .order_by(*campos)
    )


def cifras(usuario, hoy=None) -> dict:
    hoy = hoy or timezone.localdate()
    alianzas = Alianza.objects.visibles_para(usuario).exclude(
        estado=Alianza.Estado.TERMINADA, fecha_firma__isnull=True
    )
    recursos = RecursoAlianza.objects.filter(alianza__in=alianzas.values("pk"))
    paises = dict(PAISES)
    por_anio = _agrupar(recursos, "anio")
    por_cooperante = sorted(
        _agrupar(recursos, "alianza__cooperante__nombre"), key=lambda f: -f["total"]
    )
    por_pais = sorted(_agrupar(recursos, "alianza__cooperante__pais"), key=lambda f: -f["total"])
    for fila in por_pais:
        fila["nombre"] = str(paises.get(fila["alianza__cooperante__pais"], ""))
    nombres_ods = {o.numero: str(o) for o in ObjetivoDesarrollo.objects.all()}
    por_ods = [
        f | {"nombre": nombres_ods.get(f["alianza__ods__numero"], _("Sin ODS"))}
        for f in _agrupar(recursos, "alianza__ods__numero")
    ]
    por_vencer = list(
        alianzas.por_vencer(hoy, DIAS_POR_VENCER)
        .select_related("cooperante")
        .order_by("fecha_fin_vigencia", "pk")
    )
    visitas = VisitaInternacional.objects.visibles_para(usuario).exclude(
        estado=VisitaInternacional.Estado.CANCELADA
    )
    visitas_por_pais = list(visitas.values("pais").annotate(n=Count("pk")).order_by("-n", "pais"))
    for fila in visitas_por_pais:
        fila["nombre"] = str(paises.get(fila["pais"], fila["pais"]))
    desde = (hoy.replace(day=1) - timedelta(days=31 * (MESES_DE_VISITAS - 1))).replace(day=1)
    visitas_por_mes = list(
        visitas.filter(llegada__date__gte=desde)
        .annotate(mes=TruncMonth("llegada"))
        .values("mes")
        .annotate(n=Count("pk"))
        .order_by("mes")
    )
    return {
        "por_anio": por_anio,
        "por_cooperante": por_cooperante,
        "por_pais": por_pais,
        "por_ods": por_ods,
        "por_vencer": por_vencer,
        "visitas_por_pais": visitas_por_pais,
        "visitas_por_mes": visitas_por_mes,
        "total_cop": sum(f["total"] for f in por_anio),
        "total_visitas": sum(f["n"] for f in visitas_por_pais),
    }


def _grafico(etiquetas, filas):
    return barras_apiladas(
        etiquetas,
        [
            (_("Firmadas (COP)"), [float(f["firmadas"]) for f in filas], COLOR_FIRMADAS),
            (_("En gestión (COP)"), [float(f["en_gestion"]) for f in filas], COLOR_EN_GESTION),
        ],
    )


@login_required
def tablero(request):
    datos = cifras(request.user)
    graficos = []
    if datos["por_anio"]:
        graficos.append(
            {
                "id": "grafico-anios",
                "config": _grafico([str(f["anio"]) for f in datos["por_anio"]], datos["por_anio"]),
            }
        )
    if datos["visitas_por_mes"]:
        graficos.append(
            {
                "id": "grafico-visitas",
                "config": barras_apiladas(
                    [f"{f['mes']:%m/%Y}" for f in datos["visitas_por_mes"]],
                    [(_("Visitas"), [f["n"] for f in datos["visitas_por_mes"]], "#1f4e79")],
                ),
            }
        )
    datos.update(graficos=graficos, pestana="tablero", fecha_larga=fecha_larga)
    return render(request, "cooperacion/tablero.html", datos)
