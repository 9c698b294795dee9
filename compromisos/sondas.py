"""What P005 exposes to people, for the hostile-input test (buengobierno.web.entrada).

Every list with its GET parameters and every form with a valid submission, each as a user
who may use it; the test sends hostile values to each parameter and field, one at a time.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista
from compromisos import services
from compromisos.apps import CONSEJO_DE_GOBIERNO
from compromisos.forms import (
    FORMULARIOS_DE_ACCION,
    AsistenteExternoForm,
    AsistentesForm,
    CompromisoEnReunionForm,
    CompromisoForm,
    DecisionForm,
    PuntoForm,
    ReunionForm,
)
from compromisos.models import Reunion, TipoReunion


def _momento(fecha, hora):
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def escenario(*, usuarios) -> dict:
    """A meeting scheduled, one under way (with an item, a decision, an attendee and a draft
    commitment) and an open commitment of the directivo's."""
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    hoy = timezone.localdate()
    consejo = TipoReunion.objects.get(nombre=CONSEJO_DE_GOBIERNO)
    with sin_avisos():

        def convocar(titulo):
            return services.convocar_reunion(
                tipo=consejo,
                titulo=titulo,
                inicio=_momento(hoy, 8),
                fin=_momento(hoy, 10),
                organismo_convocante=despacho.organismo,
                puntos=["Verificación del quórum"],
                invitados=[directivo],
                creado_por=despacho,
            )

        programada = convocar("Consejo de Gobierno programado")
        en_curso = services.iniciar_reunion(
            reunion=convocar("Consejo de Gobierno en curso"), usuario=despacho
        )
        services.agregar_decision(reunion=en_curso, texto="Se aprueba el plan.", usuario=despacho)
        # What policy 1 asks before closing: someone present, the objective, each development.
        en_curso.asistentes.update(asistencia="asistio")
        Reunion.objects.filter(pk=en_curso.pk).update(objetivo="Revisar el plan de vacunación.")
        en_curso.puntos.update(desarrollo="Se verificó el quórum.")
        borrador = services.agregar_compromiso_en_reunion(
            reunion=en_curso,
            descripcion="Enviar el informe de seguridad",
            responsable=directivo,
            fecha_limite=hoy + timedelta(days=10),
            prioridad="media",
            usuario=despacho,
        )
        (abierto,) = services.crear_compromisos(
            origen=None,
            compromisos=[
                {
                    "descripcion": "Presentar el plan de vacunación rural",
                    "responsable": directivo,
                    "fecha_limite": hoy + timedelta(days=10),
                }
            ],
            creado_por=despacho,
        )
    return {
        "programada": programada,
        "en_curso": en_curso,
        "punto": en_curso.puntos.first(),
        "decision": en_curso.decisiones.first(),
        "asistente": en_curso.asistentes.first(),
        "borrador": borrador,
        "compromiso": abierto,
        "organismo": directivo.organismo,
        "persona": directivo,
        "token": services.calendario_de(directivo).token,
        "tipo": consejo,
        "quitable": "decision",  # the kind of item `quitar` takes off the live page
    }


def _reunion(e, **cambios) -> dict:
    hoy = timezone.localdate()
    return {
        "tipo": e["tipo"].pk,
        "titulo": "Comité de seguimiento",
        "inicio": f"{hoy + timedelta(days=7):%Y-%m-%d}T09:00",
        "fin": f"{hoy + timedelta(days=7):%Y-%m-%d}T10:00",
        "lugar": "Sala de juntas",
        "organismo_convocante": e["programada"].organismo_convocante_id,
        "objetivo": "Revisar los compromisos del mes.",
        "puntos": "Quórum\nInformes",
        "invitados": [e["persona"].pk],
        "organismos_invitados": [e["organismo"].pk],
        **cambios,
    }


def _fecha(dias: int) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%Y-%m-%d}"


_ACCIONES = {  # who may take each step of the open commitment, and a valid submission
    "avance": ("directivo", lambda e: {"nota": "Va en la mitad.", "porcentaje": "50"}),
    "cumplido": ("directivo", lambda e: {"nota": "Se entregó el plan."}),
    "verificar": ("despacho", lambda e: {"nota": ""}),
    "devolver": ("despacho", lambda e: {"observacion": "Falta la evidencia."}),
    "cancelar": ("despacho", lambda e: {"motivo": "Ya no aplica."}),
    "reprogramar": ("despacho", lambda e: {"nueva_fecha": _fecha(20), "justificacion": "Lluvias."}),
}

