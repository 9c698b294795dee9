"""Demo data of P002: a realistic week of the Secretario de Gobierno — the Consejo de
Gobierno, a session of the Concejo, a JAL, media, a visit; one activity delegated (its P001
delegation with the ficha owed), one private, one conflict — and requests in every state.

Built through the services with e-mail switched off, dated from today's week. Idempotent:
nothing is built once the demo's first activity exists.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from agenda import services
from agenda.models import Actividad, SolicitudAgenda
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import sumar_dias_habiles

PRIMERA = "Consejo de Gobierno: seguimiento al plan de seguridad de fin de año"


def _momento(dias_habiles: int, hora: int, minuto: int = 0):
    fecha = sumar_dias_habiles(timezone.localdate(), dias_habiles)
    return timezone.make_aware(datetime.combine(fecha, time(hora, minuto)))


def _organismo(usuarios, sigla, respaldo):
    return Organismo.objects.filter(sigla=sigla).first() or usuarios[respaldo].organismo


def cargar(*, usuarios, stdout):
    if Actividad.objects.filter(titulo=PRIMERA).exists():
        stdout.write("Agenda: los datos de demostración ya estaban cargados.")
        return
    despacho = usuarios["despacho"]
    gobierno = despacho.organismo
    salud = usuarios["directivo"].organismo
    with sin_avisos():

        def actividad(titulo, dias, hora, horas=1, **datos):
            inicio = _momento(dias, hora)
            return services.registrar_actividad(
                datos={
                    "titulo": titulo,
                    "inicio": inicio,
                    "fin": inicio + timedelta(hours=horas),
                    "organismo": datos.pop("organismo", gobierno),
                    "estado": datos.pop("estado", Actividad.Estado.CONFIRMADA),
                    **datos,
                },
                usuario=despacho,
            )

        consejo = actividad(
            PRIMERA,
            1,
            8,
            horas=3,
            tipo=Actividad.Tipo.CONSEJO,
            lugar="Salón del Consejo, CAM, piso 2",
            participantes="Gabinete del Alcalde",
            notas="Orden del día enviado por la Secretaría Técnica; llevar cifras de homicidios.",
        )
        services.abrir_reunion(actividad=consejo, usuario=despacho)
        actividad(
            "Sesión plenaria del Concejo: debate de control político sobre convivencia",
            1,
            10,
            horas=2,
            tipo=Actividad.Tipo.CONCEJO,
            organismo=_organismo(usuarios, "SSP", "directivo"),
            lugar="Recinto del Concejo de Santiago de Cali",
            notas="Cuestionario de 12 preguntas; respuestas preparadas por la Subsecretaría.",
        )  # overlaps the Consejo de Gobierno: the demo's conflict
        actividad(
            "Reunión con la JAL de la comuna 20",
            2,
            16,
            tipo=Actividad.Tipo.JAL,
            lugar="Caseta comunal de Siloé",
            contacto="Presidente de la JAL, 315 000 0000",
        )
        actividad(
            "Entrevista en Telepacífico: balance de la temporada decembrina",
            3,
            7,
            tipo=Actividad.Tipo.MEDIOS,
            lugar="Estudios de Telepacífico",
            estado=Actividad.Estado.TENTATIVA,
        )
        actividad(
            "Cita médica",
            3,
            14,
            tipo=Actividad.Tipo.PERSONAL,
            privada=True,
        )
        visita = actividad(
            "Visita al puesto de mando unificado del Oriente",
            4,
            9,
            horas=2,
            tipo=Actividad.Tipo.VISITA,
            organismo=salud,
            lugar="Estación de Policía El Vallado",
        )
        services.delegar_actividad(
            actividad=visita,
            delegado=usuarios["directivo"],
            instrucciones="Verificar la articulación con la red de salud y reportar novedades.",
            usuario=despacho,
        )

        enlace = usuarios["enlace"]

        def solicitud(tema, dias, hora, **datos):
            return services.solicitar(
                datos={
                    "tema": tema,
                    "tipo": datos.pop("tipo", Actividad.Tipo.EVENTO),
                    "fecha_propuesta": _momento(dias, hora),
                    "duracion_minutos": 60,
                    "justificacion": datos.pop(
                        "justificacion", "La comunidad pidió la presencia del Secretario."
                    ),
                    **datos,
                },
                usuario=enlace,
            )

        solicitud("Lanzamiento de la campaña de vacunación", 5, 10, lugar="Centro de Salud Siloé")
        aprobada = solicitud("Foro de salud mental en colegios", 6, 15)
        services.aprobar_solicitud(solicitud=aprobada, usuario=despacho)
        otra = solicitud("Mesa de convivencia en el Distrito de Aguablanca", 7, 9)
        services.proponer_otra_fecha(
            solicitud=otra,
            usuario=despacho,
            fecha=_momento(8, 11),
            respuesta="Esa mañana tiene Concejo.",
        )
        declinada = solicitud("Inauguración de la feria gastronómica", 4, 18)
        services.declinar_solicitud(
            solicitud=declinada, usuario=despacho, respuesta="Agenda en Bogotá con el Ministerio."
        )
        delegada = solicitud("Rendición de cuentas del hospital", 9, 8)
        services.delegar_solicitud(
            solicitud=delegada,
            usuario=despacho,
            delegado=usuarios["directivo"],
            instrucciones="Presentar el saludo del Secretario y tomar nota de los compromisos.",
        )
        vieja = solicitud("Encuentro con líderes de la comuna 15", 10, 10)
        SolicitudAgenda.objects.filter(pk=vieja.pk).update(
            creado_en=timezone.now() - timedelta(days=8),
            fecha_limite_respuesta=sumar_dias_habiles(timezone.localdate(), -2),
        )
    stdout.write("Agenda: una semana del Secretario con solicitudes en cada estado.")
