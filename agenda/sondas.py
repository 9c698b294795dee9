"""What P002 exposes to people, for the hostile-input test (buengobierno.web.entrada)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from agenda import forms, services
from agenda.models import Actividad
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista


def _momento(dias: int, hora: int = 9):
    fecha = timezone.localdate() + timedelta(days=dias)
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def _fecha(dias: int) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%d/%m/%Y}"


def escenario(*, usuarios) -> dict:
    """A tentative activity and a confirmed one of the directivo's organism, a request waiting
    for an answer and one with another time proposed (asked by the enlace), and a feed."""
    despacho, enlace = usuarios["despacho"], usuarios["enlace"]
    with sin_avisos():

        def actividad(dias, estado):
            return services.registrar_actividad(
                datos={
                    "titulo": "Mesa de salud mental",
                    "tipo": Actividad.Tipo.REUNION,
                    "inicio": _momento(dias),
                    "fin": _momento(dias, 10),
                    "organismo": usuarios["directivo"].organismo,
                    "estado": estado,
                },
                usuario=despacho,
            )

        def solicitud(dias):
            return services.solicitar(
                datos={
                    "tema": "Foro de convivencia",
                    "fecha_propuesta": _momento(dias, 15),
                    "justificacion": "Lo pide la comunidad.",
                },
                usuario=enlace,
            )

        otra = solicitud(9)
        services.proponer_otra_fecha(solicitud=otra, usuario=despacho, fecha=_momento(10, 11))
        return {
            "tentativa": actividad(5, Actividad.Estado.TENTATIVA),
            "confirmada": actividad(6, Actividad.Estado.CONFIRMADA),
            "pendiente": solicitud(8),
            "otra_fecha": otra,
            "token": services.generar_calendario(usuario=despacho).token,
            "persona": usuarios["directivo"],
        }


def _actividad(e):
    return {
        "titulo": "Visita a Siloé",
        "tipo": "visita",
        "estado": "tentativa",
        "inicio": _fecha(7),
        "inicio_hora": "09:00",
        "fin": _fecha(7),
        "fin_hora": "10:00",
        "organismo": e["persona"].organismo_id,
        "lugar": "",
        "enlace_virtual": "",
        "contacto": "",
        "participantes": "",
        "notas": "",
    }


def _solicitud(e):
    return {
        "tema": "Foro",
        "tipo": "evento",
        "fecha_propuesta": _fecha(9),
        "fecha_propuesta_hora": "10:00",
        "duracion_minutos": "60",
        "lugar": "",
        "justificacion": "Lo pide la comunidad.",
    }


def _delegar(e):
    return {"delegado": e["persona"].pk, "instrucciones": "Asistir."}


_ACCIONES = {
    # url name: (form, record, user, valid data)
    "confirmar": (forms.ConfirmarForm, "tentativa", "despacho", lambda e: {}),
    "abrir_reunion": (forms.AbrirReunionForm, "tentativa", "despacho", lambda e: {}),
    "delegar": (forms.DelegarForm, "confirmada", "despacho", _delegar),
    "declinar": (forms.DeclinarForm, "confirmada", "despacho", lambda e: {"motivo": "Viaje."}),
    "cancelar": (forms.CancelarForm, "tentativa", "despacho", lambda e: {"motivo": "Lluvia."}),
    "aprobar": (forms.AprobarForm, "pendiente", "despacho", lambda e: {"respuesta": ""}),
    "otra_fecha": (
        forms.OtraFechaForm,
        "pendiente",
        "despacho",
        lambda e: {"fecha": _fecha(12), "fecha_hora": "11:00", "respuesta": ""},
    ),
    "declinar_solicitud": (
        forms.DeclinarSolicitudForm,
        "pendiente",
        "despacho",
        lambda e: {"respuesta": "Agenda llena."},
    ),
    "delegar_solicitud": (forms.DelegarSolicitudForm, "pendiente", "despacho", _delegar),
    "aceptar_fecha": (forms.AceptarFechaForm, "otra_fecha", "enlace", lambda e: {}),
}

SONDAS = [
    Lista("calendario", "agenda:inicio", parametros=("vista", "fecha")),
    Lista("actividades", "agenda:actividades"),
    Lista("solicitudes", "agenda:solicitudes"),
    Lista("actividad", "agenda:actividad", args=("confirmada",)),
    Lista("solicitud", "agenda:solicitud", args=("pendiente",)),
    Lista("agenda del día", "agenda:agenda_pdf", parametros=("fecha",)),
    Lista("mi calendario", "agenda:mi_calendario"),
    Lista("calendario ics", "agenda:feed_ics", args=("token",), usuario=""),
    Formulario(
        "nueva actividad",
        "agenda:nueva_actividad",
        clases=((forms.ActividadForm, ""),),
        datos=_actividad,
    ),
    Formulario(
        "editar actividad",
        "agenda:editar_actividad",
        args=("confirmada",),
        clases=((forms.ActividadForm, ""),),
        datos=lambda e: {**_actividad(e), "estado": "confirmada"},
    ),
    Formulario(
        "nueva solicitud",
        "agenda:nueva_solicitud",
        clases=((forms.SolicitudForm, ""),),
        datos=_solicitud,
        usuario="enlace",
    ),
    *(
        Formulario(
            f"agenda: {accion}",
            f"agenda:{accion}",
            args=(registro,),
            clases=((clase, ""),),
            datos=datos,
            usuario=usuario,
        )
        for accion, (clase, registro, usuario, datos) in _ACCIONES.items()
    ),
]
