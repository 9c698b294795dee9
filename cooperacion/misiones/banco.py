"""P008 pages in the benchmark (python3 dev.py bench): the visits list and one visit, as
`usuario` sees them (a reserved visit only if the policy lets them)."""

from django.urls import reverse

from buengobierno.banco.medir import Pagina
from cooperacion.misiones.models import VisitaInternacional

ADMIN = {"visita": "/admin/cooperacion_misiones/visitainternacional/"}


def paginas(usuario) -> list[Pagina]:
    lista = [
        Pagina("Visitas internacionales", reverse("cooperacion_misiones:inicio"), "lista", "visita")
    ]
    visita = VisitaInternacional.objects.visibles_para(usuario).order_by("-pk").first()
    if visita is not None:
        lista.append(Pagina("Una visita", visita.get_absolute_url(), "pagina"))
        lista.append(
            Pagina(
                "Ficha de una visita (PDF)",
                reverse("cooperacion_misiones:ficha_pdf", args=[visita.pk]),
                "pagina",
            )
        )
    return lista
