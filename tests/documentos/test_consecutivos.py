import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.transaction import TransactionManagementError

from buengobierno.documentos.consecutivos import Consecutivo, siguiente_consecutivo
from buengobierno.documentos.models import ContadorConsecutivo, SerieConsecutiva
from tests.concurrencia import en_paralelo

pytestmark = pytest.mark.django_db


def tomar(serie="decretos", **kwargs) -> Consecutivo:
    with transaction.atomic():
        return siguiente_consecutivo(serie, **kwargs)


def test_numbers_follow_each_other_within_a_year_and_restart_at_one_the_next():
    numeros_2026 = [tomar(anio=2026) for _ in range(3)]
    primero_2027 = tomar(anio=2027)
    cuarto_2026 = tomar(anio=2026)

    assert [c.numero for c in numeros_2026] == [1, 2, 3]
    assert (primero_2027.numero, primero_2027.anio) == (1, 2027)
    assert cuarto_2026.numero == 4


def test_a_decree_number_uses_the_cali_format():
    assert tomar("decretos", anio=2026) == Consecutivo(
        numero=1, anio=2026, texto="4112.010.20.0001"
    )
    assert str(tomar("decretos", anio=2026)) == "4112.010.20.0002"


def test_the_default_format_carries_the_year():
    assert tomar("actas-consejo-gobierno", anio=2026).texto == "2026-0001"
    assert tomar("cartas-delegacion", anio=2026).texto == "2026-0001"


def test_the_format_is_editable():
    SerieConsecutiva.objects.filter(codigo="cartas-delegacion").update(
        formato="CD-{numero:03d}/{anio}"
    )

    assert tomar("cartas-delegacion", anio=2026).texto == "CD-001/2026"


def test_the_year_defaults_to_the_current_one_in_bogota(settings):
    from django.utils import timezone

    assert tomar().anio == timezone.localdate().year


def test_a_rolled_back_transaction_gives_its_number_back():
    tomar(anio=2026)

    with pytest.raises(RuntimeError), transaction.atomic():
        perdido = siguiente_consecutivo("decretos", anio=2026)
        raise RuntimeError("el decreto no se pudo guardar")
    siguiente = tomar(anio=2026)

    assert perdido.numero == 2
    assert siguiente.numero == 2
    assert ContadorConsecutivo.objects.get(serie__codigo="decretos", anio=2026).ultimo == 2


def test_an_unknown_series_is_an_error():
    with pytest.raises(SerieConsecutiva.DoesNotExist):
        tomar("serie-que-no-existe")  # (resoluciones exists since P003)


@pytest.mark.parametrize("formato", ["{anio}", "{numero:04d}-{mes}", "{numero:x", "{}-{numero}"])
def test_a_format_without_number_or_with_unknown_fields_is_refused(formato):
    serie = SerieConsecutiva(codigo="prueba", nombre="Prueba", formato=formato)

    with pytest.raises(ValidationError) as error:
        serie.full_clean()

    assert "formato" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_a_transaction_is_refused():
    with pytest.raises(TransactionManagementError, match="transaction.atomic"):
        siguiente_consecutivo("decretos", anio=2026)

    assert not ContadorConsecutivo.objects.exists()


HILOS = 8


def tomar_a_la_vez(serie: str, anio: int) -> list[int]:
    """HILOS threads, each with its own database connection, take a number at the same moment."""

    def tomar():
        with transaction.atomic():
            return siguiente_consecutivo(serie, anio=anio).numero

    return en_paralelo(tomar, hilos=HILOS)


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_transactions_get_eight_distinct_consecutive_numbers():
    SerieConsecutiva.objects.get_or_create(
        codigo="decretos", defaults={"nombre": "Decretos", "formato": "{numero}"}
    )

    # The first round also races to create the year's counter row.
    primera = tomar_a_la_vez("decretos", 2031)
    segunda = tomar_a_la_vez("decretos", 2031)

    assert sorted(primera) == list(range(1, HILOS + 1))
    assert sorted(segunda) == list(range(HILOS + 1, 2 * HILOS + 1))
    assert ContadorConsecutivo.objects.get(serie__codigo="decretos", anio=2031).ultimo == 2 * HILOS
