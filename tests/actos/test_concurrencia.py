"""Two people numbering at the same moment (run it on PostgreSQL: DATABASE_URL=postgres://…):
no duplicate, no skipped number, and one act is never numbered twice."""

import pytest

from actos import services
from actos.models import ActoAdministrativo, ErrorDeEstado
from buengobierno.documentos.models import ContadorConsecutivo
from tests.concurrencia import en_paralelo

E = ActoAdministrativo.Estado


@pytest.mark.django_db(transaction=True)
def test_two_people_numbering_two_acts_at_once_get_consecutive_numbers(
    nuevo_acto, avanzar, despacho, crear_usuario, gobierno
):
    from buengobierno.organizacion.roles import Rol

    otra = crear_usuario(Rol.DESPACHO, gobierno, username="otra.despacho")
    actos = [avanzar(nuevo_acto(), E.FIRMADO) for _ in range(2)]
    quienes = iter([(actos[0], despacho), (actos[1], otra)])

    def numerar():
        acto, usuario = next(quienes)
        return services.numerar(acto=acto, usuario=usuario).numero

    numeros = en_paralelo(numerar, hilos=2)

    assert sorted(numeros) == ["4112.010.20.0001", "4112.010.20.0002"]
    assert ContadorConsecutivo.objects.get(serie__codigo="decretos").ultimo == 2


@pytest.mark.django_db(transaction=True)
def test_two_people_numbering_the_same_act_at_once_number_it_once(nuevo_acto, avanzar, despacho):
    acto = avanzar(nuevo_acto(), E.FIRMADO)

    def numerar():
        try:
            return services.numerar(acto=acto, usuario=despacho).numero
        except ErrorDeEstado as error:
            return str(error)

    resultados = en_paralelo(numerar, hilos=2)

    assert "4112.010.20.0001" in resultados
    assert any("ya tiene el número" in r for r in resultados)
    assert ContadorConsecutivo.objects.get(serie__codigo="decretos").ultimo == 1
