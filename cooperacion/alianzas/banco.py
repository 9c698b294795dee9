"""P006 pages in the benchmark (python3 dev.py bench): the alliances list, the cooperantes
list, the cooperation dashboard and one alliance, as `usuario` sees them."""

from django.urls import reverse

from buengobierno.banco.medir import Pagina
from cooperacion.alianzas.models import Alianza

ADMIN = {
    "alianza": "/admin/cooperacion_alianzas/alianza/",
    "cooperante": "/admin/cooperacion_alianzas/cooperante/",
}


def paginas(usuario) -> list[Pagina]:
    lista = [
        Pagina("Alianzas", reverse("cooperacion_alianzas:inicio"), "lista", "alianza"),
        Pagina("Cooperantes", reverse("cooperacion_alianzas:cooperantes"), "lista", "cooperante"),
        Pagina("Tablero de cooperación", reverse("cooperacion_alianzas:tablero"), "pagina"),
    ]
    alianza = Alianza.objects.visibles_para(usuario).order_by("-pk").first()
    if alianza is not None:
        lista.append(Pagina("Una alianza", alianza.get_absolute_url(), "pagina"))
    return lista
