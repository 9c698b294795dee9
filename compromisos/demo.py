"""Demo data of P005: a meeting of each type and commitments in every state.

Built through the services (so the data obey the real rules) with e-mail switched off, and
dated relative to today so something is always due soon and something overdue. Idempotent:
each meeting is looked up by its title and built only once.
"""

from datetime import datetime, time

from django.apps import apps
from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import resumen, services
from compromisos.apps import (
    COMITE_PROYECTOS_DE_ACUERDO,
    CONSEJO_DE_GOBIERNO,
    sembrar_tipos_de_reunion,
)
from compromisos.models import Compromiso, MetaEstrategica, Reunion, TipoReunion

METAS = [
    (
        "51010010001",
        "Implementar el sistema de seguimiento a compromisos de la Administración",
        "Gobierno abierto y articulado",
        "Secretaría de Gobierno",
    ),
    (
        "51030020004",
        "Atender 40 comunas y corregimientos con jornadas de gestión territorial",
        "Territorios en diálogo",
        "Secretaría de Gobierno",
    ),
    (
        "52010030002",
        "Ampliar la cobertura de vacunación en la zona rural al 95 %",
        "Salud pública para todos",
        "Secretaría de Salud Pública",
    ),
]


def _momento(fecha, hora: int):
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def _organismo(usuario):
    return usuario.organismo or Organismo.objects.order_by("pk").first()


def _metas():
    metas = []
    for codigo, nombre, programa, organismo in METAS:
        meta, _creada = MetaEstrategica.objects.get_or_create(
            codigo=codigo,
            defaults={
                "nombre": nombre,
                "programa": programa,
                "organismo_responsable": Organismo.objects.filter(nombre=organismo).first(),
            },
        )
        metas.append(meta)
    return metas


def _reunion(*, tipo, titulo, dia, usuarios, convoca, puntos, invitados, objetivo):
    return services.convocar_reunion(
        tipo=TipoReunion.objects.get(nombre=tipo),
        titulo=titulo,
        inicio=_momento(dia, 8),
        fin=_momento(dia, 10),
        organismo_convocante=_organismo(convoca),
        puntos=puntos,
        invitados=invitados,
        creado_por=usuarios["despacho"],
        objetivo=objetivo,
        lugar="Centro Administrativo Municipal (CAM), piso 9, sala del Consejo",
        preside=convoca,
        secretario_reunion=usuarios["despacho"],
    )


def _desarrollar(reunion, usuarios, textos, decisiones, externo=None):
    despacho = usuarios["despacho"]
    for punto, texto in zip(reunion.puntos.all(), textos, strict=False):
        punto.desarrollo = texto
        punto.presentador = punto.presentador or str(usuarios["secretario"])
        punto.save()
    for texto in decisiones:
        services.agregar_decision(reunion=reunion, texto=texto, usuario=despacho)
    for i, asistente in enumerate(reunion.asistentes.all()):
        asistente.asistencia = "se_excuso" if i == 3 else "asistio"
        asistente.save()
    if externo:
        services.agregar_asistente_externo(
            reunion=reunion, datos={**externo, "aviso_datos_aceptado": True}, usuario=despacho
        )


