"""P002 pages in the benchmark (python3 dev.py bench): its lists, the calendar's three views,
the day's PDF and one activity, as the Despacho and a Directivo see them."""

from buengobierno.banco.medir import Pagina

ADMIN = {
    "actividad": "/admin/agenda/actividad/",
    "solicitudagenda": "/admin/agenda/solicitudagenda/",
}


def paginas(usuario) -> list[Pagina]:
    from agenda.models import Actividad

    paginas = [
        Pagina("P002 actividades", "/agenda/actividades/", "lista", "actividad"),
        Pagina("P002 solicitudes", "/agenda/solicitudes/", "lista", "solicitudagenda"),
        Pagina("P002 semana", "/agenda/", "pagina"),
        Pagina("P002 mes", "/agenda/?vista=mes", "pagina"),
        Pagina("P002 día", "/agenda/?vista=dia", "pagina"),
    ]
    actividad = Actividad.objects.visibles_para(usuario).order_by("-inicio").first()
    if actividad is not None:
        paginas.append(Pagina("P002 actividad", actividad.get_absolute_url(), "pagina"))
    return paginas
