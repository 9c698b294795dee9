"""Demo data of P001: instancias of the Alcaldía with sessions, delegations in every state and
fichas delivered on time and late.

Built through the services (so the data obey the real rules) with e-mail switched off, dated
relative to today. A session in the past cannot be delegated, so the past ones are delegated
while still ahead and then moved back in time, as if the demo had been running for weeks.
Idempotent: nothing is built once the first demo instancia exists.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from buengobierno.avisos.models import Notificacion
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.documentos.formato import de, frase
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.models import (
    Delegacion,
    DelegacionPermanente,
    FichaTecnica,
    Instancia,
    Sesion,
)

INSTANCIAS = [
    # nombre, tipo, convoca, norma, asiento, periodicidad, secretaría técnica, sigla, habitual
    (
        "Junta Directiva de la Red de Salud del Oriente E.S.E.",
        "junta_directiva",
        "Red de Salud del Oriente E.S.E.",
        "Acuerdo 0106 de 2003 del Concejo de Santiago de Cali",
        "El Alcalde o su delegado preside la Junta Directiva.",
        "mensual",
        "Gerencia de la E.S.E.",
        "SSP",
        "directivo",
    ),
    (
        "Consejo Territorial de Seguridad Social en Salud",
        "consejo",
        "Secretaría de Salud Pública",
        "Ley 100 de 1993, artículo 175",
        "El Alcalde lo preside y puede delegar en el Secretario de Salud Pública.",
        "trimestral",
        "Secretaría de Salud Pública",
        "SSP",
        "directivo",
    ),
    (
        "Comité Territorial de Justicia Transicional",
        "comite",
        "Secretaría de Paz y Cultura Ciudadana",
        "Ley 1448 de 2011, artículo 173; Decreto 1084 de 2015",
        "Lo preside el Alcalde; puede delegar en el Secretario de Gobierno.",
        "trimestral",
        "Secretaría de Paz y Cultura Ciudadana",
        "SPCC",
        "juridica",
    ),
    (
        "Comisión Regional de Competitividad e Innovación del Valle del Cauca",
        "comision",
        "Cámara de Comercio de Cali",
        "Decreto 1651 de 2019",
        "El Alcalde de Santiago de Cali es miembro permanente.",
        "semestral",
        "Cámara de Comercio de Cali",
        "SDE",
        "relaciones",
    ),
    (
        "Asamblea General de Accionistas de Metrocali S.A.",
        "asamblea",
        "Metrocali S.A.",
        "Estatutos sociales de Metrocali S.A.",
        "El Distrito vota sus acciones por medio del Alcalde o su delegado.",
        "anual",
        "Secretaría General de Metrocali S.A.",
        "SM",
        "",
    ),
    (
        "Mesa Distrital de Gestión del Riesgo por Inundaciones",
        "mesa",
        "Secretaría de Gestión del Riesgo de Emergencias y Desastres",
        "Ley 1523 de 2012, artículo 28",
        "",
        "a_demanda",
        "Secretaría de Gestión del Riesgo de Emergencias y Desastres",
        "SGRED",
        "directivo",
    ),
]

INSTRUCCIONES = (
    "Asistir en representación del Alcalde, verificar el quórum y dejar constancia en el acta "
    "de la posición de la Administración. Informar al Despacho cualquier decisión con impacto "
    "presupuestal."
)


def _instancias(usuarios) -> dict[str, Instancia]:
    creadas = {}
    for (
        nombre,
        tipo,
        convoca,
        norma,
        asiento,
        periodicidad,
        secretaria,
        sigla,
        habitual,
    ) in INSTANCIAS:
        creadas[nombre] = Instancia.objects.create(
            nombre=nombre,
            tipo=tipo,
            entidad_convocante=convoca,
            norma=norma,
            asiento_alcalde=asiento,
            periodicidad=periodicidad,
            secretaria_tecnica=secretaria,
            organismo=Organismo.objects.filter(sigla=sigla).first()
            or usuarios["despacho"].organismo,
            delegado_habitual=usuarios.get(habitual),
            creado_por=usuarios["despacho"],
        )
    return creadas


def _momento(dias_habiles: int, hora: int = 9):
    """9:00 of the business day `dias_habiles` away from today (negative: in the past)."""
    fecha = sumar_dias_habiles(timezone.localdate(), dias_habiles)
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def _firmar(delegacion, despacho):
    """The letter signed in Daruma (the demo has no scanned copy): radicado, date, TRD."""
    return services.registrar_firma(
        delegacion=delegacion,
        usuario=despacho,
        radicado=f"2026411202000{delegacion.pk:04d}",
        fecha_radicado=timezone.localdate(),
        trd=f"4112.020.22.2.1020.{delegacion.pk:06d}",
    )


def _sesion(instancia, dias, despacho, *, delegado=None, notificar=True, lugar=""):
    sesion = services.registrar_sesion(
        datos={
            "instancia": instancia,
            "inicio": _momento(dias),
            "lugar": lugar or "Centro Administrativo Municipal (CAM), torre Alcaldía",
            "temas": "Verificación del quórum\nInforme de gestión\nProposiciones y varios",
        },
        archivos={},
        usuario=despacho,
    )
    delegacion = None
    if delegado is not None:
        delegacion = services.delegar(
            sesion=sesion,
            delegado=delegado,
            usuario=despacho,
            instrucciones=INSTRUCCIONES,
            postura="Apoyar el plan de acción presentado, sin comprometer recursos adicionales.",
            notificar_ahora=notificar,
        )
        if notificar:
            delegacion = _firmar(delegacion, despacho)
    return sesion, delegacion


def _al_pasado(sesion, delegacion, dias_atras: int):
    """Move a delegated session `dias_atras` business days back, with its deadline and
    notices."""
    inicio = _momento(-dias_atras)
    Sesion.objects.filter(pk=sesion.pk).update(inicio=inicio)
    sesion.refresh_from_db()
    Delegacion.objects.filter(pk=delegacion.pk).update(
        fecha_limite_ficha=services.plazo_de_ficha(sesion),
        notificada_en=inicio - timedelta(days=7),
        respondida_en=inicio - timedelta(days=6),
        creado_en=inicio - timedelta(days=8),
    )
    delegacion.refresh_from_db()
    return delegacion


def _permanente(instancia, despacho, delegado):
    """A decree delegating every session of `instancia` from a month ago to a year ahead,
    its PDF a one-page copy of the act."""
    from weasyprint import HTML

    hoy = timezone.localdate()
    numero = "4112.010.20.0042"
    texto = (
        f"<h1>Decreto {numero}</h1><p>Por el cual el Alcalde de Santiago de Cali delega en "
        f"{delegado} su representación en las sesiones {de(instancia)}.</p>"
    )
    return services.crear_permanente(
        instancia=instancia,
        datos={
            "tipo_acto": DelegacionPermanente.TipoActo.DECRETO,
            "numero_acto": numero,
            "fecha_acto": hoy - timedelta(days=32),
            "delegado": delegado,
            "desde": hoy - timedelta(days=30),
            "hasta": hoy + timedelta(days=365),
            "instrucciones": (
                "Asistir a todas las sesiones del periodo, sostener la posición de la "
                "Administración y enviar la ficha técnica de cada sesión."
            ),
        },
        acto=ContentFile(HTML(string=texto).write_pdf(), name=f"decreto-{numero}.pdf"),
        usuario=despacho,
    )


def _ficha(delegacion, usuarios, *, dias_despues, compromisos, enviar=True):
    services.guardar_ficha(
        delegacion=delegacion,
        datos={
            "desarrollo": (
                "Se verificó el quórum. La gerencia presentó el informe de gestión del "
                "trimestre y la ejecución presupuestal; se discutieron los riesgos del cierre "
                "de vigencia."
            ),
            "decisiones": "Se aprobó el plan de acción del siguiente trimestre.",
            "asuntos_alcalde": "La E.S.E. pide priorizar el giro de recursos de salud pública.",
            "asistentes": (
                "Gerente de la entidad\nRevisor fiscal\nDelegado del Gobernador del Valle\n"
                "Representante de los usuarios"
            ),
            "posicion_expresada": (
                "Se apoyó el plan de acción presentado, con la salvedad de no comprometer "
                "recursos adicionales del Distrito."
            ),
            "votaciones": (
                "Plan de acción: 6 votos a favor y 1 abstención; la Administración votó a favor."
            ),
        },
        compromisos=compromisos,
        archivos={},
        usuario=delegacion.delegado,
        enviar=enviar,
    )
    if enviar:
        entregada = timezone.make_aware(
            datetime.combine(
                sumar_dias_habiles(delegacion.sesion.fecha, dias_despues), time(16, 30)
            )
        )
        FichaTecnica.objects.filter(delegacion=delegacion).update(entregada_en=entregada)
        # The notice was written when the service ran (today, after the deadline): it is
        # written again as of the delivery date, so it says what the record says.
        ficha = FichaTecnica.objects.select_related("delegacion__sesion__instancia").get(
            delegacion=delegacion
        )
        Notificacion.objects.filter(
            object_id=delegacion.pk, titulo__startswith="Ficha técnica entregada"
        ).delete()
        aviso = services.avisar_entrega_de_ficha(delegacion=ficha.delegacion, ficha=ficha)
        Notificacion.objects.filter(pk=aviso.pk).update(creada=entregada)


def cargar(*, usuarios, stdout):
    if Instancia.objects.filter(nombre=INSTANCIAS[0][0]).exists():
        stdout.write("Delegaciones: los datos de demostración ya estaban cargados.")
        return
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    hoy = timezone.localdate()
    with sin_avisos():
        inst = _instancias(usuarios)
        red, consejo, comite, comision, asamblea, mesa = (inst[i[0]] for i in INSTANCIAS)

        # Upcoming: awaiting acceptance, accepted, draft, rejected then re-delegated (its
        # letter pending signature), cancelled.
        _sesion(red, 5, despacho, delegado=directivo)
        _s, aceptada = _sesion(consejo, 8, despacho, delegado=directivo)
        services.aceptar_delegacion(delegacion=aceptada, usuario=directivo)
        _sesion(comite, 3, despacho, delegado=usuarios["juridica"], notificar=False)
        sesion, rechazada = _sesion(comision, 10, despacho, delegado=usuarios["relaciones"])
        services.rechazar_delegacion(
            delegacion=rechazada,
            usuario=usuarios["relaciones"],
            motivo="Ese día acompaño la misión diplomática de la ciudad hermana.",
        )
        services.delegar(
            sesion=sesion, delegado=directivo, usuario=despacho, instrucciones=INSTRUCCIONES
        )
        # The Secretario attends for the Alcalde: a delegation to him, signed in Daruma.
        if "secretario" in usuarios:
            sesion = services.registrar_sesion(
                datos={
                    "instancia": mesa,
                    "inicio": _momento(6),
                    "lugar": "Centro Administrativo Municipal (CAM), torre Alcaldía",
                    "asistencia": Sesion.Asistencia.SECRETARIO,
                },
                archivos={},
                usuario=despacho,
            )
            _firmar(sesion.delegaciones.get(), despacho)
        _s, cancelada = _sesion(asamblea, 12, despacho, delegado=directivo)
        services.cancelar_delegacion(
            delegacion=cancelada, usuario=despacho, motivo="Asistirá el Alcalde en persona."
        )
        # A standing delegation by decree for the year, and a session delegated from it.
        _permanente(asamblea, despacho, directivo)
        services.delegar_desde_permanente(
            sesion=_sesion(asamblea, 15, despacho)[0], usuario=despacho
        )

        # Past sessions: fichas on time and reviewed, late, owed, overdue and returned; a
        # delegate who did not attend and a session the convening entity called off.
        plazo = sumar_dias_habiles(hoy, 10)
        for instancia, dias_atras, estado in (
            (red, 18, "revisada"),
            (mesa, 10, "tarde"),
            (comision, 22, "devuelta"),
            (comite, 8, "vencida"),
            (consejo, 1, "borrador"),
            (red, 4, "no_asistio"),
            (mesa, 3, "suspendida"),
        ):
            sesion, delegacion = _sesion(
                instancia, 1, despacho, delegado=instancia.delegado_habitual
            )
            services.aceptar_delegacion(delegacion=delegacion, usuario=delegacion.delegado)
            delegacion = _al_pasado(sesion, delegacion, dias_atras)
            compromisos = [
                {
                    "descripcion": frase(
                        f"Presentar al Despacho el informe de seguimiento {de(instancia)}"
                    ),
                    "responsable": delegacion.delegado,
                    "fecha_limite": plazo,
                }
            ]
            if estado == "revisada":
                _ficha(delegacion, usuarios, dias_despues=2, compromisos=compromisos)
                services.revisar_ficha(
                    delegacion=delegacion, usuario=despacho, observaciones="Completa."
                )
            elif estado == "tarde":
                compromisos.append(
                    {
                        "descripcion": "Actualizar el mapa de puntos críticos de inundación.",
                        "responsable": usuarios["enlace"],
                        "fecha_limite": plazo,
                    }
                )
                _ficha(delegacion, usuarios, dias_despues=6, compromisos=compromisos)
            elif estado == "devuelta":
                _ficha(delegacion, usuarios, dias_despues=3, compromisos=compromisos)
                services.devolver_ficha(
                    delegacion=delegacion,
                    usuario=despacho,
                    observaciones="Falta adjuntar el acta y precisar las decisiones.",
                )
            elif estado == "no_asistio":
                services.registrar_no_asistencia(
                    delegacion=delegacion,
                    usuario=despacho,
                    motivo="Incapacidad médica el día de la sesión; se avisó a la entidad.",
                )
            elif estado == "suspendida":
                services.registrar_suspension(
                    delegacion=delegacion,
                    usuario=despacho,
                    motivo="La entidad convocante suspendió la sesión por falta de quórum.",
                )
            elif estado == "borrador":
                _ficha(delegacion, usuarios, dias_despues=0, compromisos=[], enviar=False)
    stdout.write(
        f"Delegaciones: {Instancia.objects.count()} instancias, {Sesion.objects.count()} "
        f"sesiones, {Delegacion.objects.count()} delegaciones y "
        f"{DelegacionPermanente.objects.count()} delegación permanente de demostración."
    )