def _consejo(usuarios, hoy, metas):
    titulo = "Consejo de Gobierno: seguimiento al Plan de Desarrollo y a la temporada de lluvias"
    dia = sumar_dias_habiles(hoy, -15)
    reunion = _reunion(
        tipo=CONSEJO_DE_GOBIERNO,
        titulo=titulo,
        dia=dia,
        usuarios=usuarios,
        convoca=usuarios["secretario"],
        puntos=[
            "Verificación del quórum y aprobación del orden del día",
            "Avance del Plan de Desarrollo por organismo",
            "Plan de contingencia por la temporada de lluvias",
            "Proposiciones y varios",
        ],
        invitados=[
            usuarios[u]
            for u in (
                "secretario",
                "despacho",
                "directivo",
                "relaciones",
                "juridica",
                "viabilizador",
                "enlace",
            )
        ],
        objetivo="Revisar el avance de las metas del Plan de Desarrollo y coordinar la respuesta "
        "institucional a la temporada de lluvias.",
    )
    services.iniciar_reunion(reunion=reunion, usuario=usuarios["despacho"])
    _desarrollar(
        reunion,
        usuarios,
        [
            "Se verificó el quórum con la asistencia de los secretarios convocados.",
            "Cada organismo presentó el porcentaje de avance de sus metas; Salud reporta rezago "
            "en la meta de vacunación rural.",
            "La Secretaría de Gobierno presentó el plan de contingencia y los puntos críticos.",
            "Sin proposiciones.",
        ],
        [
            "Priorizar las metas con avance inferior al 60 % en el próximo trimestre.",
            "Activar el puesto de mando unificado durante la temporada de lluvias.",
        ],
        externo={
            "nombre": "María Camila Ortiz",
            "entidad": "Cruz Roja Colombiana, seccional Valle",
            "cargo": "Coordinadora de gestión del riesgo",
            "correo": "mcortiz@example.org",
        },
    )
    plan = [
        (
            "directivo",
            "Presentar el plan de choque de vacunación rural con cronograma por corregimiento.",
            sumar_dias_habiles(dia, 5),
            metas[2],
        ),
        (
            "enlace",
            "Consolidar el reporte de avance de metas de Salud para el tablero del Despacho.",
            sumar_dias_habiles(hoy, 5),
            metas[0],
        ),
        (
            "viabilizador",
            "Emitir el concepto de disponibilidad de recursos para el plan de contingencia.",
            sumar_dias_habiles(dia, 3),
            None,
        ),
        (
            "juridica",
            "Revisar el proyecto de decreto de calamidad pública preventiva.",
            sumar_dias_habiles(dia, 4),
            None,
        ),
        (
            "relaciones",
            "Gestionar apoyo de cooperación internacional para la temporada de lluvias.",
            sumar_dias_habiles(dia, 10),
            None,
        ),
        (
            "directivo",
            "Entregar el informe de brotes de enfermedades asociadas a las lluvias.",
            sumar_dias_habiles(dia, 8),
            metas[2],
        ),
    ]
    for usuario, descripcion, fecha, meta in plan:
        compromiso = services.agregar_compromiso_en_reunion(
            reunion=reunion,
            descripcion=descripcion,
            responsable=usuarios[usuario],
            fecha_limite=fecha,
            prioridad="alta" if meta else "media",
            usuario=usuarios["despacho"],
        )
        if meta:
            Compromiso.objects.filter(pk=compromiso.pk).update(meta=meta)
    services.cerrar_reunion(reunion=reunion, usuario=usuarios["despacho"])
    c = list(reunion.compromisos.order_by("pk"))
    # c[0] stays pendiente and overdue.
    services.registrar_avance(
        compromiso=c[1],
        nota="Se recibió la información de cuatro de seis subsecretarías.",
        porcentaje=40,
        usuario=usuarios["enlace"],
    )
    services.marcar_cumplido(
        compromiso=c[2],
        nota="Concepto emitido con el radicado 202641230100012345.",
        usuario=usuarios["viabilizador"],
    )
    services.marcar_cumplido(
        compromiso=c[3],
        nota="Revisión enviada al Despacho con observaciones de forma.",
        usuario=usuarios["juridica"],
    )
    services.verificar_compromiso(
        compromiso=c[3], usuario=usuarios["despacho"], nota="Se recibió el proyecto revisado."
    )
    # It was in fact delivered on time: the demo shows on-time compliance too.
    Compromiso.objects.filter(pk=c[3].pk).update(fecha_cumplimiento=c[3].fecha_limite)
    resumen.recontar({(c[3].organismo_id, c[3].fecha_limite)})  # update() skips the signals
    resumen.recontar_metas({(c[3].meta_id, c[3].fecha_limite)})
    services.cancelar_compromiso(
        compromiso=c[4],
        usuario=usuarios["despacho"],
        motivo="La gestión la asumió la Unidad Nacional para la Gestión del Riesgo.",
    )
    # The responsible person asks for a new date and the Despacho approves it; another
    # request waits for the Despacho's decision.
    services.solicitar_reprogramacion(
        compromiso=c[5],
        nueva_fecha=sumar_dias_habiles(hoy, 10),
        justificacion="El Instituto Nacional de Salud entregará los datos del periodo la próxima semana.",
        usuario=usuarios["directivo"],
    )
    services.aprobar_reprogramacion(
        compromiso=c[5],
        usuario=usuarios["despacho"],
        observacion="Aprobada: sin esos datos el informe quedaría incompleto.",
    )
    services.solicitar_reprogramacion(
        compromiso=c[1],
        nueva_fecha=sumar_dias_habiles(hoy, 15),
        justificacion="Faltan los reportes de dos subsecretarías, que llegan a fin de mes.",
        usuario=usuarios["enlace"],
    )


