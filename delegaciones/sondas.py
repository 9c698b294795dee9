"""What P001 exposes to people, for the hostile-input test (buengobierno.web.entrada).

Every list with its GET parameters and every form with a valid submission, each as a user
who may use it; the test sends hostile values to each parameter and field, one at a time.
"""

from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.web.entrada import Formulario, Lista
from delegaciones import services
from delegaciones.forms import (
    FORMULARIOS_DE_ACCION,
    CompromisoFichaForm,
    DelegacionForm,
    FichaForm,
    InstanciaForm,
    SesionForm,
)
from delegaciones.models import Delegacion, Instancia, Sesion


def _momento(dias: int, hora: int = 9):
    fecha = timezone.localdate() + timedelta(days=dias)
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def _fecha(dias: int) -> str:
    return f"{timezone.localdate() + timedelta(days=dias):%Y-%m-%d}"


def escenario(*, usuarios) -> dict:
    """An instancia of the directivo's organism; a session ahead with nobody delegated, one
    ahead with a letter pending signature, one ahead with a notified delegation, and one past with an accepted delegation (its ficha
    open to the delegate)."""
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    instancia = Instancia.objects.create(
        nombre="Junta Directiva de la Red de Salud del Oriente E.S.E.",
        tipo=Instancia.Tipo.JUNTA_DIRECTIVA,
        entidad_convocante="Red de Salud del Oriente E.S.E.",
        periodicidad=Instancia.Periodicidad.MENSUAL,
        organismo=directivo.organismo,
        delegado_habitual=directivo,
        creado_por=despacho,
    )

    def sesion(dias):
        return services.registrar_sesion(
            datos={"instancia": instancia, "inicio": _momento(dias)}, archivos={}, usuario=despacho
        )

    def delegar(en):
        return services.delegar(
            sesion=en, delegado=directivo, usuario=despacho, instrucciones="Votar a favor."
        )

    def firmada(delegacion):
        return services.registrar_firma(
            delegacion=delegacion,
            usuario=despacho,
            radicado=f"2026411202000{delegacion.pk:04d}",
            fecha_radicado=timezone.localdate(),
            trd="4112.020.22.2.1020.000697",
        )

    with sin_avisos():
        permanente = services.crear_permanente(
            instancia=instancia,
            datos={
                "numero_acto": "4112.010.20.0123",
                "fecha_acto": timezone.localdate(),
                "delegado": directivo,
                "desde": timezone.localdate() + timedelta(days=30),
                "hasta": timezone.localdate() + timedelta(days=60),
                "instrucciones": "Asistir a todas las sesiones.",
            },
            acto=SimpleUploadedFile("decreto.pdf", b"%PDF-1.4\n%%EOF\n"),
            usuario=despacho,
        )
        libre = sesion(6)
        por_firmar = delegar(sesion(7))
        notificada = firmada(delegar(sesion(5)))
        pasada = firmada(delegar(sesion(4)))
        services.aceptar_delegacion(delegacion=pasada, usuario=directivo)
        # The session took place yesterday (a session is delegated only while ahead).
        Sesion.objects.filter(pk=pasada.sesion_id).update(inicio=_momento(-1))
        pasada.refresh_from_db()
        Delegacion.objects.filter(pk=pasada.pk).update(
            fecha_limite_ficha=services.plazo_de_ficha(pasada.sesion)
        )
    return {
        "instancia": instancia,
        "permanente": permanente,
        "libre": libre,
        "notificada": notificada,
        "por_firmar": por_firmar,
        "pasada": pasada,
        "persona": directivo,
    }


def _sesion(e) -> dict:
    return {
        "instancia": e["instancia"].pk,
        "inicio": f"{_fecha(8)}T15:00",
        "lugar": "Sede de la Red",
        "asistencia": "delega",
        "temas": "Plan de acción",
        "delegar": "on",
        "delegado": e["persona"].pk,
        "delegante": "alcalde",
        "instrucciones": "Votar a favor.",
        "postura": "",
    }


def _instancia(e) -> dict:
    return {
        "nombre": "Comité Municipal de Seguridad",
        "tipo": "comite",
        "entidad_convocante": "Alcaldía",
        "norma": "Decreto 1 de 2020",
        "asiento_alcalde": "Preside",
        "periodicidad": "mensual",
        "secretaria_tecnica": "Secretaría de Seguridad",
        "organismo": e["instancia"].organismo_id,
        "delegado_habitual": e["persona"].pk,
        "activa": "on",
    }


