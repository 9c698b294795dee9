from buengobierno.web.procedimientos import mapa_de_procesos


def plataforma(request):
    """The process map for the sidebar; cheap (no queries), so it runs on every page."""
    return {"mapa_de_procesos": mapa_de_procesos()}