def _comite(usuarios, hoy):
    dia = sumar_dias_habiles(hoy, -3)
    reunion = _reunion(
        tipo="Comité",
        titulo="Comité de convivencia y seguridad ciudadana de la Comuna 15",
        dia=dia,
        usuarios=usuarios,
        convoca=usuarios["despacho"],
        puntos=["Balance de casos de la semana", "Jornada de gestión territorial"],
        invitados=[usuarios["despacho"], usuarios["directivo"], usuarios["enlace"]],
        objetivo="Coordinar la jornada de gestión territorial en la Comuna 15.",
    )
    services.iniciar_reunion(reunion=reunion, usuario=usuarios["despacho"])
    _desarrollar(
        reunion,
        usuarios,
        ["Se revisaron los casos reportados.", "Se fijó la fecha."],
        ["Realizar la jornada el próximo sábado."],
    )
    services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Instalar el punto de atención en salud durante la jornada.",
        responsable=usuarios["enlace"],
        fecha_limite=sumar_dias_habiles(hoy, 2),
        prioridad="media",
        usuario=usuarios["despacho"],
    )
    services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Confirmar la logística de la jornada con la JAL.",
        responsable=usuarios["despacho"],
        fecha_limite=hoy,
        prioridad="alta",
        usuario=usuarios["despacho"],
    )
    services.cerrar_reunion(reunion=reunion, usuario=usuarios["despacho"])


def _mesa(usuarios, hoy):
    reunion = _reunion(
        tipo="Mesa de trabajo",
        titulo="Mesa de trabajo: tablero de indicadores del Despacho",
        dia=hoy,
        usuarios=usuarios,
        convoca=usuarios["despacho"],
        puntos=["Fuentes de información", "Próximos pasos"],
        invitados=[usuarios["despacho"], usuarios["enlace"], usuarios["viabilizador"]],
        objetivo="Definir las fuentes del tablero de indicadores.",
    )
    services.iniciar_reunion(reunion=reunion, usuario=usuarios["despacho"])
    # Recorded as it goes (policy 1): who is in the room and what was said on each item.
    for asistente in reunion.asistentes.filter(
        usuario__in=[usuarios["despacho"], usuarios["enlace"]]
    ):
        services.guardar_campo(
            reunion=reunion,
            clave=f"asistente.{asistente.pk}.asistencia",
            valor="asistio",
            version=0,
            usuario=usuarios["despacho"],
        )
    desarrollo = [
        "Hacienda y Planeación entregan sus cifras cada mes; las demás dependencias, cada "
        "trimestre.",
        "Se acordó una primera versión del tablero para la próxima mesa.",
    ]
    for punto, texto in zip(reunion.puntos.order_by("orden"), desarrollo, strict=True):
        services.guardar_campo(
            reunion=reunion,
            clave=f"punto.{punto.pk}.desarrollo",
            valor=texto,
            version=0,
            usuario=usuarios["despacho"],
        )
    services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Enviar el inventario de fuentes de información de Hacienda.",
        responsable=usuarios["viabilizador"],
        fecha_limite=sumar_dias_habiles(hoy, 5),
        prioridad="media",
        usuario=usuarios["despacho"],
    )
    # Still being typed: no responsible yet, so the meeting cannot be closed until it has one.
    services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Definir el responsable del tablero en cada organismo.",
        responsable=None,
        fecha_limite=None,
        prioridad="media",
        usuario=usuarios["despacho"],
    )


