"""P006 and P008 rules: validity, currencies and their COP equivalent, the DAGJP concept
before signature, the visit's dates and reserve, commitments and meetings through P005 —
clear messages and nothing half-saved."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from compromisos.models import Compromiso, Reunion
from cooperacion.alianzas import services as alianzas
from cooperacion.alianzas.models import Alianza, RecursoAlianza
from cooperacion.misiones import services as misiones
from cooperacion.misiones.models import VisitaInternacional
from tests.conftest import momento
from tests.cooperacion.conftest import vigente

pytestmark = pytest.mark.django_db


def mensajes(error) -> dict:
    return error.value.message_dict


def test_validity_end_before_signing_is_refused_beside_the_field(
    alianza, relaciones, juridica, hoy
):
    with pytest.raises(ValidationError) as error:
        vigente(alianza, relaciones, juridica, firma=hoy, fin=hoy - timedelta(days=1))
    assert mensajes(error) == {
        "fecha_fin_vigencia": ["El fin de la vigencia no puede ser anterior a la fecha de firma."]
    }
    alianza.refresh_from_db()
    assert alianza.estado == Alianza.Estado.EN_GESTION and alianza.fecha_firma is None


def test_an_alliance_is_signed_only_after_a_favourable_dagjp_concept(
    alianza, relaciones, juridica, hoy
):
    with pytest.raises(ValidationError, match="concepto jurídico favorable"):
        alianzas.firmar_alianza(
            alianza=alianza, fecha_firma=hoy, fecha_fin_vigencia=None, usuario=relaciones
        )
    with pytest.raises(PermissionDenied):
        alianzas.emitir_concepto(
            alianza=alianza, favorable=True, observaciones="", usuario=relaciones
        )
    with pytest.raises(ValidationError) as error:
        alianzas.emitir_concepto(
            alianza=alianza, favorable=False, observaciones=" ", usuario=juridica
        )
    assert "observaciones" in mensajes(error)
    firmada = vigente(alianza, relaciones, juridica, firma=hoy, fin=hoy + timedelta(days=700))
    assert firmada.estado == Alianza.Estado.VIGENTE
    assert firmada.concepto_por == juridica
    assert firmada.history.count() >= 3


@pytest.mark.parametrize(
    "datos, campo, mensaje",
    [
        (
            {"monto": Decimal("10"), "moneda": ""},
            "moneda",
            "Indique la moneda del monto (ISO 4217).",
        ),
        (
            {"monto": Decimal("10"), "moneda": "EUR", "tasa_cambio": Decimal("4300")},
            "fecha_tasa",
            "Indique la fecha de la tasa de cambio.",
        ),
        (
            {"monto": Decimal("10"), "moneda": "USD"},
            "tasa_cambio",
            "Indique la tasa de cambio a pesos (COP por unidad).",
        ),
        ({"moneda": "USD"}, "monto", "Indique el monto en esa moneda."),
    ],
)
def test_an_amount_needs_its_currency_and_a_rate_its_date(
    alianza, relaciones, hoy, datos, campo, mensaje
):
    base = {"tipo": "tecnico", "descripcion": "Expertos", "anio": hoy.year, "monto": None}
    with pytest.raises(ValidationError) as error:
        alianzas.agregar_recurso(alianza=alianza, datos=base | datos, usuario=relaciones)
    assert mensaje in mensajes(error)[campo]
    assert not RecursoAlianza.objects.exists()


def test_the_cop_equivalent_is_the_amount_at_the_stated_rate(alianza, relaciones, recurso_usd, hoy):
    assert recurso_usd.valor_cop == Decimal("400000000.00")
    en_pesos = alianzas.agregar_recurso(
        alianza=alianza,
        datos={
            "tipo": "especie",
            "descripcion": "Buses eléctricos en comodato",
            "anio": hoy.year,
            "monto": Decimal("2500000"),
            "moneda": "COP",
            "tasa_cambio": None,
            "fecha_tasa": None,
        },
        usuario=relaciones,
    )
    assert en_pesos.valor_cop == Decimal("2500000.00")


def test_commitments_and_meetings_of_an_alliance_go_through_p005(
    alianza, relaciones, directivo_salud, hoy
):
    (compromiso,) = alianzas.registrar_compromisos(
        alianza=alianza,
        compromisos_=[
            {
                "descripcion": "Presentar el perfil del proyecto a JICA",
                "responsable": directivo_salud,
                "fecha_limite": hoy + timedelta(days=15),
            }
        ],
        usuario=relaciones,
    )
    assert compromiso.origen_id == alianza.pk
    assert compromiso.estado == Compromiso.Estado.PENDIENTE
    reunion = alianzas.convocar_reunion_de_articulacion(
        alianza=alianza,
        datos={
            "titulo": "Mesa técnica con JICA",
            "inicio": momento(hoy, 9),
            "fin": momento(hoy, 10),
        },
        usuario=relaciones,
    )
    assert isinstance(reunion, Reunion)
    assert list(alianza.reuniones.all()) == [reunion]
    assert reunion.origen_url == alianza.get_absolute_url()


def test_a_visit_refuses_departure_before_arrival_and_a_reserve_without_grounds(nueva_visita, hoy):
    with pytest.raises(ValidationError) as error:
        nueva_visita(llegada=momento(hoy, 10), salida=momento(hoy, 8))
    assert mensajes(error)["salida"] == ["La salida no puede ser anterior a la llegada."]
    with pytest.raises(ValidationError) as error:
        nueva_visita(reservada=True, motivo_reserva="")
    assert "motivo_reserva" in mensajes(error)
    assert not VisitaInternacional.objects.exists()


def test_results_are_owed_five_business_days_after_departure_and_follow_the_calendar(
    nueva_visita, admin_user
):
    visita = nueva_visita()
    salida = visita.salida.astimezone().date()
    assert visita.fecha_limite_resultados == sumar_dias_habiles(salida, 5)
    dia = sumar_dias_habiles(salida, 1)
    DiaNoHabil.objects.create(fecha=dia, motivo="Día cívico")
    visita.refresh_from_db()
    assert visita.fecha_limite_resultados == sumar_dias_habiles(salida, 5)
    assert visita.fecha_limite_resultados > dia
    assert visita.history.first().history_change_reason


def test_an_activity_outside_the_visit_is_refused(nueva_visita, relaciones, directivo_salud, hoy):
    visita = nueva_visita()
    with pytest.raises(ValidationError) as error:
        misiones.agregar_actividad(
            visita=visita,
            datos={
                "inicio": momento(hoy + timedelta(days=30)),
                "actividad": "Recorrido",
                "lugar": "Bulevar del Río",
                "anfitrion": directivo_salud,
            },
            usuario=relaciones,
        )
    assert "inicio" in mensajes(error)
    assert not visita.actividades.exists()


def test_the_responsible_person_of_a_checklist_item_moves_it(
    nueva_visita, relaciones, directivo_salud, directivo_educacion
):
    visita = nueva_visita()
    item = misiones.agregar_item(
        visita=visita,
        datos={"tipo": "interprete", "descripcion": "Francés", "responsable": directivo_salud},
        usuario=relaciones,
    )
    misiones.cambiar_estado_item(item=item, estado="listo", usuario=directivo_salud)
    item.refresh_from_db()
    assert item.estado == "listo"
    with pytest.raises(PermissionDenied):
        misiones.cambiar_estado_item(item=item, estado="pendiente", usuario=directivo_educacion)


def test_results_close_the_visit_and_commitments_land_on_the_board(
    nueva_visita, relaciones, directivo_salud, hoy
):
    visita = nueva_visita(llegada=momento(hoy, 8), salida=momento(hoy, 18))
    misiones.registrar_resultados(
        visita=visita, resultados="Se acordó una misión técnica.", usuario=relaciones
    )
    visita.refresh_from_db()
    assert visita.estado == VisitaInternacional.Estado.REALIZADA
    (compromiso,) = misiones.registrar_compromisos(
        visita=visita,
        compromisos_=[
            {
                "descripcion": "Preparar la misión técnica",
                "responsable": directivo_salud,
                "fecha_limite": hoy + timedelta(days=10),
            }
        ],
        usuario=relaciones,
    )
    assert Compromiso.objects.visibles_para(directivo_salud).filter(pk=compromiso.pk).exists()
