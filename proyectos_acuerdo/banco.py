"""P004 pages in the benchmark (python3 dev.py bench): its lists, the agenda and one project."""

from django.urls import reverse

from buengobierno.banco.medir import Pagina
from proyectos_acuerdo.models import Estado, ProyectoAcuerdo

ADMIN = {
    "proyecto": "/admin/proyectos_acuerdo/proyectoacuerdo/",
    "facultad": "/admin/proyectos_acuerdo/facultadextraordinaria/",
}


def paginas(usuario) -> list[Pagina]:
    visibles = ProyectoAcuerdo.objects.visibles_para(usuario)
    paginas = [
        Pagina("P004 proyectos", reverse("proyectos_acuerdo:inicio"), "lista", "proyecto"),
        Pagina(
            "P004 proyectos aprobados",
            reverse("proyectos_acuerdo:inicio") + f"?estado={Estado.PUBLICADO}",
            "lista",
            "proyecto",
        ),
        Pagina("P004 facultades", reverse("proyectos_acuerdo:facultades"), "lista", "facultad"),
        Pagina("P004 agenda legislativa", reverse("proyectos_acuerdo:agenda"), "pagina"),
    ]
    uno = visibles.exclude(estado=Estado.FORMULACION).order_by("-pk").first()
    if uno is not None:
        paginas.append(Pagina("P004 proyecto", uno.get_absolute_url(), "pagina"))
    return paginas