def _programadas(usuarios, hoy):
    _reunion(
        tipo="Seguimiento",
        titulo="Seguimiento mensual a compromisos del Consejo de Gobierno",
        dia=sumar_dias_habiles(hoy, 5),
        usuarios=usuarios,
        convoca=usuarios["despacho"],
        puntos=["Compromisos vencidos", "Compromisos por vencer", "Varios"],
        invitados=[usuarios["despacho"], usuarios["directivo"]],
        objetivo="Revisar el estado de los compromisos adquiridos en el Consejo de Gobierno.",
    )
    _reunion(
        tipo=COMITE_PROYECTOS_DE_ACUERDO,
        titulo="Comité Coordinador: conceptos discrepantes del proyecto de acuerdo de movilidad",
        dia=sumar_dias_habiles(hoy, 2),
        usuarios=usuarios,
        convoca=usuarios["despacho"],
        puntos=[
            "Presentación del proyecto por el organismo formulador",
            "Concepto técnico (favorable) y concepto financiero (desfavorable)",
            "Decisión del Comité",
        ],
        invitados=[usuarios["despacho"], usuarios["juridica"], usuarios["viabilizador"]],
        objetivo="Resolver la discrepancia entre los conceptos de viabilidad.",
    )


def cargar(*, usuarios, stdout):
    sembrar_tipos_de_reunion(apps)
    hoy = timezone.localdate()
    metas = _metas()
    creadas = 0
    pasos = [
        (
            "Consejo de Gobierno: seguimiento al Plan de Desarrollo y a la temporada de lluvias",
            lambda: _consejo(usuarios, hoy, metas),
        ),
        (
            "Comité de convivencia y seguridad ciudadana de la Comuna 15",
            lambda: _comite(usuarios, hoy),
        ),
        ("Mesa de trabajo: tablero de indicadores del Despacho", lambda: _mesa(usuarios, hoy)),
        (
            "Seguimiento mensual a compromisos del Consejo de Gobierno",
            lambda: _programadas(usuarios, hoy),
        ),
    ]
    with sin_avisos():
        for titulo, construir in pasos:
            if not Reunion.objects.filter(titulo=titulo).exists():
                construir()
                creadas += 1
        if not Compromiso.objects.filter(
            origen_tipo=None, creado_por=usuarios["secretario"]
        ).exists():
            services.crear_compromisos(
                origen=None,
                compromisos=[
                    {
                        "descripcion": "Preparar la rendición de cuentas del primer semestre.",
                        "responsable": usuarios["despacho"],
                        "fecha_limite": sumar_dias_habiles(hoy, 20),
                        "corresponsables": [usuarios["enlace"]],
                        "meta": metas[0],
                    },
                    {
                        # Owed by an outside entity, followed up by the Despacho's enlace.
                        "descripcion": "Reforzar el patrullaje nocturno en los alrededores del "
                        "parque de la Comuna 15 durante la temporada de lluvias.",
                        "responsable": usuarios["enlace"],
                        "fecha_limite": sumar_dias_habiles(hoy, 12),
                        "externo_entidad": "Policía Metropolitana de Santiago de Cali",
                        "externo_nombre": "Mayor Andrés Felipe Quintero, comandante de la "
                        "Estación Mojica",
                        "externo_correo": "mecal.e15@policia.gov.co",
                    },
                ],
                creado_por=usuarios["secretario"],
            )
    stdout.write(
        f"Compromisos: {Reunion.objects.count()} reuniones ({creadas} nuevas) y "
        f"{Compromiso.objects.count()} compromisos de demostración."
    )
