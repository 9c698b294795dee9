"""What P008 exposes to people, for the hostile-input test (buengobierno.web.entrada)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista
from cooperacion.formularios import CompromisoDeOrigenForm, ReunionDeOrigenForm
from cooperacion.misiones import services
from cooperacion.misiones.forms import (
    ActividadForm,
    CancelarVisitaForm,
    EstadoItemForm,
    ItemForm,
    MiembroForm,
    ResultadosForm,
    VisitaForm,
)


def _fecha(dias: int) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%Y-%m-%d}"


def _momento(dias, hora):
    fecha = timezone.localdate() + timedelta(days=dias)
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def escenario(*, usuarios) -> dict:
    """A programmed visit (reserved, with an item) and one under way."""
    relaciones = usuarios["relaciones"]
    with sin_avisos():

        def visita(institucion, desde, **cambios):
            return services.registrar_visita(
                datos={
                    "tipo": "diplomatica",
                    "pais": "FR",
                    "institucion": institucion,
                    "nivel": "embajador",
                    "llegada": _momento(desde, 9),
                    "salida": _momento(desde + 1, 17),
                    "proposito": "Cooperación cultural.",
                    "organismo": relaciones.organismo,
                    "responsable": relaciones,
                    **cambios,
                },
                usuario=relaciones,
            )

        programada = visita(
            "Embajada Sonda", 5, reservada=True, motivo_reserva="Relaciones internacionales."
        )
        en_curso = visita("Ministerio Sonda", 0)
        item = services.agregar_item(
            visita=programada,
            datos={"tipo": "transporte", "descripcion": "", "responsable": relaciones},
            usuario=relaciones,
        )
    return {
        "visita": programada,
        "en_curso": en_curso,
        "item": item,
        "persona": usuarios["directivo"],
        "relaciones": relaciones,
    }


def _visita(e) -> dict:
    return {
        "tipo": "tecnica",
        "pais": "DE",
        "institucion": "GIZ",
        "nivel": "tecnico",
        "llegada": _fecha(6),
        "llegada_hora": "09:00",
        "salida": _fecha(7),
        "salida_hora": "17:00",
        "proposito": "Movilidad eléctrica",
        "organismo": e["visita"].organismo_id,
        "responsable": e["relaciones"].pk,
        "acompanantes": [e["persona"].pk],
    }


def _compromiso(e) -> dict:
    return {
        "descripcion": "Enviar la agenda",
        "responsable": e["persona"].pk,
        "fecha_limite": _fecha(10),
    }


SONDAS = [
    Lista("visitas", "cooperacion_misiones:inicio", usuario="relaciones"),
    Lista("visitas (consulta)", "cooperacion_misiones:inicio", usuario="consulta"),
    Lista("visita", "cooperacion_misiones:visita", args=("visita",), usuario="relaciones"),
    Lista("ficha", "cooperacion_misiones:ficha_pdf", args=("visita",), usuario="relaciones"),
    Formulario(
        "nueva visita",
        "cooperacion_misiones:nueva",
        clases=((VisitaForm, ""),),
        datos=_visita,
        usuario="relaciones",
    ),
    Formulario(
        "editar visita",
        "cooperacion_misiones:editar",
        args=("visita",),
        clases=((VisitaForm, ""),),
        datos=_visita,
        usuario="relaciones",
    ),
    Formulario(
        "miembro",
        "cooperacion_misiones:miembro",
        args=("visita",),
        clases=((MiembroForm, ""),),
        datos=lambda e: {"nombre": "Jean Dupont", "cargo": "Consejero"},
        usuario="relaciones",
    ),
    Formulario(
        "actividad",
        "cooperacion_misiones:actividad",
        args=("visita",),
        clases=((ActividadForm, ""),),
        datos=lambda e: {
            "inicio": _fecha(5),
            "inicio_hora": "11:00",
            "actividad": "Recorrido",
            "lugar": "Bulevar del Río",
            "anfitrion": e["persona"].pk,
        },
        usuario="relaciones",
    ),
    Formulario(
        "protocolo",
        "cooperacion_misiones:item",
        args=("visita",),
        clases=((ItemForm, ""),),
        datos=lambda e: {"tipo": "prensa", "responsable": e["persona"].pk},
        usuario="relaciones",
    ),
    Formulario(
        "estado del aspecto",
        "cooperacion_misiones:estado_item",
        args=("visita", "item"),
        clases=((EstadoItemForm, ""),),
        datos=lambda e: {"estado": "listo"},
        usuario="relaciones",
    ),
    Formulario(
        "resultados",
        "cooperacion_misiones:resultados",
        args=("en_curso",),
        clases=((ResultadosForm, ""),),
        datos=lambda e: {"resultados": "Se acordó una misión técnica."},
        usuario="relaciones",
    ),
    Formulario(
        "cancelar",
        "cooperacion_misiones:cancelar",
        args=("visita",),
        clases=((CancelarVisitaForm, ""),),
        datos=lambda e: {"motivo": "Cambio de agenda."},
        usuario="relaciones",
    ),
    Formulario(
        "compromiso de la visita",
        "cooperacion_misiones:compromiso",
        args=("en_curso",),
        clases=((CompromisoDeOrigenForm, ""),),
        datos=_compromiso,
        usuario="relaciones",
    ),
    Formulario(
        "reunión de la visita",
        "cooperacion_misiones:reunion",
        args=("en_curso",),
        clases=((ReunionDeOrigenForm, ""),),
        datos=lambda e: {
            "titulo": "Encuentro con la delegación",
            "inicio": _fecha(0),
            "inicio_hora": "15:00",
            "fin": _fecha(0),
            "fin_hora": "16:00",
        },
        usuario="relaciones",
    ),
]
