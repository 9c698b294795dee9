"""P002 in the scale dataset: ~30,000 activities of the Secretario over eight years and
~6,000 requests for his presence, answered as the services answer them.

Past activities were held (or cancelled); those ahead are tentative or confirmed, each with
its briefing notes, so the "tomorrow without a briefing" scan finds nothing new; requests
still pending past their deadline have the Despacho's reminder in the ledger.
"""

from datetime import timedelta

from agenda.avisos import PASO_SIN_RESPUESTA, PLANTILLA
from agenda.models import DIAS_HABILES_RESPUESTA, Actividad, SolicitudAgenda
from buengobierno.organizacion.roles import Rol

ACTIVIDADES = 30_000
SOLICITUDES = 6_000
Tipo = Actividad.Tipo
TIPOS = (
    (Tipo.REUNION, 40),
    (Tipo.EVENTO, 15),
    (Tipo.VISITA, 12),
    (Tipo.CONSEJO, 5),
    (Tipo.CONCEJO, 8),
    (Tipo.JAL, 8),
    (Tipo.MEDIOS, 7),
    (Tipo.PERSONAL, 5),
)
TITULOS = {
    Tipo.REUNION: "Reunión de seguimiento a {asunto}",
    Tipo.EVENTO: "Foro sobre {asunto}",
    Tipo.VISITA: "Visita de verificación: {asunto}",
    Tipo.CONSEJO: "Consejo de Gobierno: {asunto}",
    Tipo.CONCEJO: "Sesión del Concejo: debate sobre {asunto}",
    Tipo.JAL: "Reunión con la JAL: {asunto}",
    Tipo.MEDIOS: "Entrevista: {asunto}",
    Tipo.PERSONAL: "Asunto personal",
}
ASUNTOS = (
    "convivencia en la comuna 15", "seguridad en el Oriente", "temporada de lluvias",
    "espacio público en el centro", "la Feria de Cali", "salud mental", "migración",
    "presupuesto participativo", "orden público", "movilidad en la calle 5",
    "atención a víctimas", "plan de desarrollo", "comercio informal", "ladera y riesgo",
)  # fmt: skip
LUGARES = (
    "Centro Administrativo Municipal (CAM), piso 2",
    "Concejo de Santiago de Cali",
    "Caseta comunal",
    "Virtual (Microsoft Teams)",
    "Estudio de televisión",
)


