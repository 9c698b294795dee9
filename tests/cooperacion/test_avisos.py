"""Reminders of P006 and P008: an alliance 90 and 30 days before it expires, a visit within
five business days with its checklist open, results not recorded a week after — each exactly
once, however many workers scan at once."""

from datetime import timedelta

import pytest

from buengobierno.avisos import registro
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.plazos.calendario import sumar_dias_habiles
from cooperacion.alianzas.avisos import avisar_alianzas
from cooperacion.alianzas.models import Alianza
from cooperacion.misiones import services as misiones
from cooperacion.misiones.avisos import avisar_visitas
from tests.concurrencia import en_paralelo
from tests.conftest import momento
from tests.cooperacion.conftest import vigente


def pasos():
    return sorted(Recordatorio.objects.values_list("paso", flat=True))


@pytest.mark.django_db
def test_an_alliance_is_reminded_90_and_30_days_before_it_expires(
    nueva_alianza, relaciones, juridica, hoy
):
    alianza = vigente(
        nueva_alianza(),
        relaciones,
        juridica,
        firma=hoy - timedelta(days=300),
        fin=hoy + timedelta(days=80),
    )
    assert avisar_alianzas(hoy) == 1
    assert avisar_alianzas(hoy) == 0
    assert pasos() == [f"vence_90:{alianza.fecha_fin_vigencia:%Y%m%d}"]
    assert avisar_alianzas(hoy + timedelta(days=55)) == 1
    assert avisar_alianzas(hoy + timedelta(days=56)) == 0
    assert len(pasos()) == 2


@pytest.mark.django_db
def test_an_expired_alliance_without_renewal_becomes_vencida(
    nueva_alianza, relaciones, juridica, hoy
):
    alianza = nueva_alianza()
    vigente(alianza, relaciones, juridica, firma=hoy - timedelta(days=30), fin=hoy)
    renovable = nueva_alianza(nombre="Hermanamiento", renovacion_automatica=True)
    vigente(renovable, relaciones, juridica, firma=hoy - timedelta(days=30), fin=hoy)
    with sin_avisos():
        registro.ejecutar("cooperacion_alianzas")
    alianza.refresh_from_db()
    assert alianza.estado == Alianza.Estado.VIGENTE  # it ends today
    from cooperacion.alianzas.services import marcar_vencidas

    assert marcar_vencidas(hoy + timedelta(days=1)) == 1
    alianza.refresh_from_db()
    renovable.refresh_from_db()
    assert alianza.estado == Alianza.Estado.VENCIDA
    assert renovable.estado == Alianza.Estado.VIGENTE


@pytest.mark.django_db
def test_a_visit_is_reminded_while_its_checklist_is_open_and_when_results_are_owed(
    nueva_visita, relaciones, directivo_salud, hoy
):
    pronto = nueva_visita(
        llegada=momento(sumar_dias_habiles(hoy, 3), 9),
        salida=momento(sumar_dias_habiles(hoy, 3), 18),
    )
    item = misiones.agregar_item(
        visita=pronto,
        datos={"tipo": "transporte", "descripcion": "", "responsable": directivo_salud},
        usuario=relaciones,
    )
    lista = nueva_visita(
        institucion="Embajada de Corea",
        llegada=momento(sumar_dias_habiles(hoy, 2), 9),
        salida=momento(sumar_dias_habiles(hoy, 2), 18),
    )
    misiones.agregar_item(
        visita=lista,
        datos={"tipo": "banderas", "descripcion": "", "responsable": directivo_salud},
        usuario=relaciones,
    )
    misiones.cambiar_estado_item(item=lista.items.get(), estado="listo", usuario=relaciones)
    assert avisar_visitas(hoy) == 1
    assert avisar_visitas(hoy) == 0
    misiones.cambiar_estado_item(item=item, estado="listo", usuario=relaciones)
    despues = pronto.fecha_limite_resultados + timedelta(days=1)
    assert avisar_visitas(despues) == 2  # both owe their results
    assert avisar_visitas(despues) == 0
    assert [p.split(":")[0] for p in pasos()] == [
        "alistamiento",
        "sin_resultados",
        "sin_resultados",
    ]


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_once_send_each_reminder_once(
    nueva_alianza, nueva_visita, relaciones, juridica, directivo_salud, hoy, mailoutbox
):
    alianza = nueva_alianza()
    vigente(
        alianza, relaciones, juridica, firma=hoy - timedelta(days=300), fin=hoy + timedelta(days=20)
    )
    visita = nueva_visita(
        llegada=momento(sumar_dias_habiles(hoy, 1), 9),
        salida=momento(sumar_dias_habiles(hoy, 1), 18),
    )
    misiones.agregar_item(
        visita=visita,
        datos={"tipo": "seguridad", "descripcion": "", "responsable": directivo_salud},
        usuario=relaciones,
    )

    def escanear():
        return registro.ejecutar("cooperacion_alianzas") + registro.ejecutar("cooperacion_misiones")

    programados = en_paralelo(escanear, hilos=2)

    assert sum(programados) == 2
    assert Recordatorio.objects.count() == 2
    assert sorted(m.to[0] for m in mailoutbox) == [relaciones.email, relaciones.email]
