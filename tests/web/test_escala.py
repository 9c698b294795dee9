"""The scale seed: a small fraction of eight years of use, consistent as the services leave it."""

import io
from collections import defaultdict
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.documentos.models import ContadorConsecutivo
from buengobierno.organizacion.models import Organismo, Usuario
from buengobierno.plazos.calendario import dias_habiles_entre, sumar_dias_habiles
from buengobierno.web import escala
from buengobierno.web.escala import Calendario, modulos_escala
from compromisos.avisos import avisar_vencimientos, enviar_resumenes
from compromisos.models import Avance, Compromiso, Reunion, TipoDeOrigen
from delegaciones.avisos import avisar_delegaciones, avisar_fichas
from delegaciones.models import (
    CompromisoFicha,
    Delegacion,
    DelegacionPermanente,
    FichaTecnica,
    Sesion,
)
from delegaciones.services import SERIE_CARTAS

ESCALA = 0.004


@pytest.fixture(scope="module")
def sembrada(django_db_setup, django_db_blocker):
    """One seed shared by the module's tests, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("sembrar_escala", escala=ESCALA, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_seed_fills_every_procedure_with_its_share_of_eight_years(sembrada):
    assert Organismo.objects.count() == 31
    assert Usuario.objects.filter(username__in=["despacho", "directivo", "secretario"]).count() == 3
    assert Organismo.objects.filter(jefe__isnull=True).count() == 0
    assert Sesion.objects.count() == round(20_000 * ESCALA)
    assert DelegacionPermanente.objects.filter(hasta__gte=F("desde")).exists()
    assert Reunion.objects.count() == round(13_000 * ESCALA)
    assert Compromiso.objects.count() > 400
    assert FichaTecnica.objects.count() > 0.8 * Sesion.objects.count()
    assert Avance.objects.count() > Compromiso.objects.count()
    assert Compromiso.objects.filter(origen_tipo__model="fichatecnica").count() == (
        CompromisoFicha.objects.count()
    )
    primera = Compromiso.objects.order_by("creado_en").first().creado_en.date()
    assert primera < timezone.localdate() - timedelta(days=7 * 365)
    # Mostly closed in the past, an open tail with overdue and not yet due commitments.
    estados = dict(Compromiso.objects.values_list("estado").annotate(n=Count("pk")))
    assert estados[Compromiso.Estado.VERIFICADO] > Compromiso.objects.abiertos().count()
    assert Compromiso.objects.vencidos().exists()
    assert Compromiso.objects.abiertos().filter(fecha_limite__gte=timezone.localdate()).exists()


def test_seeded_records_are_what_the_services_would_have_left(sembrada):
    for delegacion in Delegacion.objects.select_related("sesion"):
        assert delegacion.fecha_limite_ficha == sumar_dias_habiles(delegacion.sesion.fecha, 3)
    assert not Delegacion.objects.filter(
        estado__in=Delegacion.CON_FICHA, ficha__entregada_en__isnull=True
    ).exists()
    publicados = set(Compromiso.objects.publicados().values_list("pk", flat=True))
    assert publicados <= set(Compromiso.history.values_list("id", flat=True))
    verificados = Compromiso.objects.filter(estado=Compromiso.Estado.VERIFICADO)
    assert not verificados.filter(Q(verificado_por=None) | Q(verificado_en=None)).exists()
    assert not verificados.filter(verificado_por=F("responsable")).exists()
    # The board's "tipo de origen" filter offers the kinds the seed landed.
    tipos = set(TipoDeOrigen.objects.values_list("content_type__model", flat=True))
    assert tipos == {"reunion", "fichatecnica", "visitainternacional"}


def test_letters_are_numbered_without_gaps_through_the_consecutive_series(sembrada):
    por_anio = defaultdict(list)
    for numero in Delegacion.objects.exclude(numero_carta="").values_list(
        "numero_carta", flat=True
    ):
        anio, consecutivo = numero.split("-")
        por_anio[int(anio)].append(int(consecutivo))
    assert por_anio
    for anio, numeros in por_anio.items():
        assert sorted(numeros) == list(range(1, len(numeros) + 1))
        contador = ContadorConsecutivo.objects.get(serie__codigo=SERIE_CARTAS, anio=anio)
        assert contador.ultimo == len(numeros)


def test_the_ledger_holds_what_the_scans_would_claim_now(sembrada):
    antes = Recordatorio.objects.count()
    with transaction.atomic():
        assert avisar_vencimientos() == 0
        assert enviar_resumenes() == 0
        assert avisar_delegaciones() == 0  # reminders of unanswered delegations included
        transaction.set_rollback(True)
    with transaction.atomic():
        Recordatorio.objects.all().delete()
        assert avisar_vencimientos() + avisar_fichas() > 0
        transaction.set_rollback(True)
    assert Recordatorio.objects.count() == antes
    enviados = Recordatorio.objects.filter(estado=Recordatorio.Estado.ENVIADO).count()
    assert Notificacion.objects.filter(content_type__isnull=False).count() >= enviados


def test_the_seed_refuses_a_database_in_use_unless_forced(db, crear_usuario):
    crear_usuario(username="alguien")

    with pytest.raises(CommandError, match="ya tiene usuarios"):
        call_command("sembrar_escala", escala=ESCALA)


def test_the_seed_calendar_gives_the_platforms_business_days():
    desde, hasta = date(2024, 1, 1), date(2026, 12, 31)
    calendario = Calendario(desde - timedelta(days=30), hasta + timedelta(days=60))
    for k in range(0, (hasta - desde).days, 3):
        dia = desde + timedelta(days=k)
        for n in (-3, 0, 1, 3, 10):
            assert calendario.sumar(dia, n) == sumar_dias_habiles(dia, n), (dia, n)
        otro = dia + timedelta(days=k % 40)
        assert calendario.entre(dia, otro) == dias_habiles_entre(dia, otro)


def test_every_procedure_with_an_escala_module_is_seeded():
    assert {config.name for config, _modulo in modulos_escala()} >= {
        "delegaciones",
        "compromisos",
    }


@pytest.mark.django_db(transaction=True)
def test_no_batch_is_written_between_a_reserved_row_and_the_rows_that_point_to_it(monkeypatch):
    """A record whose children need its id before its own values are settled (an act and its
    versions) is reserved first and added last; were a batch written in between, the
    children would reach the database without their parent (a foreign-key error at full
    scale, where batches are cut every LOTE rows)."""
    monkeypatch.setattr(escala, "LOTE", 1)
    escritor = escala.Escritor()
    organismo_id = escritor.reservar(Organismo)
    escritor.agregar(
        Usuario,
        username="reservado",
        password="!",
        organismo_id=organismo_id,
        email="",
        date_joined=timezone.now(),
    )
    assert escritor.tabla(Usuario).escritas == 0  # LOTE reached, but its parent is missing
    escritor.agregar(Organismo, id=organismo_id, nombre="Organismo reservado", sigla="OR")
    escritor.terminar()
    assert Usuario.objects.get(username="reservado").organismo.nombre == "Organismo reservado"
