import pytest
from django.urls import reverse

from actos import banco
from buengobierno.banco.medir import de_las_apps
from tests.pestanas import cliente_de

pytestmark = pytest.mark.django_db


def test_the_benchmark_measures_p003_pages_that_answer(despacho, nuevo_acto):
    nuevo_acto()
    assert banco in de_las_apps()
    cliente = cliente_de(despacho)
    for pagina in banco.paginas(despacho):
        assert cliente.get(pagina.ruta).status_code == 200, pagina.que
    assert banco.ADMIN["acto"] == reverse("admin:actos_actoadministrativo_changelist")