_ACCIONES = {  # step: (who, the delegation it applies to, a valid submission)
    "emitir": ("despacho", "notificada", lambda e: {}),
    "firmar": (
        "despacho",
        "por_firmar",
        lambda e: {"radicado": "20264112020006974", "fecha_radicado": _fecha(0), "trd": "4112"},
    ),
    "aceptar": ("directivo", "notificada", lambda e: {}),
    "rechazar": ("directivo", "notificada", lambda e: {"motivo": "Estaré de viaje."}),
    "realizada": ("despacho", "pasada", lambda e: {}),
    "cancelar": ("despacho", "notificada", lambda e: {"motivo": "Se aplazó la sesión."}),
    "no_asistio": ("despacho", "pasada", lambda e: {"motivo": "Incapacidad médica."}),
    "suspendida": ("despacho", "pasada", lambda e: {"motivo": "No hubo quórum."}),
    "revisar": ("despacho", "pasada", lambda e: {"observaciones": ""}),
    "devolver": ("despacho", "pasada", lambda e: {"observaciones": "Falta el acta."}),
}

SONDAS = [
    # Lists, boards, pages read with GET parameters
    Lista("tablero", "delegaciones:inicio"),
    Lista("mis delegaciones", "delegaciones:mis_delegaciones", usuario="directivo"),
    Lista("delegaciones", "delegaciones:delegaciones"),
    Lista("calendario", "delegaciones:calendario", parametros=("mes",)),
    Lista("indicadores", "delegaciones:indicadores"),
    Lista("instancias", "delegaciones:instancias"),
    Lista("instancia", "delegaciones:instancia", args=("instancia",)),
    Lista("delegaciones permanentes", "delegaciones:permanentes"),
    Lista("permanentes de la instancia", "delegaciones:permanentes_instancia", args=("instancia",)),
    Lista("delegación permanente", "delegaciones:permanente", args=("permanente",)),
    # Its form needs the act's PDF, which this probe cannot post: tests/delegaciones/
    # test_permanentes.py sends the same hostile values to each of its fields, with the PDF.
    Lista(
        "página de nueva delegación permanente",
        "delegaciones:nueva_permanente",
        args=("instancia",),
    ),
    Lista("sesiones", "delegaciones:sesiones"),
    Lista("sesión", "delegaciones:sesion", args=("libre",)),
    Lista("página de nueva sesión", "delegaciones:nueva_sesion", parametros=("instancia",)),
    Lista("delegación", "delegaciones:delegacion", args=("notificada",)),
    Lista("ficha", "delegaciones:ficha", args=("pasada",), usuario="directivo"),
    Lista("calendario ics", "delegaciones:calendario_ics", args=("notificada",)),
    # Forms
    Formulario(
        "nueva instancia",
        "delegaciones:nueva_instancia",
        clases=((InstanciaForm, ""),),
        datos=_instancia,
    ),
    Formulario(
        "editar instancia",
        "delegaciones:editar_instancia",
        args=("instancia",),
        clases=((InstanciaForm, ""),),
        datos=_instancia,
    ),
    Formulario(
        "nueva sesión", "delegaciones:nueva_sesion", clases=((SesionForm, ""),), datos=_sesion
    ),
    Formulario(
        "editar sesión",
        "delegaciones:editar_sesion",
        args=("libre",),
        clases=((SesionForm, ""),),
        datos=_sesion,
    ),
    Formulario(
        "delegar",
        "delegaciones:delegar",
        args=("libre",),
        clases=((DelegacionForm, ""),),
        datos=lambda e: {
            "delegado": e["persona"].pk,
            "delegante": "alcalde",
            "instrucciones": "Votar a favor.",
            "postura": "",
            "notificar_ahora": "on",
        },
    ),
    Formulario(
        "ficha técnica",
        "delegaciones:ficha",
        args=("pasada",),
        clases=((FichaForm, ""), (CompromisoFichaForm, "compromisos-0")),
        campos=("compromisos-0-id", "compromisos-0-DELETE"),
        datos=lambda e: {
            "desarrollo": "Se aprobó el plan.",
            "decisiones": "Aprobar el presupuesto.",
            "asuntos_alcalde": "",
            "compromisos-TOTAL_FORMS": "1",
            "compromisos-INITIAL_FORMS": "0",
            "compromisos-MIN_NUM_FORMS": "0",
            "compromisos-MAX_NUM_FORMS": "1000",
            "compromisos-0-descripcion": "Enviar el informe",
            "compromisos-0-responsable": e["persona"].pk,
            "compromisos-0-fecha_limite": _fecha(10),
            "enviar": "1",
        },
        usuario="directivo",
    ),
    *(
        Formulario(
            f"delegación: {accion}",
            f"delegaciones:{accion}",
            args=(delegacion,),
            clases=((FORMULARIOS_DE_ACCION[accion], ""),),
            datos=datos,
            usuario=usuario,
        )
        for accion, (usuario, delegacion, datos) in _ACCIONES.items()
    ),
]