SONDAS = [
    # Lists and boards
    Lista("seguimiento", "compromisos:inicio"),
    Lista("mis compromisos", "compromisos:mis_compromisos", usuario="directivo"),
    Lista("organismo", "compromisos:organismo", args=("organismo",)),
    Lista("persona", "compromisos:persona", args=("persona",)),
    Lista("indicadores", "compromisos:indicadores", parametros=("desde", "hasta")),
    Lista("reuniones", "compromisos:reuniones"),
    Lista("reunión", "compromisos:reunion", args=("programada",)),
    Lista("en vivo", "compromisos:en_vivo", args=("en_curso",)),
    Lista("compromiso", "compromisos:compromiso", args=("compromiso",)),
    Lista("calendario", "compromisos:calendario", usuario="directivo"),
    Lista("feed ics", "compromisos:feed_ics", args=("token",), usuario=""),
    # Forms
    Formulario(
        "nuevo compromiso",
        "compromisos:nuevo",
        clases=((CompromisoForm, ""),),
        datos=lambda e: {
            "descripcion": "Instalar la mesa de seguridad",
            "responsable": e["persona"].pk,
            "corresponsables": [e["persona"].pk],
            "fecha_limite": _fecha(10),
            "prioridad": "media",
        },
    ),
    Formulario(
        "nueva reunión", "compromisos:nueva_reunion", clases=((ReunionForm, ""),), datos=_reunion
    ),
    Formulario(
        "editar reunión",
        "compromisos:editar_reunion",
        args=("programada",),
        clases=((ReunionForm, ""),),
        datos=_reunion,
    ),
    Formulario(
        "agregar punto",
        "compromisos:agregar_punto",
        args=("en_curso",),
        clases=((PuntoForm, ""),),
        datos=lambda e: {"titulo": "Varios", "presentador": "Despacho"},
        htmx=True,
    ),
    Formulario(
        "agregar decisión",
        "compromisos:agregar_decision",
        args=("en_curso",),
        clases=((DecisionForm, ""),),
        datos=lambda e: {"texto": "Se aprueba."},
        htmx=True,
    ),
    Formulario(
        "agregar compromiso",
        "compromisos:agregar_compromiso",
        args=("en_curso",),
        clases=((CompromisoEnReunionForm, ""),),
        datos=lambda e: {
            "descripcion": "Citar a la mesa",
            "responsable": e["persona"].pk,
            "fecha_limite": _fecha(5),
            "prioridad": "alta",
        },
        htmx=True,
    ),
    Formulario(
        "agregar asistentes",
        "compromisos:agregar_asistentes",
        args=("en_curso",),
        clases=((AsistentesForm, ""),),
        datos=lambda e: {"usuarios": [e["persona"].pk], "organismo": e["organismo"].pk},
        htmx=True,
    ),
    Formulario(
        "agregar externo",
        "compromisos:agregar_externo",
        args=("en_curso",),
        clases=((AsistenteExternoForm, ""),),
        datos=lambda e: {
            "nombre": "Ana Gómez",
            "entidad": "Policía Metropolitana",
            "cargo": "Comandante",
            "correo": "ana@example.com",
            "aviso_datos_aceptado": "on",
        },
        htmx=True,
    ),
    *(
        # The live page saves each field by itself: {clave, valor, version}.
        Formulario(
            f"en vivo {tipo}.{campo}",
            "compromisos:guardar_campo",
            args=("en_curso",),
            campos=("clave", "valor", "version"),
            datos=lambda e, tipo=tipo, campo=campo: {
                "clave": (
                    f"reunion.{campo}"
                    if tipo == "reunion"
                    else f"{tipo}.{e['borrador' if tipo == 'compromiso' else tipo].pk}.{campo}"
                ),
                "valor": {
                    "responsable": str(e["persona"].pk),
                    "fecha_limite": _fecha(8),
                    "prioridad": "alta",
                    "asistencia": "asistio",
                    "meta": "",  # none: the meta is optional
                }.get(campo, "Texto nuevo"),
                "version": "0",
            },
        )
        for tipo, campo in services.CAMPOS_EN_VIVO
    ),
    # Buttons: no fields, only the record in the URL.
    Formulario("iniciar", "compromisos:iniciar", args=("programada",)),
    Formulario("cerrar", "compromisos:cerrar", args=("en_curso",)),
    Formulario(
        "quitar", "compromisos:quitar", args=("en_curso", "quitable", "decision"), htmx=True
    ),
    Formulario("regenerar calendario", "compromisos:regenerar_calendario", usuario="directivo"),
    *(
        Formulario(
            f"compromiso: {accion}",
            f"compromisos:{accion}",
            args=("compromiso",),
            clases=((FORMULARIOS_DE_ACCION[accion], ""),),
            datos=datos,
            usuario=usuario,
        )
        for accion, (usuario, datos) in _ACCIONES.items()
    ),
]
