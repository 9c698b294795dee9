"""What P006 exposes to people, for the hostile-input test (buengobierno.web.entrada)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista
from cooperacion.alianzas import services
from cooperacion.alianzas.forms import (
    AlianzaForm,
    ConceptoForm,
    ContactoForm,
    CooperanteForm,
    FirmarForm,
    RecursoForm,
    TerminarForm,
)
from cooperacion.formularios import CompromisoDeOrigenForm, ReunionDeOrigenForm


def _fecha(dias: int) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%Y-%m-%d}"


def escenario(*, usuarios) -> dict:
    """A cooperante, an alliance en gestión and one with a favourable concept."""
    relaciones = usuarios["relaciones"]
    with sin_avisos():
        cooperante = services.registrar_cooperante(
            datos={"nombre": "Agencia Sonda", "tipo": "agencia_bilateral", "pais": "JP"},
            usuario=relaciones,
        )

        def alianza(nombre):
            return services.registrar_alianza(
                datos={
                    "nombre": nombre,
                    "instrumento": "convenio",
                    "cooperante": cooperante,
                    "objeto": "Cooperación técnica.",
                    "organismo": relaciones.organismo,
                    "responsable": relaciones,
                },
                ods=[11],
                usuario=relaciones,
            )

        en_gestion = alianza("Alianza en gestión")
        con_concepto = alianza("Alianza con concepto")
        services.emitir_concepto(
            alianza=con_concepto, favorable=True, observaciones="", usuario=usuarios["admin"]
        )
    return {
        "cooperante": cooperante,
        "alianza": en_gestion,
        "con_concepto": con_concepto,
        "persona": usuarios["directivo"],
    }


def _alianza(e) -> dict:
    return {
        "nombre": "Alianza nueva",
        "instrumento": "memorando",
        "cooperante": e["cooperante"].pk,
        "objeto": "Objeto",
        "ods": ["3"],
        "organismo": e["alianza"].organismo_id,
        "responsable": e["alianza"].responsable_id,
        "fecha_fin_vigencia": _fecha(300),
    }


def _ahora(dias, hora):
    return datetime.combine(timezone.localdate() + timedelta(days=dias), time(hora, 0))


SONDAS = [
    Lista("alianzas", "cooperacion_alianzas:inicio", usuario="relaciones"),
    Lista("alianza", "cooperacion_alianzas:alianza", args=("alianza",), usuario="relaciones"),
    Lista("cooperantes", "cooperacion_alianzas:cooperantes", usuario="relaciones"),
    Lista(
        "cooperante", "cooperacion_alianzas:cooperante", args=("cooperante",), usuario="relaciones"
    ),
    Lista("tablero", "cooperacion_alianzas:tablero", usuario="relaciones"),
    Formulario(
        "nueva alianza",
        "cooperacion_alianzas:nueva",
        clases=((AlianzaForm, ""),),
        datos=_alianza,
        usuario="relaciones",
    ),
    Formulario(
        "editar alianza",
        "cooperacion_alianzas:editar",
        args=("alianza",),
        clases=((AlianzaForm, ""),),
        datos=_alianza,
        usuario="relaciones",
    ),
    Formulario(
        "recurso",
        "cooperacion_alianzas:recurso",
        args=("alianza",),
        clases=((RecursoForm, ""),),
        datos=lambda e: {
            "tipo": "financiero",
            "descripcion": "Aporte",
            "anio": "2026",
            "monto": "1000",
            "moneda": "USD",
            "tasa_cambio": "4000",
            "fecha_tasa": _fecha(0),
        },
        usuario="relaciones",
    ),
    Formulario(
        "concepto",
        "cooperacion_alianzas:concepto",
        args=("alianza",),
        clases=((ConceptoForm, ""),),
        datos=lambda e: {"favorable": "0", "observaciones": "Ajustar la cláusula 3."},
        usuario="admin",
    ),
    Formulario(
        "firmar",
        "cooperacion_alianzas:firmar",
        args=("con_concepto",),
        clases=((FirmarForm, ""),),
        datos=lambda e: {"fecha_firma": _fecha(0), "fecha_fin_vigencia": _fecha(400)},
        usuario="relaciones",
    ),
    Formulario(
        "terminar",
        "cooperacion_alianzas:terminar",
        args=("alianza",),
        clases=((TerminarForm, ""),),
        datos=lambda e: {"motivo": "No prosperó."},
        usuario="relaciones",
    ),
    Formulario(
        "compromiso de la alianza",
        "cooperacion_alianzas:compromiso",
        args=("alianza",),
        clases=((CompromisoDeOrigenForm, ""),),
        datos=lambda e: {
            "descripcion": "Enviar el perfil",
            "responsable": e["persona"].pk,
            "fecha_limite": _fecha(10),
        },
        usuario="relaciones",
    ),
    Formulario(
        "reunión de articulación",
        "cooperacion_alianzas:reunion",
        args=("alianza",),
        clases=((ReunionDeOrigenForm, ""),),
        datos=lambda e: {
            "titulo": "Mesa técnica",
            "inicio": _fecha(3),
            "inicio_hora": "09:00",
            "fin": _fecha(3),
            "fin_hora": "10:00",
        },
        usuario="relaciones",
    ),
    Formulario(
        "nuevo cooperante",
        "cooperacion_alianzas:cooperante_nuevo",
        clases=((CooperanteForm, ""),),
        datos=lambda e: {"nombre": "Embajada X", "tipo": "embajada", "pais": "FR", "activo": "on"},
        usuario="relaciones",
    ),
    Formulario(
        "editar cooperante",
        "cooperacion_alianzas:cooperante_editar",
        args=("cooperante",),
        clases=((CooperanteForm, ""),),
        datos=lambda e: {"nombre": "Agencia Sonda", "tipo": "embajada", "pais": "FR"},
        usuario="relaciones",
    ),
    Formulario(
        "contacto",
        "cooperacion_alianzas:contacto",
        args=("cooperante",),
        clases=((ContactoForm, ""),),
        datos=lambda e: {"nombre": "Ana", "cargo": "Oficial", "aviso_informado": "on"},
        usuario="relaciones",
    ),
]
