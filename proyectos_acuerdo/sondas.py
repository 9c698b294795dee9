"""What P004 exposes to people, for the hostile-input test (buengobierno.web.entrada).

The attachment form is not probed: it posts a file (multipart), which the probe does not send;
its type field is a choice and its file goes through CampoAdjunto."""

from datetime import timedelta

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista
from proyectos_acuerdo import services
from proyectos_acuerdo.demo import OBS, D, F, recorrer, viabilizadores
from proyectos_acuerdo.forms import FORMULARIOS_DE_ACCION, FacultadForm, ProyectoForm
from proyectos_acuerdo.models import FacultadExtraordinaria

ETAPAS = {
    "formulacion": (),
    "en_conceptos": ("conceptos",),
    "discrepancias": ("conceptos",),
    "viable": ("conceptos",),
    "radicado": ("conceptos", "radicar"),
    "primer": ("conceptos", "radicar", "primer_debate"),
    "aprobado": ("conceptos", "radicar", "primer_debate", "segundo_debate"),
    "sancionado": ("conceptos", "radicar", "primer_debate", "segundo_debate", "sancionar"),
}


def escenario(*, usuarios) -> dict:
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    hoy = timezone.localdate()
    datos = {}
    with sin_avisos():
        for nombre, pasos in ETAPAS.items():
            proyecto = services.crear_proyecto(
                datos={
                    "titulo": f"Proyecto {nombre}",
                    "organismo": directivo.organismo,
                    "responsable": directivo,
                    "objeto": "Objeto.",
                    "numero_articulos": 10,
                },
                usuario=despacho,
            )
            sentidos = {
                "en_conceptos": (F, None, None),
                "discrepancias": (F, OBS, D),
            }.get(nombre, (F, F, F))
            datos[nombre] = recorrer(proyecto, pasos, despacho=despacho, hoy=hoy, sentidos=sentidos)
        datos["facultad"] = FacultadExtraordinaria.objects.create(
            acuerdo="Acuerdo de prueba",
            objeto="Objeto.",
            inicio=hoy,
            fin=hoy + timedelta(days=100),
            responsable=despacho,
        )
    datos["organismos"] = viabilizadores()
    datos["persona"] = directivo
    return datos


def _fecha(dias=0) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%Y-%m-%d}"


def _proyecto(e):
    return {
        "titulo": "Otro proyecto",
        "organismo": e["persona"].organismo_id,
        "responsable": e["persona"].pk,
        "objeto": "Objeto.",
        "numero_articulos": "12",
        "costo_fiscal": "1000",
    }


_ACCIONES = {  # action: (record, valid submission)
    "solicitar": (
        "formulacion",
        lambda e: {
            "tecnico": e["organismos"]["tecnico"].pk,
            "financiero": e["organismos"]["financiero"].pk,
            "juridico": e["organismos"]["juridico"].pk,
            "dias": "10",
        },
    ),
    "registrar_concepto": (
        "en_conceptos",
        lambda e: {
            "tipo": "financiero",
            "organismo": e["organismos"]["financiero"].pk,
            "sentido": "favorable",
            "texto": "Viable.",
            "medio": "daruma",
            "firmante": "Director",
            "fecha": _fecha(),
            "radicado": "123",
        },
    ),
    "convocar": (
        "discrepancias",
        lambda e: {"inicio": f"{_fecha(3)}T09:00", "fin": f"{_fecha(3)}T10:00", "lugar": "Sala"},
    ),
    "resolver": ("discrepancias", lambda e: {"resolucion": "Se acordó.", "viable": "si"}),
    "radicar": (
        "viable",
        lambda e: {
            "fecha": _fecha(),
            "numero_concejo": "PA-1",
            "comision": "Primera",
            "ponentes": "X",
        },
    ),
    "primer_debate": ("radicado", lambda e: {"fecha": _fecha(), "resultado": "aprobado"}),
    "segundo_debate": (
        "primer",
        lambda e: {
            "fecha": _fecha(),
            "resultado": "aprobado",
            "numero_acuerdo": "1",
            "recibido": _fecha(),
        },
    ),
    "sancionar": ("aprobado", lambda e: {"fecha": _fecha()}),
    "objetar": (
        "aprobado",
        lambda e: {
            "fecha": _fecha(),
            "motivos": "Inconveniencia.",
            "justificacion": "Llegó tarde.",
        },
    ),
    "publicar": ("sancionado", lambda e: {"fecha": _fecha(), "envio_gobernador": _fecha()}),
    "cerrar": ("radicado", lambda e: {"estado": "retirado", "motivo": "Se retira."}),
}

SONDAS = [
    Lista("proyectos", "proyectos_acuerdo:inicio"),
    Lista("agenda", "proyectos_acuerdo:agenda", parametros=("periodo", "mes")),
    Lista("proyecto", "proyectos_acuerdo:proyecto", args=("en_conceptos",)),
    Lista("facultades", "proyectos_acuerdo:facultades"),
    Lista("facultad", "proyectos_acuerdo:facultad", args=("facultad",)),
    Formulario(
        "nuevo proyecto", "proyectos_acuerdo:nuevo", clases=((ProyectoForm, ""),), datos=_proyecto
    ),
    Formulario(
        "editar proyecto",
        "proyectos_acuerdo:editar",
        args=("formulacion",),
        clases=((ProyectoForm, ""),),
        datos=_proyecto,
    ),
    Formulario(
        "nueva facultad",
        "proyectos_acuerdo:nueva_facultad",
        clases=((FacultadForm, ""),),
        datos=lambda e: {
            "acuerdo": "Acuerdo 1",
            "objeto": "Objeto.",
            "inicio": _fecha(),
            "fin": _fecha(30),
            "responsable": e["persona"].pk,
        },
    ),
    *(
        Formulario(
            f"proyecto: {accion}",
            f"proyectos_acuerdo:{accion}",
            args=(registro,),
            clases=((FORMULARIOS_DE_ACCION[accion], ""),),
            datos=datos,
        )
        for accion, (registro, datos) in _ACCIONES.items()
    ),
]
