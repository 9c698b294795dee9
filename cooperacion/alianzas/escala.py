"""P006 in the scale dataset: 300 cooperantes and 1,200 alliances over eight years, with their
resources (USD, EUR, COP…) and ODS, each in the state its dates give it; the 90- and 30-day
reminders the scan would have claimed are in the ledger, so a scan run now finds nothing new."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse

from cooperacion.alianzas.models import Alianza, Cooperante, ObjetivoDesarrollo, RecursoAlianza
from cooperacion.catalogos import MONEDAS, PAISES

COOPERANTES = 300
ALIANZAS = 1_200
TASAS = {"USD": 4000, "EUR": 4400, "GBP": 5100, "JPY": 27, "KRW": 3, "CAD": 2900, "CHF": 4600}
MINUTO_ESCANEO = 20  # cooperacion/alianzas/avisos.py runs at 7:20


def sembrar(*, escala, contexto):
    azar, hoy = contexto.azar, contexto.hoy
    oficina = contexto.por_rol.get("Relaciones y Cooperación") or contexto.personas
    if not oficina:
        return
    tipos = [t.value for t in Cooperante.Tipo]
    paises = [p for p, _n in PAISES]
    cooperantes = []
    for n in range(contexto.cantidad(COOPERANTES)):
        autor = azar.choice(oficina)
        cooperantes.append(
            contexto.agregar(
                Cooperante,
                nombre=f"Cooperante {n + 1:04d}",
                sigla=f"C{n + 1}",
                tipo=azar.choice(tipos),
                pais=azar.choice(paises),
                areas_interes="Movilidad, clima, paz",
                sitio_web="",
                activo=azar.random() > 0.05,
                creado_por_id=autor.id,
                creado_en=contexto.momento(contexto.inicio, 8),
            )
        )
    contexto.datos["cooperantes"] = cooperantes
    ods = list(ObjetivoDesarrollo.objects.values_list("numero", flat=True))
    monedas = [m for m, _n in MONEDAS if m in TASAS or m == "COP"]
    total_dias = (hoy - contexto.inicio).days
    en_gestion = []
    for n in range(contexto.cantidad(ALIANZAS)):
        responsable = azar.choice(oficina)
        creada = contexto.inicio + timedelta(days=int(total_dias * n / contexto.cantidad(ALIANZAS)))
        alianza_id = contexto.reservar(Alianza)
        firmada = creada + timedelta(days=azar.randint(30, 120))
        fin = firmada + timedelta(days=azar.choice((365, 730, 1095, 1825)))
        renovable = azar.random() < 0.2
        if firmada > hoy or azar.random() < 0.1:
            estado, firma, concepto = Alianza.Estado.EN_GESTION, None, "solicitado"
            en_gestion.append(alianza_id)
        elif azar.random() < 0.05:
            estado, firma, concepto = Alianza.Estado.TERMINADA, firmada, "favorable"
        elif fin < hoy and not renovable:
            estado, firma, concepto = Alianza.Estado.VENCIDA, firmada, "favorable"
        else:
            estado, firma, concepto = Alianza.Estado.VIGENTE, firmada, "favorable"
        valores = {
            "id": alianza_id,
            "nombre": f"Alianza {n + 1:05d}",
            "instrumento": azar.choice([i.value for i in Alianza.Instrumento]),
            "cooperante_id": azar.choice(cooperantes),
            "objeto": "Cooperación técnica y financiera para la ciudad.",
            "areas": "Movilidad",
            "organismo_id": responsable.organismo_id,
            "responsable_id": responsable.id,
            "estado": estado,
            "fecha_firma": firma,
            "fecha_fin_vigencia": fin,
            "renovacion_automatica": renovable,
            "concepto_juridico": concepto,
            "concepto_observaciones": "",
            "concepto_por_id": None,
            "concepto_en": None,
            "motivo_terminacion": "Terminada por mutuo acuerdo." if estado == "terminada" else "",
            "creado_por_id": responsable.id,
            "creado_en": contexto.momento(creada, 9),
        }
        contexto.agregar(Alianza, **valores)
        contexto.historia(
            Alianza, valores, tipo="+", fecha=valores["creado_en"], usuario_id=responsable.id
        )
        for numero in azar.sample(ods, azar.randint(1, 3)):
            contexto.agregar(
                Alianza.ods.through, alianza_id=alianza_id, objetivodesarrollo_id=numero
            )
        for _r in range(azar.randint(0, 3)):
            moneda = azar.choice(monedas)
            monto = Decimal(azar.randint(10, 900) * 1000)
            tasa = None if moneda == "COP" else Decimal(TASAS[moneda])
            contexto.agregar(
                RecursoAlianza,
                alianza_id=alianza_id,
                tipo=azar.choice([t.value for t in RecursoAlianza.Tipo]),
                descripcion="Aporte",
                anio=(firma or creada).year,
                monto=monto,
                moneda=moneda,
                tasa_cambio=tasa,
                fecha_tasa=(firma or creada) if tasa else None,
                valor_cop=RecursoAlianza.equivalente_cop(monto, moneda, tasa),
            )
        if estado == Alianza.Estado.VIGENTE:
            _recordatorios(contexto, alianza_id, valores, fin)
    contexto.datos["alianzas_en_gestion"] = en_gestion


def _recordatorios(contexto, alianza_id, valores, fin):
    """The 90- and 30-day reminders the scan claimed (only the 30-day one once inside 30)."""
    url = reverse("cooperacion_alianzas:alianza", args=[alianza_id])
    for dias in (90, 30):
        desde = fin - timedelta(days=dias)
        if desde > contexto.hoy:
            continue
        if dias == 90 and fin - contexto.hoy <= timedelta(days=30):
            continue
        cuando = contexto.pasada(contexto.momento(desde, 7), minuto=MINUTO_ESCANEO)
        if cuando is None:
            continue
        contexto.recordatorio(
            modelo=Alianza,
            object_id=alianza_id,
            paso=f"vence_{dias}:{fin:%Y%m%d}",
            destinatario_id=valores["responsable_id"],
            plantilla="aviso_generico",
            cuando=cuando,
            titulo="Alianza por vencer",
            url=url,
            contexto={"titulo": "Alianza por vencer", "mensaje": "La alianza vence pronto."},
        )
