from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga
from buengobierno.documentos.historial import entradas_de_historial
from buengobierno.documentos.models import FormularioControlado
from buengobierno.organizacion.models import Usuario
from tests.factories import OrganismoFactory

BOGOTA = ZoneInfo("America/Bogota")


def guardar(objeto, *, por=None, el=None, **cambios):
    """Save `objeto` as `por` did it at the moment `el` (what the middleware does on a request)."""
    for campo, valor in cambios.items():
        setattr(objeto, campo, valor)
    objeto._history_user = por
    if el is not None:
        objeto._history_date = el
    objeto.save()
    return objeto


def pintar(objeto, **extra) -> str:
    plantilla = Template("{% load historial %}{% historial objeto %}")
    return plantilla.render(Context({"objeto": objeto, **extra}))


@pytest.fixture
def ficha_tecnica(db):
    return guardar(
        FormularioControlado(
            codigo="MEDE01.09.P009.F001", nombre="Ficha de prueba", fecha_vigencia=date(2023, 7, 26)
        ),
        el=datetime(2026, 11, 20, 9, 0, tzinfo=BOGOTA),
    )


def test_the_timeline_says_who_did_what_and_when_newest_first(ficha_tecnica, crear_usuario):
    ana = crear_usuario(first_name="Ana", last_name="Pérez")
    guardar(
        ficha_tecnica,
        por=ana,
        el=datetime(2026, 11, 22, 15, 15, tzinfo=BOGOTA),
        version="02",
        activo=False,
    )

    entradas = entradas_de_historial(ficha_tecnica)

    assert [(e.accion, e.autor) for e in entradas] == [
        ("Modificado", "Ana Pérez"),
        ("Creado", "Sistema"),
    ]
    assert [(c.campo, c.anterior, c.nuevo) for c in entradas[0].cambios] == [
        ("Activo", "Sí", "No"),
        ("Versión", "01", "02"),
    ]
    html = pintar(ficha_tecnica)
    assert html.index("Modificado") < html.index("Creado")
    assert "por Ana Pérez" in html
    assert "22 de noviembre de 2026, 3:15 p. m." in html
    assert "20 de noviembre de 2026, 9:00 a. m." in html
    assert "Versión" in html and "<del" in html and ">01</del>" in html and ">02</ins>" in html


def test_dates_and_foreign_keys_are_shown_as_people_read_them(
    ficha_tecnica, gobierno, otro_organismo
):
    usuario = Usuario.objects.create(username="luis", first_name="Luis", organismo=gobierno)
    guardar(usuario, organismo=otro_organismo)
    guardar(ficha_tecnica, fecha_vigencia=date(2026, 1, 15))

    (cambio_organismo,) = entradas_de_historial(usuario)[0].cambios
    (cambio_fecha,) = entradas_de_historial(ficha_tecnica)[0].cambios

    assert (cambio_organismo.campo, cambio_organismo.anterior, cambio_organismo.nuevo) == (
        "Organismo",
        str(gobierno),
        str(otro_organismo),
    )
    assert (cambio_fecha.anterior, cambio_fecha.nuevo) == (
        "26 de julio de 2023",
        "15 de enero de 2026",
    )


def test_a_deleted_record_shows_its_deletion(ficha_tecnica):
    pk = ficha_tecnica.pk
    ficha_tecnica.delete()

    entradas = entradas_de_historial(FormularioControlado(pk=pk))

    assert [e.accion for e in entradas] == ["Eliminado", "Creado"]


def test_the_limit_keeps_the_latest_entries_and_still_diffs_the_oldest_shown(ficha_tecnica):
    for version in ("02", "03", "04"):
        guardar(ficha_tecnica, version=version)

    entradas = entradas_de_historial(ficha_tecnica, limite=2)

    assert [(c.anterior, c.nuevo) for e in entradas for c in e.cambios] == [
        ("03", "04"),
        ("02", "03"),
    ]


def test_a_record_without_history_renders_an_empty_timeline(db):
    class SinHistoria:
        pk = 1

    assert entradas_de_historial(SinHistoria()) == []
    assert "Aún no hay cambios registrados." in pintar(SinHistoria())


@pytest.mark.parametrize("cambios", [3, 30])
def test_the_timeline_costs_the_same_queries_for_few_or_many_changes(
    cambios, gobierno, django_assert_num_queries
):
    organismos = [gobierno, *OrganismoFactory.create_batch(3)]
    usuario = Usuario.objects.create(username="marta", organismo=gobierno)
    for numero in range(cambios):
        guardar(usuario, organismo=organismos[numero % 4], cargo=f"Cargo {numero}")

    # One query for the versions with their authors, one for the organisms they mention.
    with django_assert_num_queries(2):
        html = pintar(usuario)

    assert html.count("Modificado") == cambios


def test_long_dates_use_lower_case_months_and_spanish_meridians():
    assert fecha_larga(date(2026, 11, 22)) == "22 de noviembre de 2026"
    assert fecha_hora_larga(datetime(2026, 11, 22, 15, 15, tzinfo=BOGOTA)) == (
        "22 de noviembre de 2026, 3:15 p. m."
    )
    assert fecha_hora_larga(datetime(2026, 1, 1, 0, 5, tzinfo=BOGOTA)) == (
        "1 de enero de 2026, 12:05 a. m."
    )
    assert fecha_hora_larga(datetime(2026, 7, 9, 12, 0, tzinfo=BOGOTA)) == (
        "9 de julio de 2026, 12:00 p. m."
    )
    # An aware datetime in UTC is shown in Bogotá's time.
    assert fecha_hora_larga(datetime(2026, 11, 22, 20, 15, tzinfo=ZoneInfo("UTC"))) == (
        "22 de noviembre de 2026, 3:15 p. m."
    )
    assert fecha_larga(None) == fecha_hora_larga(None) == ""
