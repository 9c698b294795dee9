"""P005 in the scale dataset: 13,000 meetings and 200,000 commitments over eight years.

Each commitment lives a life drawn at random (progress notes, a reprogramming, fulfilment on
time or late, verification or a return, a cancellation, or never closed) and only the part
before now happens. From that life come its row, its progress notes, its history rows (the
timeline of its page) and the reminders the hourly scan would have claimed, with their notices.

Other procedures land their commitments here with `sembrar_compromisos`, the bulk counterpart
of `services.crear_compromisos` (P001 does it for the commitments of its fichas).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.urls import reverse

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.models import Organismo
from buengobierno.organizacion.roles import Rol
from compromisos.apps import CONSEJO_DE_GOBIERNO
from compromisos.models import (
    ROLES_RESPONSABLES,
    Asistente,
    Avance,
    Compromiso,
    Corresponsable,
    Decision,
    MetaEstrategica,
    PuntoOrden,
    Reprogramacion,
    Reunion,
    TipoDeOrigen,
    TipoReunion,
)

REUNIONES = 13_000
COMPROMISOS = 200_000
METAS = 40
# Minute of the hour at which the P005 scan runs (compromisos/avisos.py: 7:05 … 18:05).
MINUTO_ESCANEO = 5
Estado = Compromiso.Estado

TEMAS = (
    "la temporada de lluvias", "el Plan de Desarrollo Distrital", "la seguridad en las comunas "
    "13, 14 y 15", "el sistema de transporte masivo MIO", "la Feria de Cali", "el Festival "
    "Petronio Álvarez", "la recuperación del río Cauca", "el Jarillón del río Cauca", "los puntos "
    "críticos de residuos sólidos", "la malla vial de la ladera", "el alumbrado público", "la "
    "vacunación en la zona rural", "el programa de alimentación escolar", "la atención a "
    "población migrante", "los vendedores informales del centro", "la gestión del riesgo en "
    "la ladera", "el presupuesto participativo", "la convivencia en los parques", "la "
    "movilidad en el oriente", "la formalización de predios", "los equipamientos "
    "culturales", "las escuelas deportivas", "la atención a víctimas del conflicto", "la "
    "ruta de atención a mujeres", "los comedores comunitarios", "la renovación urbana del "
    "centro", "el Bulevar del Oriente", "el corredor verde", "la seguridad alimentaria", "el "
    "empleo juvenil", "la inspección de establecimientos de comercio", "los mercados "
    "campesinos", "la red de bibliotecas", "la calidad del aire", "los humedales urbanos", "la "
    "política de transparencia", "el plan anticorrupción", "la rendición de cuentas", "la "
    "contratación de la vigencia", "las peticiones ciudadanas pendientes",
)  # fmt: skip
VERBOS = (
    "Presentar", "Entregar", "Elaborar", "Consolidar", "Remitir", "Socializar", "Gestionar",
    "Coordinar", "Adelantar", "Publicar", "Actualizar", "Revisar", "Formular", "Definir",
)  # fmt: skip
OBJETOS = (
    "el informe de avance de", "el plan de acción de", "el cronograma de", "la matriz de riesgos "
    "de", "el balance de", "la propuesta de ajuste de", "el diagnóstico de", "la mesa técnica "
    "sobre", "la respuesta a la proposición del Concejo sobre", "el reporte presupuestal de", "las "
    "visitas de verificación de", "la estrategia de comunicaciones de", "los lineamientos de",
    "el tablero de indicadores de",
)  # fmt: skip
DESTINOS = (
    "ante el Consejo de Gobierno", "a la Secretaría de Gobierno", "al Despacho del Alcalde",
    "a los organismos convocados", "en el próximo comité", "con copia a Control Interno", "",
)  # fmt: skip
NOTAS_AVANCE = (
    "Se realizó la primera mesa técnica con los organismos involucrados.",
    "Se remitió el borrador al Despacho para su revisión.",
    "Se consolidó la información de las dependencias; falta la validación final.",
    "Se adelantaron las visitas de campo programadas para esta fase.",
    "Se solicitó la información a los organismos corresponsables mediante oficio.",
    "El equipo técnico ajustó el documento con las observaciones recibidas.",
)
NOTAS_CUMPLIMIENTO = (
    "Se entregó el documento final mediante oficio radicado en el SGDEA.",
    "Se socializó en la sesión del comité; consta en el acta.",
    "Se publicó en la página web de la Alcaldía y se informó a los organismos.",
    "Se remitió el informe al Despacho con los soportes correspondientes.",
)
JUSTIFICACIONES = (
    "La información de los organismos corresponsables llegó después de lo previsto.",
    "El Concejo aplazó la sesión en la que se iba a presentar.",
    "Se requiere concepto previo del Departamento Administrativo de Hacienda.",
    "La emergencia por lluvias obligó a reasignar el equipo.",
)
MOTIVOS_CANCELACION = (
    "El tema se resolvió en el Consejo de Gobierno y el compromiso ya no es necesario.",
    "Duplicado: se sigue en otro compromiso de la misma reunión.",
    "Cambió la competencia: lo asumió otra entidad.",
)
OBSERVACIONES_DEVOLUCION = (
    "La evidencia no muestra la entrega al Despacho; adjunte el oficio radicado.",
    "Falta el soporte de la socialización con los organismos.",
)
LUGARES = (
    "Centro Administrativo Municipal (CAM), piso 9, sala del Consejo",
    "Centro Administrativo Municipal (CAM), torre Alcaldía, piso 2",
    "Sala de juntas de la Secretaría de Gobierno",
    "Virtual (Microsoft Teams)",
    "Centro de Administración Local Integrada (CALI) de la comuna",
)
ENTIDADES_EXTERNAS = (
    ("Cámara de Comercio de Cali", "Directora de competitividad"),
    ("Corporación Autónoma Regional del Valle del Cauca (CVC)", "Profesional especializado"),
    ("Policía Metropolitana de Santiago de Cali", "Comandante de estación"),
    ("Personería Distrital de Santiago de Cali", "Personero delegado"),
    ("Junta de Acción Comunal", "Presidente"),
)


@dataclass
class Origen:
    """Where commitments come from: a meeting of P005 or a record of another procedure."""

    modelo: type
    id: int
    descripcion: str
    url: str
    fecha: date
    reunion_id: int | None = None


# The state each event of a commitment's life leads to (checked against TRANSICIONES).
DESTINO_DE = {
    "reprogramar": Estado.REPROGRAMADO,
    "cumplir": Estado.CUMPLIDO,
    "verificar": Estado.VERIFICADO,
    "cancelar": Estado.CANCELADO,
}


def _posible(que: str, estado: str) -> bool:
    """Whether the services allow event `que` in `estado` (a note needs an open commitment,
    a return a fulfilled one; the rest follow Compromiso.TRANSICIONES)."""
    if que == "avance":
        return estado in Compromiso.ABIERTOS
    if que == "devolver":
        return estado == Estado.CUMPLIDO
    return DESTINO_DE[que] in Compromiso.TRANSICIONES[estado]


def descripcion_compromiso(azar) -> str:
    destino = azar.choice(DESTINOS)
    texto = f"{azar.choice(VERBOS)} {azar.choice(OBJETOS)} {azar.choice(TEMAS)}"
    return f"{texto} {destino}.".replace(" .", ".") if destino else f"{texto}."


def _texto_corto(texto: str) -> str:
    """str(compromiso): the description on one line, at most 90 characters."""
    texto = " ".join(texto.split())
    return texto if len(texto) <= 90 else texto[:89] + "…"


def _responsables(contexto) -> list:
    roles = {str(r) for r in ROLES_RESPONSABLES}
    return [p for p in contexto.personas if p.rol in roles]


def _hora_habil(contexto, dia: date, *, desde: int = 8, hasta: int = 17) -> datetime:
    return contexto.momento(dia, contexto.azar.randint(desde, hasta), contexto.azar.randint(0, 59))


def _vida(contexto, *, creado: datetime, fecha_limite: date, seguidor_id) -> list:
    """The events of one commitment from its creation: [(moment, kind, data)], in order.

    Drawn so that eight years leave most commitments closed in the past, a realistic share
    fulfilled late, a few cancelled, and an open tail: recent ones still running and a few
    percent never closed (the overdue ones the scans keep escalating).
    """
    azar, cal = contexto.azar, contexto.calendario
    dia = creado.date()
    eventos = []
    destino = azar.random()
    if destino < 0.04:
        cuando = _hora_habil(contexto, cal.sumar(dia, azar.randint(3, 40)))
        eventos.append((cuando, "cancelar", azar.choice(MOTIVOS_CANCELACION)))
        return eventos
    limite = fecha_limite
    if azar.random() < 0.12:
        cuando = cal.sumar(dia, azar.randint(1, max(2, cal.entre(dia, limite) + 5)))
        nueva = cal.sumar(max(limite, cuando), azar.randint(5, 30))
        eventos.append((_hora_habil(contexto, cuando), "reprogramar", nueva))
        limite = nueva
    abandonado = destino > 0.94
    retraso = azar.random()
    if retraso < 0.55:
        fin = cal.sumar(limite, -azar.randint(0, 10))
    elif retraso < 0.85:
        fin = cal.sumar(limite, azar.randint(1, 15))
    else:
        fin = cal.sumar(limite, azar.randint(16, 120))
    fin = max(fin, cal.sumar(dia, 1))
    notas = azar.choices((0, 1, 2, 3), weights=(30, 35, 25, 10))[0]
    ultimo = max(fin, cal.sumar(dia, 2)) if not abandonado else cal.sumar(dia, 90)
    porcentajes = sorted(azar.sample(range(10, 95, 5), notas))
    tramo = max(1, cal.entre(dia, ultimo))
    for k, porcentaje in enumerate(porcentajes, start=1):
        cuando = cal.sumar(dia, max(1, tramo * k // (notas + 1)))
        eventos.append((_hora_habil(contexto, cuando), "avance", porcentaje))
    if abandonado:
        return sorted(eventos, key=lambda e: e[0])
    eventos.append((_hora_habil(contexto, fin), "cumplir", None))
    resultado = azar.random()
    if resultado < 0.04:
        devolucion = cal.sumar(fin, azar.randint(1, 5))
        eventos.append((_hora_habil(contexto, devolucion), "devolver", seguidor_id))
        otra = cal.sumar(devolucion, azar.randint(2, 15))
        eventos.append((_hora_habil(contexto, otra), "cumplir", None))
        fin = otra
    if resultado < 0.96:
        verificado = cal.sumar(fin, azar.randint(1, 8))
        eventos.append((_hora_habil(contexto, verificado), "verificar", seguidor_id))
    return sorted(eventos, key=lambda e: e[0])


def _siguiente_dia(dia: date) -> date:
    return dia + timedelta(days=1)


class Semillero:
    """Writes commitments with everything their life left behind."""

    def __init__(self, contexto):
        self.contexto = contexto
        self.aviso_previo = settings.COMPROMISOS_DIAS_AVISO_PREVIO
        self.escalar = settings.COMPROMISOS_DIAS_ESCALAMIENTO
        self.despacho = [p.id for p in contexto.por_rol[str(Rol.DESPACHO)]]
        self.creados = 0
        # organism id -> number of commitments still open now (for this week's digest)
        self.abiertos_por_organismo: dict[int, list] = {}
        self.tipos_de_origen: set[int] = set()

    def sembrar(self, origen: Origen, filas: list[dict]) -> list[int]:
        tipo = self.contexto.tipo(origen.modelo)
        if tipo not in self.tipos_de_origen:  # as crear_compromisos notes it, for the filter
            TipoDeOrigen.objects.get_or_create(content_type_id=tipo)
            self.tipos_de_origen.add(tipo)
        return [self._uno(origen, fila) for fila in filas]

    def _uno(self, origen: Origen, fila: dict) -> int:
        contexto = self.contexto
        azar = contexto.azar
        responsable = fila["responsable"]
        creado_por = fila["creado_por_id"]
        publicado: datetime = fila.get("publicado_en") or fila["creado_en"]
        seguidor = creado_por
        if creado_por == responsable.id:
            seguidor = azar.choice(self.despacho or [creado_por])
        pk = contexto.reservar(Compromiso)
        valores = {
            "id": pk,
            "descripcion": fila["descripcion"],
            "fecha_limite": fila["fecha_limite"],
            "fecha_limite_original": fila["fecha_limite"],
            "prioridad": fila.get("prioridad", Compromiso.Prioridad.MEDIA),
            "estado": Estado.PENDIENTE,
            "origen_id": origen.id,
            "origen_descripcion": origen.descripcion[:255],
            "origen_url": origen.url,
            "avance": 0,
            "fecha_cumplimiento": None,
            "verificado_en": None,
            "motivo_cancelacion": "",
            "creado_en": fila["creado_en"],
            "responsable_id": responsable.id,
            "organismo_id": responsable.organismo_id,
            "meta_id": fila.get("meta_id"),
            "reunion_id": origen.reunion_id,
            "origen_tipo_id": contexto.tipo(origen.modelo),
            "verificado_por_id": None,
            "creado_por_id": creado_por,
        }
        url = reverse("compromisos:compromiso", args=[pk])
        titulo = _texto_corto(valores["descripcion"])
        if publicado != fila["creado_en"]:
            # Typed during the meeting as a draft; closing the meeting published it.
            borrador = {**valores, "estado": Estado.BORRADOR, "fecha_limite_original": None}
            contexto.historia(
                Compromiso, borrador, tipo="+", fecha=fila["creado_en"], usuario_id=creado_por
            )
            contexto.historia(Compromiso, valores, tipo="~", fecha=publicado, usuario_id=creado_por)
        else:
            contexto.historia(Compromiso, valores, tipo="+", fecha=publicado, usuario_id=creado_por)

        hijos = []  # (model or "aviso"/"notificar", values): written after the commitment's row
        mensaje = f"Compromiso asignado, vence el {fecha_larga(valores['fecha_limite'])}: {titulo}"
        for persona in [responsable.id, *fila.get("corresponsables", ())]:
            if persona != responsable.id:
                hijos.append((Corresponsable, {"usuario_id": persona}))
                asunto = f"Es corresponsable de un compromiso: {titulo}"
            else:
                asunto = f"Nuevo compromiso a su cargo: {titulo}"
            aviso = {
                "paso": "compromiso_asignado",
                "destinatario_id": persona,
                "plantilla": "compromisos/compromiso_asignado",
                "cuando": publicado + timedelta(seconds=1),
                "titulo": asunto,
                "contexto": {"mensaje": mensaje},
            }
            hijos.append(("aviso", aviso))

        # The stretches while it was open [(from, to or None, due date)] drive the reminders.
        abierto_desde, tramos, ultimo_avance = publicado, [], 0
        vida = _vida(
            contexto, creado=publicado, fecha_limite=valores["fecha_limite"], seguidor_id=seguidor
        )
        for cuando, que, dato in vida:
            if cuando > contexto.ahora:
                break
            if not _posible(que, valores["estado"]):
                continue  # e.g. a progress note drawn after the fulfilment: never happened
            autor = {"verificar": dato, "devolver": dato, "cancelar": seguidor}.get(
                que, responsable.id
            )
            sello = {"autor_id": autor, "fecha": cuando}

            def nota(tipo, texto, porcentaje, sello=sello):
                hijos.append(
                    (Avance, {"tipo": tipo, "nota": texto, "porcentaje": porcentaje, **sello})
                )

            def aviso_en_la_app(destinatario_id, asunto, mensaje, creada=cuando):
                aviso = {"destinatario_id": destinatario_id, "titulo": asunto, "mensaje": mensaje}
                hijos.append(("notificar", {**aviso, "creada": creada}))

            if que == "avance":
                ultimo_avance = dato
                valores.update(avance=dato, estado=Estado.EN_PROGRESO)
                nota(Avance.Tipo.AVANCE, azar.choice(NOTAS_AVANCE), dato)
            elif que == "reprogramar":
                anterior = valores["fecha_limite"]
                hijos.append(
                    (
                        Reprogramacion,
                        {
                            "fecha_anterior": anterior,
                            "fecha_nueva": dato,
                            "justificacion": azar.choice(JUSTIFICACIONES),
                            "estado": Reprogramacion.Estado.APROBADA,
                            "resuelta_por_id": autor,
                            "resuelta_en": cuando,
                            "observacion": "",
                            **sello,
                        },
                    )
                )
                tramos.append((abierto_desde, cuando, anterior))
                abierto_desde = cuando
                valores.update(fecha_limite=dato, estado=Estado.REPROGRAMADO)
            elif que == "cumplir":
                tramos.append((abierto_desde, cuando, valores["fecha_limite"]))
                abierto_desde = None
                valores.update(estado=Estado.CUMPLIDO, avance=100, fecha_cumplimiento=cuando.date())
                nota(Avance.Tipo.CUMPLIMIENTO, azar.choice(NOTAS_CUMPLIMIENTO), 100)
                if creado_por != responsable.id:
                    aviso_en_la_app(
                        creado_por, "Compromiso reportado como cumplido: por verificar", titulo
                    )
            elif que == "verificar":
                valores.update(
                    estado=Estado.VERIFICADO, verificado_por_id=dato, verificado_en=cuando
                )
                nota(Avance.Tipo.VERIFICACION, "Cumplimiento verificado.", 100)
            elif que == "devolver":
                observacion = azar.choice(OBSERVACIONES_DEVOLUCION)
                valores.update(
                    estado=Estado.EN_PROGRESO, avance=ultimo_avance, fecha_cumplimiento=None
                )
                abierto_desde = cuando
                nota(Avance.Tipo.DEVOLUCION, observacion, ultimo_avance)
                aviso_en_la_app(
                    responsable.id, "Compromiso devuelto: revise la observación", observacion
                )
            elif que == "cancelar":
                tramos.append((abierto_desde, cuando, valores["fecha_limite"]))
                abierto_desde = None
                valores.update(estado=Estado.CANCELADO, motivo_cancelacion=dato)
            contexto.historia(Compromiso, valores, tipo="~", fecha=cuando, usuario_id=autor)
        if abierto_desde is not None:
            tramos.append((abierto_desde, None, valores["fecha_limite"]))
            abiertos = self.abiertos_por_organismo.setdefault(responsable.organismo_id, [])
            abiertos.append(valores["fecha_limite"])

        contexto.agregar(Compromiso, **valores)
        self.creados += 1
        for modelo, datos in hijos:
            if modelo == "aviso":
                contexto.recordatorio(modelo=Compromiso, object_id=pk, url=url, **datos)
            elif modelo == "notificar":
                contexto.notificar(modelo=Compromiso, object_id=pk, url=url, **datos)
            else:
                contexto.agregar(modelo, compromiso_id=pk, **datos)
        self._recordatorios(pk, url, titulo, responsable, tramos)
        return pk

    def _recordatorios(self, pk, url, titulo, responsable, tramos) -> None:
        """The steps the hourly scan (compromisos.avisos.avisar_vencimientos) claimed while the
        commitment was open: due soon, due today, overdue, escalated to the organism head."""
        contexto, cal = self.contexto, self.contexto.calendario
        jefe = contexto.organismos[responsable.organismo_id].jefe_id
        reclamados = set()
        for desde, hasta, limite in tramos:
            pasos = [
                ("vence_pronto", cal.sumar(limite, -self.aviso_previo), limite - timedelta(1)),
                ("vence_hoy", limite, limite),
                ("vencido", _siguiente_dia(limite), None),
            ]
            if jefe is not None and jefe != responsable.id:
                inicio = max(_siguiente_dia(limite), cal.sumar(limite, self.escalar))
                pasos.append(("escalado", inicio, None))
            for tipo, primer_dia, ultimo_dia in pasos:
                clave = f"{tipo}:{limite:%Y%m%d}"
                if clave in reclamados or (ultimo_dia is not None and ultimo_dia < primer_dia):
                    continue
                inicio = max(desde, contexto.momento(primer_dia, 0))
                cuando = contexto.pasada(inicio, minuto=MINUTO_ESCANEO, hasta=hasta)
                if cuando is None:
                    continue
                if ultimo_dia is not None and cuando.date() > ultimo_dia:
                    continue
                reclamados.add(clave)
                self._recordatorio(pk, url, titulo, responsable, jefe, tipo, limite, cuando)

    def _recordatorio(self, pk, url, titulo, responsable, jefe, tipo, limite, cuando):
        contexto = self.contexto
        clave = f"{tipo}:{limite:%Y%m%d}"
        if tipo == "escalado":
            dias = contexto.calendario.entre(limite, cuando.date())
            contexto.recordatorio(
                modelo=Compromiso,
                object_id=pk,
                paso=clave,
                destinatario_id=jefe,
                plantilla="compromisos/escalamiento",
                cuando=cuando,
                titulo=f"Compromiso vencido de {responsable.nombre}: {titulo}",
                url=url,
                contexto={
                    "mensaje": f"Un compromiso de su organismo lleva {dias} días hábiles vencido."
                },
            )
            return
        if tipo == "vence_pronto":
            dias = contexto.calendario.entre(cuando.date(), limite)
            mensaje = f"Su compromiso vence el {fecha_larga(limite)} (en {dias} días hábiles)."
            asunto = f"Su compromiso vence pronto: {titulo}"
        elif tipo == "vence_hoy":
            mensaje, asunto = "Su compromiso vence hoy.", f"Hoy vence su compromiso: {titulo}"
        else:
            mensaje = f"Su compromiso venció el {fecha_larga(limite)}."
            asunto = f"Compromiso vencido: {titulo}"
        contexto.recordatorio(
            modelo=Compromiso,
            object_id=pk,
            paso=clave,
            destinatario_id=responsable.id,
            plantilla="compromisos/recordatorio",
            cuando=cuando,
            titulo=asunto,
            url=url,
            contexto={"tipo": tipo, "mensaje": mensaje},
        )

    def resumenes(self) -> None:
        """The weekly digest each organism head got every week (compromisos.avisos
        .enviar_resumenes), this week's included for the organisms with open commitments."""
        contexto = self.contexto
        semana_actual = contexto.hoy - timedelta(days=contexto.hoy.weekday())
        semanas = (semana_actual - contexto.inicio).days // 7
        # A smaller seed keeps the recent weeks: the digests are per organism and week.
        lunes = semana_actual - timedelta(weeks=contexto.cantidad(semanas))
        while lunes <= semana_actual:
            for organismo in contexto.organismos.values():
                if organismo.jefe_id is None:
                    continue
                if lunes == semana_actual:
                    limites = self.abiertos_por_organismo.get(organismo.id)
                    if not limites:
                        continue
                    abiertos = len(limites)
                    vencidos = sum(1 for f in limites if f < contexto.hoy)
                else:
                    abiertos = contexto.azar.randint(5, 400)
                    vencidos = contexto.azar.randint(0, abiertos // 3)
                cuando = contexto.pasada(contexto.momento(lunes, 7), minuto=MINUTO_ESCANEO)
                if cuando is None:
                    continue
                nombre = organismo.sigla or organismo.nombre
                contexto.recordatorio(
                    modelo=Organismo,
                    object_id=organismo.id,
                    paso=f"resumen:{lunes:%G-W%V}",
                    destinatario_id=organismo.jefe_id,
                    plantilla="compromisos/resumen_semanal",
                    cuando=cuando,
                    titulo=(
                        f"Resumen semanal de compromisos de {nombre}: {abiertos} abiertos, "
                        f"{vencidos} vencidos"
                    ),
                    url=reverse("compromisos:organismo", args=[organismo.id]),
                    contexto={
                        "abiertos": abiertos,
                        "vencidos": vencidos,
                        "restantes": max(abiertos - 30, 0),
                        "mensaje": f"{abiertos} compromisos abiertos en su organismo.",
                        "compromisos": [],
                    },
                )
            lunes += timedelta(days=7)


def semillero(contexto) -> Semillero:
    if "compromisos" not in contexto.datos:
        contexto.datos["compromisos"] = Semillero(contexto)
    return contexto.datos["compromisos"]


def sembrar_compromisos(contexto, *, origen: Origen, compromisos: list[dict]) -> list[int]:
    """Land the commitments adopted in `origen` on the board, with the life each one had
    since (the scale seed's counterpart of `services.crear_compromisos`). Each dict holds
    descripcion, responsable (a Persona), fecha_limite, creado_por_id, creado_en and
    optionally prioridad, meta_id, corresponsables (ids) and publicado_en (when it was typed
    as a draft during a meeting, the moment the meeting closed). Returns the new ids."""
    return semillero(contexto).sembrar(origen, compromisos)


# --- meetings ---------------------------------------------------------------------------------


def _metas(contexto) -> list[int]:
    organismos = list(contexto.organismos)
    ids = []
    existentes = set(MetaEstrategica.objects.values_list("codigo", flat=True))
    for n in range(contexto.cantidad(METAS)):
        codigo = f"5{n // 10 + 1:02d}{n % 10 + 1:03d}{n:05d}"
        if codigo in existentes:
            continue
        tema = TEMAS[n % len(TEMAS)]
        ids.append(
            contexto.agregar(
                MetaEstrategica,
                codigo=codigo,
                nombre=f"Mejorar {tema} con intervención articulada de los organismos",
                programa=f"Programa de {tema}"[:300],
                organismo_responsable_id=contexto.azar.choice(organismos),
                activa=True,
            )
        )
    return ids


def sembrar(*, escala, contexto):
    azar, cal = contexto.azar, contexto.calendario
    tipos = {t.nombre: t for t in TipoReunion.objects.all()}
    consejo = tipos[CONSEJO_DE_GOBIERNO]
    otros = [t for t in tipos.values() if t != consejo]
    pesos_otros = [
        35 if t.nombre == "Comité" else 2 if "Proyectos" in t.nombre else 30 for t in otros
    ]
    semillas = semillero(contexto)
    metas = _metas(contexto)
    responsables = _responsables(contexto)
    jefes = [
        contexto.persona[o.jefe_id] for o in contexto.organismos.values() if o.jefe_id is not None
    ]
    despacho = contexto.por_rol[str(Rol.DESPACHO)] or responsables
    gobierno = Organismo.objects.get(codigo="4112").pk

    total = contexto.cantidad(REUNIONES)
    dias = cal.entre_fechas(contexto.inicio, cal.sumar(contexto.hoy, 15))
    # The Consejo de Gobierno meets every Monday (or the next business day); the rest spread
    # over the business days. In date order, so ids and acta numbers grow with time.
    lunes = sorted({cal.sumar(d, 0) for d in dias if d.weekday() == 0})
    consejos = lunes[-max(1, total // 30) :]
    fechas = [(d, consejo) for d in consejos]
    fechas += [(azar.choice(dias), None) for _ in range(max(0, total - len(consejos)))]
    fechas.sort(key=lambda fecha_y_tipo: fecha_y_tipo[0])
    restantes = max(0, contexto.cantidad(COMPROMISOS) - semillas.creados)
    cerradas = sum(1 for d, _t in fechas if d < contexto.hoy) or 1
    media = max(1.0, restantes / cerradas)

    for dia, tipo in fechas:
        tipo = tipo or azar.choices(otros, weights=pesos_otros)[0]
        es_consejo = tipo == consejo
        hora = 8 if es_consejo else azar.randint(7, 16)
        inicio = contexto.momento(dia, hora, azar.choice((0, 30)))
        fin = inicio + timedelta(hours=azar.choice((1, 2, 2, 3)))
        convocante = (
            gobierno
            if es_consejo or azar.random() < 0.4
            else azar.choice(list(contexto.organismos))
        )
        propios = contexto.personas_de(convocante)
        creador = (
            azar.choice(despacho) if azar.random() < 0.7 or not propios else azar.choice(propios)
        )
        tema = azar.choice(TEMAS)
        titulo = (
            f"Consejo de Gobierno: seguimiento a {tema}" if es_consejo else f"{tipo.nombre}: {tema}"
        )[:200]
        creado_en = inicio - timedelta(days=azar.randint(2, 15), hours=azar.randint(0, 8))
        creado_en = min(creado_en, contexto.ahora - timedelta(minutes=azar.randint(30, 600)))
        estado = Reunion.Estado.PROGRAMADA
        iniciada = cerrada = None
        if fin < contexto.ahora and (
            dia < contexto.hoy - timedelta(days=14) or azar.random() < 0.8
        ):
            estado = Reunion.Estado.CERRADA
            iniciada = inicio + timedelta(minutes=azar.randint(0, 15))
            cerrada = fin + timedelta(minutes=azar.randint(0, 120))
            if cerrada > contexto.ahora:
                cerrada = contexto.ahora - timedelta(minutes=1)
        elif inicio < contexto.ahora:
            estado = Reunion.Estado.EN_CURSO
            iniciada = inicio + timedelta(minutes=azar.randint(0, 15))
        numero = ""
        if estado == Reunion.Estado.CERRADA and tipo.numera_acta:
            numero = contexto.consecutivo(tipo.serie_acta, dia.year)
        reunion_id = contexto.reservar(Reunion)
        valores = {
            "id": reunion_id,
            "titulo": titulo,
            "inicio": inicio,
            "fin": fin,
            "lugar": azar.choice(LUGARES),
            "enlace_virtual": "",
            "objetivo": f"Revisar el avance de {tema} y acordar acciones entre los organismos.",
            "estado": Reunion.Estado.PROGRAMADA,
            "numero_acta": "",
            "origen_descripcion": "",
            "origen_url": "",
            "creado_en": creado_en,
            "iniciada_en": None,
            "cerrada_en": None,
            "tipo_id": tipo.pk,
            "organismo_convocante_id": convocante,
            "creado_por_id": creador.id,
            "cerrada_por_id": None,
        }
        contexto.historia(Reunion, valores, tipo="+", fecha=creado_en, usuario_id=creador.id)
        if iniciada:
            valores.update(estado=Reunion.Estado.EN_CURSO, iniciada_en=iniciada)
            contexto.historia(Reunion, valores, tipo="~", fecha=iniciada, usuario_id=creador.id)
        if cerrada:
            valores.update(
                estado=Reunion.Estado.CERRADA,
                cerrada_en=cerrada,
                cerrada_por_id=creador.id,
                numero_acta=numero,
            )
            contexto.historia(Reunion, valores, tipo="~", fecha=cerrada, usuario_id=creador.id)
        contexto.agregar(Reunion, **valores, version=0, versiones={})

        # Who was invited: every head to the Consejo; otherwise some of the convening
        # organism and of the organisms concerned.
        if es_consejo:
            invitados = jefes + azar.sample(despacho, min(2, len(despacho)))
        else:
            invitados = azar.sample(propios, min(len(propios), azar.randint(1, 4)))
            invitados += azar.sample(responsables, azar.randint(2, 8))
        invitados = list({p.id: p for p in invitados}.values())
        for persona in invitados:
            asistencia = Asistente.Asistencia.CONVOCADO
            if estado != Reunion.Estado.PROGRAMADA:
                asistencia = azar.choices(
                    (
                        Asistente.Asistencia.ASISTIO,
                        Asistente.Asistencia.SE_EXCUSO,
                        Asistente.Asistencia.CONVOCADO,
                    ),
                    weights=(85, 10, 5),
                )[0]
            contexto.agregar(
                Asistente,
                reunion_id=reunion_id,
                usuario_id=persona.id,
                asistencia=asistencia,
                aviso_datos_aceptado=False,
            )
        if estado != Reunion.Estado.PROGRAMADA and azar.random() < 0.3:
            entidad, cargo = azar.choice(ENTIDADES_EXTERNAS)
            nombre = f"{azar.choice(('María', 'Jorge', 'Elena', 'Ricardo'))} {azar.choice(('Gómez', 'Paz', 'Rivas', 'Cuero'))}"
            contexto.agregar(
                Asistente,
                reunion_id=reunion_id,
                usuario_id=None,
                nombre=nombre,
                entidad=entidad,
                cargo=cargo,
                correo="",
                aviso_datos_aceptado=True,
                asistencia=Asistente.Asistencia.ASISTIO,
            )
        puntos = [
            "Verificación del quórum y aprobación del orden del día",
            f"Informe de avance de {tema}",
        ]
        puntos += [f"Seguimiento a {azar.choice(TEMAS)}" for _ in range(azar.randint(0, 3))]
        puntos.append("Proposiciones y varios")
        for orden, punto in enumerate(puntos, start=1):
            contexto.agregar(
                PuntoOrden,
                reunion_id=reunion_id,
                orden=orden,
                titulo=punto[:255],
                presentador=azar.choice(invitados).nombre
                if estado != Reunion.Estado.PROGRAMADA
                else "",
                desarrollo=(
                    f"Se presentó {punto.lower()}. Los organismos expusieron su avance y se "
                    "acordaron las acciones que constan en los compromisos."
                    if estado == Reunion.Estado.CERRADA
                    else ""
                ),
            )
        if estado == Reunion.Estado.PROGRAMADA:
            continue
        for orden in range(1, azar.randint(1, 4) + 1):
            contexto.agregar(
                Decision,
                reunion_id=reunion_id,
                orden=orden,
                texto=f"Se aprueba priorizar {azar.choice(TEMAS)} en el plan de acción de la vigencia.",
            )

        cuantos = round(azar.uniform(0.5, 1.5) * media * (2 if es_consejo else 1))
        candidatos = [p for p in invitados if p in responsables] or responsables
        filas = []
        for _ in range(cuantos):
            responsable = azar.choice(candidatos if azar.random() < 0.8 else responsables)
            corresponsables = []
            if azar.random() < 0.2:
                corresponsables = [
                    p.id
                    for p in azar.sample(candidatos, min(len(candidatos), 2))
                    if p.id != responsable.id
                ]
            filas.append(
                {
                    "descripcion": descripcion_compromiso(azar),
                    "responsable": responsable,
                    "fecha_limite": cal.sumar(
                        dia, azar.choice((5, 10, 10, 15, 20, 20, 30, 45, 60))
                    ),
                    "prioridad": azar.choices(("baja", "media", "alta"), weights=(2, 6, 2))[0],
                    "meta_id": azar.choice(metas) if metas and azar.random() < 0.3 else None,
                    "corresponsables": corresponsables,
                    "creado_por_id": creador.id,
                    "creado_en": min(
                        iniciada + timedelta(minutes=azar.randint(10, 90)), contexto.ahora
                    ),
                    "publicado_en": cerrada,
                }
            )
        if estado == Reunion.Estado.CERRADA:
            sembrar_compromisos(
                contexto,
                origen=Origen(
                    modelo=Reunion,
                    id=reunion_id,
                    descripcion=f"{titulo} ({inicio:%Y-%m-%d})",
                    url=reverse("compromisos:reunion", args=[reunion_id]),
                    fecha=dia,
                    reunion_id=reunion_id,
                ),
                compromisos=filas,
            )
        else:  # typed during the meeting that is going on now: drafts until it closes
            for datos in filas[:5]:
                contexto.agregar(
                    Compromiso,
                    descripcion=datos["descripcion"],
                    responsable_id=datos["responsable"].id,
                    organismo_id=datos["responsable"].organismo_id,
                    fecha_limite=datos["fecha_limite"],
                    fecha_limite_original=None,
                    prioridad=datos["prioridad"],
                    estado=Estado.BORRADOR,
                    reunion_id=reunion_id,
                    origen_tipo_id=contexto.tipo(Reunion),
                    origen_id=reunion_id,
                    origen_descripcion=f"{titulo} ({inicio:%Y-%m-%d})"[:255],
                    origen_url=reverse("compromisos:reunion", args=[reunion_id]),
                    creado_por_id=creador.id,
                    creado_en=datos["creado_en"],
                )
    semillas.resumenes()


def al_terminar(contexto) -> None:
    """The commitments were written by COPY, past the model's signals: count their figures
    per organism and month (CifrasDelMes) once, now that every procedure has added its own."""
    from compromisos.resumen import reconstruir

    reconstruir()