def sembrar(*, escala, contexto):
    azar, cal = contexto.azar, contexto.calendario
    despacho = contexto.por_rol[str(Rol.DESPACHO)]
    solicitantes = [
        p
        for p in contexto.personas
        if p.rol in (str(Rol.DIRECTIVO), str(Rol.ENLACE), str(Rol.RELACIONES), str(Rol.JURIDICA))
    ]
    if not despacho or not solicitantes:
        return
    organismos = list(contexto.organismos)
    gobierno = despacho[0].organismo_id
    dias = cal.entre_fechas(contexto.inicio, contexto.hoy + timedelta(days=60))
    tipos, pesos = zip(*TIPOS, strict=True)

    def actividad(inicio, tipo, organismo_id, creador, estado=None, titulo=None) -> int:
        fin = inicio + timedelta(minutes=azar.choice((30, 60, 60, 90, 120, 180)))
        pasada = inicio < contexto.ahora
        if estado is None:
            if pasada:
                estado = (
                    Actividad.Estado.CANCELADA
                    if azar.random() < 0.05
                    else Actividad.Estado.REALIZADA
                )
            else:
                estado = azar.choice((Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA))
        registrada = min(
            inicio - timedelta(days=azar.randint(1, 30)), contexto.ahora - timedelta(hours=1)
        )
        valores = {
            "titulo": titulo or TITULOS[tipo].format(asunto=azar.choice(ASUNTOS)),
            "tipo": tipo,
            "inicio": inicio,
            "fin": fin,
            "lugar": azar.choice(LUGARES),
            "enlace_virtual": "",
            "organismo_id": organismo_id,
            "contacto": "",
            "participantes": "",
            "participacion": Actividad.Participacion.PRESENCIAL,
            "motivo_declinacion": "",
            "delegacion_id": None,
            # Every activity from tomorrow on has its briefing: the scan finds nothing new.
            "notas": "Ficha de contexto preparada por el Despacho.",
            "estado": estado,
            "privada": tipo == Tipo.PERSONAL,
            "reunion_id": None,
            "motivo_cancelacion": "Cambio de agenda del Alcalde."
            if estado == Actividad.Estado.CANCELADA
            else "",
            "creado_por_id": creador.id,
            "creado_en": registrada,
        }
        valores["id"] = contexto.agregar(Actividad, **valores)
        contexto.historia(Actividad, valores, tipo="+", fecha=registrada, usuario_id=creador.id)
        return valores["id"]

    momentos = sorted(
        contexto.momento(azar.choice(dias), azar.randint(6, 19), azar.choice((0, 30)))
        for _ in range(contexto.cantidad(ACTIVIDADES - SOLICITUDES * 0.6))
    )
    for inicio in momentos:
        tipo = azar.choices(tipos, weights=pesos)[0]
        organismo = gobierno if tipo in (Tipo.CONSEJO, Tipo.PERSONAL) else azar.choice(organismos)
        actividad(inicio, tipo, organismo, azar.choice(despacho))

    Estado = SolicitudAgenda.Estado
    pasados = [d for d in dias if d <= contexto.hoy]
    recibidas = sorted(
        contexto.momento(azar.choice(pasados), azar.randint(7, 17), azar.randint(0, 59))
        for _ in range(contexto.cantidad(SOLICITUDES))
    )
    for creada in recibidas:
        if creada > contexto.ahora:
            continue
        solicitante = azar.choice(solicitantes)
        propuesta = contexto.momento(
            cal.sumar(creada.date(), azar.randint(3, 20)), azar.randint(7, 17)
        )
        limite = cal.sumar(creada.date(), DIAS_HABILES_RESPUESTA)
        reciente = creada > contexto.ahora - timedelta(days=6)
        estado = (
            azar.choice((Estado.PENDIENTE, Estado.OTRA_FECHA))
            if reciente
            else azar.choices(
                (Estado.APROBADA, Estado.DECLINADA, Estado.DELEGADA), weights=(60, 25, 15)
            )[0]
        )
        resuelve = azar.choice(despacho)
        resuelta = (
            None
            if estado == Estado.PENDIENTE
            else min(creada + timedelta(hours=azar.randint(2, 70)), contexto.ahora)
        )
        tema = TITULOS[Tipo.EVENTO].format(asunto=azar.choice(ASUNTOS))
        actividad_id = None
        if estado in (Estado.APROBADA, Estado.DELEGADA):
            actividad_id = actividad(
                propuesta, Tipo.EVENTO, solicitante.organismo_id, resuelve, titulo=tema
            )
        valores = {
            "organismo_id": solicitante.organismo_id,
            "solicitante_id": solicitante.id,
            "tema": tema,
            "tipo": Tipo.EVENTO,
            "fecha_propuesta": propuesta,
            "fecha_alterna": None,
            "duracion_minutos": 60,
            "lugar": azar.choice(LUGARES),
            "justificacion": "La comunidad pidió la presencia del Secretario de Gobierno.",
            "estado": estado,
            "fecha_limite_respuesta": limite,
            "fecha_contrapropuesta": propuesta + timedelta(days=2)
            if estado == Estado.OTRA_FECHA
            else None,
            "respuesta": {
                Estado.DECLINADA: "El Secretario tiene otra actividad a esa hora.",
                Estado.DELEGADA: "Asistirá un delegado del Secretario.",
            }.get(estado, ""),
            "actividad_id": actividad_id,
            "resuelta_por_id": resuelve.id if resuelta else None,
            "resuelta_en": resuelta,
            "creado_en": creada,
        }
        valores["id"] = contexto.agregar(SolicitudAgenda, **valores)
        contexto.historia(
            SolicitudAgenda, valores, tipo="+", fecha=creada, usuario_id=solicitante.id
        )
        if estado == Estado.PENDIENTE and limite < contexto.hoy:
            for persona in contexto.por_rol[str(Rol.DESPACHO)]:
                contexto.recordatorio(
                    modelo=SolicitudAgenda,
                    object_id=valores["id"],
                    paso=PASO_SIN_RESPUESTA,
                    destinatario_id=persona.id,
                    plantilla=PLANTILLA,
                    cuando=contexto.momento(cal.sumar(limite, 1), 7, 15),
                    titulo=f"Solicitud de agenda sin respuesta: {tema}",
                    url=f"/agenda/solicitudes/{valores['id']}/",
                )
