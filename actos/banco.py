"""P003 in the benchmark (`python3 dev.py bench`): its list, board, indicators and the page of
one act, as the Despacho and a Directivo see them, and the acts' admin changelist."""

from django.urls import reverse

from actos.models import ActoAdministrativo
from buengobierno.banco.medir import Pagina

ADMIN = {"acto": "/admin/actos/actoadministrativo/"}


def paginas(usuario) -> list:
    lista = reverse("actos:actos")
    visibles = ActoAdministrativo.objects.visibles_para(usuario)
    uno = visibles.filter(estado=ActoAdministrativo.Estado.ARCHIVADO).order_by("-pk").first()
    uno = uno or visibles.order_by("-pk").first()
    resultado = [
        Pagina("P003: lista de actos", lista, "lista", "acto"),
        Pagina("P003: actos en revisión", f"{lista}?estado=en_revision", "lista", "acto"),
        Pagina("P003: tablero", reverse("actos:inicio"), "pagina"),
        Pagina("P003: indicadores", reverse("actos:indicadores"), "pagina"),
    ]
    if uno is not None:
        resultado.append(Pagina("P003: un acto", uno.get_absolute_url(), "pagina"))
    return resultado
