from django.utils.functional import SimpleLazyObject

from buengobierno.organizacion.acceso import roles_de
from buengobierno.web.procedimientos import mapa_de_procesos, procedimiento_de_la_ruta


def plataforma(request):
    """The process map for the sidebar and the user's roles for the user menu.

    The map costs no query; the roles are read lazily, only by the pages that show them.
    """
    return {
        "mapa_de_procesos": mapa_de_procesos(),
        "procedimiento_activo": SimpleLazyObject(lambda: procedimiento_de_la_ruta(request.path)),
        "roles_usuario": SimpleLazyObject(lambda: sorted(roles_de(request.user))),
    }
