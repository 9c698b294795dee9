"""P005 indicator figures the circular asks for (issue 11, items 11, 12 and 13): compliance
measured against the ORIGINAL due date with "cumplido en plazo reprogramado" apart, the
compliance per meta of the plan de desarrollo, and the share of meetings recorded live per
organism. Pinned against a hand-computed case, counted live (grouped SQL) and from the kept
figures (CifrasDelMes, CifrasDeMeta), which must agree."""

import pytest
from django.urls import reverse

from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import resumen, services
from compromisos.indicadores import cifras_por, registro_en_vivo, totales
from compromisos.models import CifrasDeMeta, Compromiso, MetaEstrategica, Reunion
from tests.compromisos.conftest import reunion_cerrada_con

pytestmark = pytest.mark.django_db


@pytest.fixture
def metas(db):
    return (
        MetaEstrategica.objects.create(codigo="M1", nombre="Vacunación rural"),
        MetaEstrategica.objects.create(codigo="M2", nombre="Vías terciarias"),
    )


@pytest.fixture
def caso(crear_compromiso, directivo_salud, secretaria, metas, hoy):
    """Five commitments of Salud:
    c1 (M1) due in 5 business days, fulfilled today: on time;
    c2 (M1) due 5 business days ago, moved by the Despacho to 5 ahead, fulfilled today:
        en plazo reprogramado;
    c3 (M2) due 10 ago, moved to 5 ahead, then (by hand) to 3 ago, fulfilled today: late;
    c4 (no meta) due 5 ago, fulfilled today: late;
    c5 (M2) due 2 ago, open: overdue.
    By hand: cumplidos 4, a tiempo 1, reprogramados 1, tarde 2, vencidos 1, % a tiempo 1/5 =
    20. M1: cumplidos 2, a tiempo 1, reprogramados 1 → 50 %. M2: 1 late, 1 overdue → 0 %."""
    m1, m2 = metas
    antes = sumar_dias_habiles(hoy, -30)

    def crear(dias, meta=None):
        return crear_compromiso(
            directivo_salud,
            fecha_origen=antes,
            fecha_limite=sumar_dias_habiles(hoy, dias),
            meta=meta,
        )

    c1, c2, c3, c4, c5 = crear(5, m1), crear(-5, m1), crear(-10, m2), crear(-5), crear(-2, m2)
    for movido in (c2, c3):
        services.reprogramar_compromiso(
            compromiso=movido,
            nueva_fecha=sumar_dias_habiles(hoy, 5),
            justificacion="Falta la información de la Gobernación.",
            usuario=secretaria,
        )
    for cumplido in (c1, c2, c3, c4):
        cumplido.refresh_from_db()
        services.marcar_cumplido(compromiso=cumplido, nota="Entregado.", usuario=directivo_salud)
    Compromiso.objects.filter(pk=c3.pk).update(fecha_limite=sumar_dias_habiles(hoy, -3))
    resumen.reconstruir()  # update() skips the signals
    return c1, c2, c3, c4, c5


def _cifras(c):
    return (c.cumplidos, c.a_tiempo, c.reprogramados, c.vencidos, c.porcentaje_a_tiempo)


def test_compliance_is_measured_against_the_original_due_date(caso):
    c1, c2, c3, _c4, _c5 = caso
    frescos = [Compromiso.objects.get(pk=c.pk) for c in (c1, c2, c3)]
    assert [c.cumplido_a_tiempo for c in frescos] == [True, False, False]
    assert _cifras(totales(Compromiso.objects.all())) == (4, 1, 1, 1, 20.0)
    (salud,) = cifras_por(Compromiso.objects.all(), "organismo")
    assert _cifras(salud) == (4, 1, 1, 1, 20.0)
    (guardada,) = resumen.cifras_de_todo()
    assert _cifras(guardada) == (4, 1, 1, 1, 20.0)


def test_compliance_per_meta_live_and_kept(caso, metas):
    esperado = [
        ("M2 Vías terciarias", (1, 0, 0, 1, 0.0)),
        ("M1 Vacunación rural", (2, 1, 1, 0, 50.0)),
    ]
    vivas = cifras_por(Compromiso.objects.exclude(meta=None), "meta")
    assert [(c.nombre, _cifras(c)) for c in vivas] == esperado
    assert CifrasDeMeta.objects.count() >= 2
    assert [(c.nombre, _cifras(c)) for c in resumen.cifras_de_todo(agrupar="meta")] == esperado


def test_a_save_keeps_the_figures_per_meta(caso, metas, secretaria):
    _c1, _c2, _c3, c4, _c5 = caso
    c4.meta = metas[0]
    c4.save(update_fields=["meta"])
    (m1,) = [c for c in resumen.cifras_de_todo(agrupar="meta") if c.clave == metas[0].pk]
    assert (m1.cumplidos, m1.a_tiempo) == (3, 1)


def test_share_of_meetings_recorded_live_per_organism(nueva_reunion, secretaria):
    """Two closed meetings of Gobierno, one recorded live: 50 %."""
    primera, segunda = nueva_reunion(), nueva_reunion()
    for reunion in (primera, segunda):
        reunion_cerrada_con(reunion, secretaria, [])
    Reunion.objects.filter(pk=primera.pk).update(registrada_en_vivo=True)
    Reunion.objects.filter(pk=segunda.pk).update(registrada_en_vivo=False)
    (gobierno,) = registro_en_vivo(Reunion.objects.all())
    assert (gobierno.cerradas, gobierno.en_vivo, gobierno.porcentaje) == (2, 1, 50.0)


def test_the_indicators_page_shows_the_three(client, secretaria, caso, nueva_reunion):
    reunion_cerrada_con(nueva_reunion(), secretaria, [])
    client.force_login(secretaria)
    pagina = client.get(reverse("compromisos:indicadores")).text
    for texto in (
        "Cumplidos en plazo reprogramado",
        "Cumplimiento por meta del plan de desarrollo",
        "M1 Vacunación rural",
        "Reuniones registradas en vivo",
        'id="reuniones-en-vivo"',
    ):
        assert texto in pagina
