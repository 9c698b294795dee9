"""P001 in the scale dataset: 200 instancias, 20,000 sessions and their delegations over eight
years, 17,800 fichas técnicas and the commitments they adopted (landed on the P005 board).

Each delegation goes the way `services.py` takes it (notified with a numbered letter, accepted
or rejected and re-delegated, cancelled before the session, ficha delivered on time or late,
reviewed or returned) up to now; the scan's reminders and escalations of owed fichas and the
services' notices are in the ledger as they would have been left.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga
from buengobierno.organizacion.roles import Rol
from compromisos.escala import Origen, descripcion_compromiso, sembrar_compromisos
from delegaciones.avisos import DIAS_ESCALAR_RESPUESTA, DIAS_RECORDAR_RESPUESTA
from delegaciones.models import (
    DIAS_HABILES_FICHA,
    CompromisoFicha,
    Delegacion,
    DelegacionPermanente,
    FichaTecnica,
    Instancia,
    Sesion,
)
from delegaciones.services import SERIE_CARTAS, secretario_de_gobierno

INSTANCIAS = 200
SESIONES = 20_000
# Share of active instancias with a standing delegation (decree or resolution) for a year.
PERMANENTES = 0.05
# Minute of the hour at which the P001 scan runs (delegaciones/avisos.py: 7:10 … 18:10).
MINUTO_ESCANEO = 10
Estado = Delegacion.Estado

TIPOS = {
    Instancia.Tipo.JUNTA_DIRECTIVA: ("Junta Directiva de", Instancia.Periodicidad.MENSUAL),
    Instancia.Tipo.CONSEJO: ("Consejo Distrital de", Instancia.Periodicidad.TRIMESTRAL),
    Instancia.Tipo.COMITE: ("Comité Distrital de", Instancia.Periodicidad.MENSUAL),
    Instancia.Tipo.COMISION: ("Comisión Distrital de", Instancia.Periodicidad.BIMESTRAL),
    Instancia.Tipo.MESA: ("Mesa Distrital de", Instancia.Periodicidad.SEMANAL),
    Instancia.Tipo.ASAMBLEA: ("Asamblea General de", Instancia.Periodicidad.ANUAL),
}
ASUNTOS = (
    "Gestión del Riesgo", "Seguridad y Convivencia", "Salud Mental", "Política Social",
    "Atención a Víctimas", "Juventud", "Cultura", "Deporte", "Turismo", "Movilidad",
    "Medio Ambiente", "Vivienda", "Participación Ciudadana", "Control Social", "Infancia y "
    "Adolescencia", "Discapacidad", "Mujer y Equidad de Género", "Seguridad Alimentaria",
    "Empleo", "Educación Rural", "Patrimonio", "Espacio Público", "Servicios Públicos",
    "Transparencia", "Migración", "Convivencia Escolar", "Adulto Mayor", "Ordenamiento "
    "Territorial", "Competitividad", "Ciencia y Tecnología", "Paz", "Derechos Humanos",
    "Reintegración", "Bienestar Animal", "Recursos Hídricos", "Salud Ambiental",
    "Cambio Climático", "Emprendimiento", "Economía Popular", "Primera Infancia",
)  # fmt: skip
ENTIDADES = (
    "la Red de Salud del Oriente E.S.E.", "la Red de Salud del Norte E.S.E.", "Metrocali S.A.",
    "EMCALI E.I.C.E. E.S.P.", "la Empresa de Renovación Urbana (EMRU)", "Corfecali",
    "el Hospital Universitario del Valle", "la Terminal de Transportes de Cali",
    "Cali Cómo Vamos", "el Área Metropolitana del Suroccidente",
)  # fmt: skip
NORMAS = (
    "Acuerdo 0373 de 2014 del Concejo de Santiago de Cali",
    "Decreto Extraordinario 0516 de 2016",
    "Ley 1523 de 2012, artículo 28",
    "Ley 1448 de 2011, artículo 173",
    "Ley 1098 de 2006, artículo 207",
    "Decreto 1084 de 2015",
    "Estatutos sociales de la entidad",
)
INSTRUCCIONES = (
    "Asistir en representación del Alcalde, verificar el quórum y dejar constancia en el acta "
    "de la posición de la Administración. Informar al Despacho cualquier decisión con impacto "
    "presupuestal."
)
POSTURAS = (
    "Apoyar el plan de acción presentado, sin comprometer recursos adicionales.",
    "Solicitar aplazar la votación hasta contar con concepto de Hacienda.",
    "Acompañar la propuesta de la secretaría técnica.",
    "",
)
MOTIVOS_RECHAZO = (
    "Ese día tengo sesión del Concejo en la que debo responder un debate de control.",
    "Estaré en comisión fuera de la ciudad.",
    "Coincide con el Consejo de Seguridad convocado por el Alcalde.",
)
MOTIVOS_CANCELACION = (
    "Asistirá el Alcalde en persona.",
    "La entidad convocante aplazó la sesión sin nueva fecha.",
    "Asistirá el Secretario de Gobierno.",
)
DESARROLLOS = (
    "Se verificó el quórum. La gerencia presentó el informe de gestión del trimestre y la "
    "ejecución presupuestal; se discutieron los riesgos del cierre de vigencia.",
    "La secretaría técnica presentó el avance del plan de acción; los miembros pidieron "
    "precisar metas e indicadores antes de la próxima sesión.",
    "Se presentaron los resultados de la evaluación del programa y las propuestas de ajuste; "
    "hubo consenso sobre las prioridades territoriales.",
)
DECISIONES = (
    "Se aprobó el plan de acción del siguiente trimestre.",
    "Se aprobaron los estados financieros con las salvedades de la revisoría fiscal.",
    "Se acordó conformar una mesa técnica para revisar la propuesta.",
    "Se aplazó la decisión hasta la siguiente sesión ordinaria.",
)
ASUNTOS_ALCALDE = (
    "La entidad pide priorizar el giro de los recursos comprometidos.",
    "Se requiere la firma del Alcalde en el convenio interadministrativo.",
    "",
    "",
)
OBSERVACIONES_DEVOLUCION = (
    "Falta adjuntar el acta y precisar las decisiones.",
    "Precise los responsables de los compromisos adoptados.",
)
LUGARES = (
    "Centro Administrativo Municipal (CAM), torre Alcaldía",
    "Sede de la entidad convocante",
    "Virtual (Microsoft Teams)",
    "Gobernación del Valle del Cauca, salón de juntas",
)
FRECUENCIA = {
    Instancia.Periodicidad.SEMANAL: 8,
    Instancia.Periodicidad.MENSUAL: 4,
    Instancia.Periodicidad.BIMESTRAL: 2,
    Instancia.Periodicidad.TRIMESTRAL: 1.5,
    Instancia.Periodicidad.SEMESTRAL: 1,
    Instancia.Periodicidad.ANUAL: 0.5,
    Instancia.Periodicidad.A_DEMANDA: 1,
}


def _nombres_de_instancias(contexto, cuantas: int) -> list[tuple]:
    vistos, nombres = set(), []
    azar = contexto.azar
    while len(nombres) < cuantas:
        tipo = azar.choice(list(TIPOS))
        prefijo, periodicidad = TIPOS[tipo]
        if tipo in (Instancia.Tipo.JUNTA_DIRECTIVA, Instancia.Tipo.ASAMBLEA):
            nombre = f"{prefijo} {azar.choice(ENTIDADES)}"
        else:
            nombre = f"{prefijo} {azar.choice(ASUNTOS)}"
        if nombre in vistos:
            nombre = f"{nombre} — {azar.choice(('zona norte', 'zona oriente', 'zona ladera', 'zona rural', 'comuna 21', 'comuna 18'))}"
        if nombre in vistos:
            continue
        vistos.add(nombre)
        nombres.append((nombre, tipo, periodicidad))
    return nombres


def _instancias(contexto) -> list[dict]:
    azar = contexto.azar
    delegables = [
        p
        for p in contexto.personas
        if p.rol in (str(Rol.DIRECTIVO), str(Rol.RELACIONES), str(Rol.JURIDICA))
    ]
    despacho = contexto.por_rol[str(Rol.DESPACHO)]
    existentes = set(Instancia.objects.values_list("nombre", flat=True))
    instancias = []
    for nombre, tipo, periodicidad in _nombres_de_instancias(
        contexto, contexto.cantidad(INSTANCIAS)
    ):
        if nombre in existentes:
            continue
        organismo = azar.choice(list(contexto.organismos))
        if not instancias and "directivo" in contexto.demo:
            # The demo's directivo (whom the benchmark is) has instancias at any scale.
            organismo = contexto.demo["directivo"].organismo_id
        propios = [p for p in delegables if p.organismo_id == organismo] or delegables
        habitual = azar.choice(propios)
        if not instancias and "directivo" in contexto.demo:
            habitual = contexto.demo["directivo"]
        creado_por = azar.choice(despacho).id
        creado_en = contexto.momento(contexto.inicio - timedelta(days=azar.randint(1, 60)), 9)
        valores = {
            "nombre": nombre,
            "tipo": tipo,
            "entidad_convocante": nombre.split(" de ", 1)[-1]
            .removeprefix("la ")
            .removeprefix("el ")[:200],
            "norma": azar.choice(NORMAS),
            "asiento_alcalde": "El Alcalde o su delegado participa con voz y voto.",
            "periodicidad": periodicidad,
            "secretaria_tecnica": contexto.organismos[organismo].nombre,
            "organismo_id": organismo,
            "delegado_habitual_id": habitual.id,
            "activa": azar.random() < 0.95,
            "creado_por_id": creado_por,
            "creado_en": creado_en,
        }
        valores["id"] = contexto.agregar(Instancia, **valores)
        contexto.historia(Instancia, valores, tipo="+", fecha=creado_en, usuario_id=creado_por)
        instancias.append({**valores, "habitual": habitual, "propios": propios})
        # The first (the demo directivo's) always has one, so any scale shows them.
        if len(instancias) == 1 or (valores["activa"] and azar.random() < PERMANENTES):
            _permanente(contexto, valores, habitual, creado_por)
    return instancias


def _permanente(contexto, instancia: dict, delegado, creado_por) -> None:
    """A standing delegation by decree for a year around today (the seed has no scanned act:
    its PDF is left out, as for a record migrated from paper)."""
    azar = contexto.azar
    desde = contexto.hoy - timedelta(days=azar.randint(30, 300))
    fecha_acto = desde - timedelta(days=azar.randint(1, 10))
    valores = {
        "instancia_id": instancia["id"],
        "tipo_acto": azar.choice(("decreto", "resolucion")),
        "numero_acto": f"4112.010.20.{azar.randint(1, 9999):04d}",
        "fecha_acto": fecha_acto,
        "delegante": Delegacion.Delegante.ALCALDE,
        "delegado_id": delegado.id,
        "desde": desde,
        "hasta": desde + timedelta(days=364),
        "instrucciones": INSTRUCCIONES,
        "acto_id": None,
        "creado_por_id": creado_por,
        "creado_en": contexto.momento(fecha_acto, 10),
    }
    valores["id"] = contexto.agregar(DelegacionPermanente, **valores)
    contexto.historia(
        DelegacionPermanente,
        valores,
        tipo="+",
        fecha=valores["creado_en"],
        usuario_id=creado_por,
    )


class Delegaciones:
    """Writes each session with its delegations, ficha and what the scan and services left."""

    def __init__(self, contexto):
        self.contexto = contexto
        self.despacho = contexto.por_rol[str(Rol.DESPACHO)]
        secretario = secretario_de_gobierno()
        self.secretario_id = secretario.pk if secretario else None
        self.delegables = [
            p
            for p in contexto.personas
            if p.rol in (str(Rol.DIRECTIVO), str(Rol.RELACIONES), str(Rol.JURIDICA))
        ]
        self.responsables = [
            p
            for p in contexto.personas
            if p.rol in (str(Rol.DIRECTIVO), str(Rol.ENLACE), str(Rol.RELACIONES))
        ]
        self.fichas = 0

    def sesion(self, instancia: dict, inicio) -> None:
        contexto, azar = self.contexto, self.contexto.azar
        creador = azar.choice(self.despacho)
        registrada = inicio - timedelta(days=azar.randint(5, 30), hours=azar.randint(0, 6))
        registrada = min(registrada, contexto.ahora - timedelta(minutes=azar.randint(30, 600)))
        asistencia = Sesion.Asistencia.DELEGA
        sorteo = azar.random()
        if sorteo < 0.04:
            asistencia = Sesion.Asistencia.ALCALDE
        elif sorteo < 0.06:
            asistencia = Sesion.Asistencia.SECRETARIO
        valores = {
            "instancia_id": instancia["id"],
            "inicio": inicio,
            "lugar": azar.choice(LUGARES),
            "enlace_virtual": "",
            "asistencia": asistencia,
            "temas": "Verificación del quórum\nInforme de gestión\nProposiciones y varios",
            "creado_por_id": creador.id,
            "creado_en": registrada,
        }
        valores["id"] = contexto.agregar(Sesion, **valores)
        contexto.historia(Sesion, valores, tipo="+", fecha=registrada, usuario_id=creador.id)
        if asistencia != Sesion.Asistencia.DELEGA:
            return
        delegado = (
            instancia["habitual"] if azar.random() < 0.7 else azar.choice(instancia["propios"])
        )
        creada = registrada + timedelta(minutes=azar.randint(5, 240))
        rechazada = self.delegacion(
            instancia, valores, delegado, creador.id, creada, rechazar=azar.random() < 0.04
        )
        if rechazada is not None:
            otro = azar.choice([p for p in self.delegables if p.id != delegado.id])
            self.delegacion(
                instancia, valores, otro, creador.id, rechazada + timedelta(hours=2), rechazar=False
            )

    def delegacion(self, instancia, sesion, delegado, creador, creada, *, rechazar: bool):
        """One delegation from its creation up to now; returns when it was rejected, if so."""
        contexto, azar, cal = self.contexto, self.contexto.azar, self.contexto.calendario
        if creada > contexto.ahora or creada >= sesion["inicio"]:
            return None
        inicio = sesion["inicio"]
        dia = timezone.localtime(inicio).date()
        plazo = cal.sumar(dia, DIAS_HABILES_FICHA)
        pk = contexto.reservar(Delegacion)
        url = reverse("delegaciones:delegacion", args=[pk])
        nombre_instancia = instancia["nombre"]
        valores = {
            "id": pk,
            "sesion_id": sesion["id"],
            "delegante": Delegacion.Delegante.ALCALDE
            if azar.random() < 0.8
            else Delegacion.Delegante.SECRETARIO,
            "delegado_id": delegado.id,
            "organismo_id": delegado.organismo_id,
            "instrucciones": INSTRUCCIONES,
            "postura": azar.choice(POSTURAS),
            "estado": Estado.BORRADOR,
            "numero_carta": "",
            "fecha_limite_ficha": plazo,
            "motivo_rechazo": "",
            "motivo_cancelacion": "",
            "notificada_en": None,
            "respondida_en": None,
            "creado_por_id": creador,
            "creado_en": creada,
        }
        contexto.historia(Delegacion, valores, tipo="+", fecha=creada, usuario_id=creador)
        hijos = []  # written after the delegation's row

        def paso(cuando, cambios, usuario):
            valores.update(cambios)
            contexto.historia(Delegacion, valores, tipo="~", fecha=cuando, usuario_id=usuario)

        # A few stay drafts until close to the session.
        notificada = creada + timedelta(minutes=azar.randint(1, 30))
        if inicio > contexto.ahora and azar.random() < 0.1:
            notificada = inicio - timedelta(days=1)
        if notificada > contexto.ahora:
            contexto.agregar(Delegacion, **valores)
            return None
        # Numbered when notified (services.notificar_delegacion), in the year it was notified.
        numero = contexto.consecutivo(SERIE_CARTAS, timezone.localtime(notificada).year)
        paso(
            notificada,
            {"estado": Estado.NOTIFICADA, "notificada_en": notificada, "numero_carta": numero},
            creador,
        )
        hijos.append(
            (
                "aviso",
                {
                    "paso": "notificada",
                    "destinatario_id": delegado.id,
                    "plantilla": "delegaciones/notificada",
                    "cuando": notificada,
                    "titulo": f"Delegación: represente a la Administración en {nombre_instancia}",
                    "contexto": {
                        "mensaje": f"Usted representará al Alcalde de Santiago de Cali en {nombre_instancia}, el {fecha_hora_larga(inicio)}."
                    },
                },
            )
        )
        respuesta = min(
            notificada + timedelta(hours=azar.randint(1, 72)), inicio - timedelta(minutes=30)
        )
        respuesta = max(respuesta, notificada + timedelta(minutes=5))
        if respuesta > contexto.ahora:
            self._avisos_sin_respuesta(hijos, delegado, inicio, plazo, notificada, nombre_instancia)
            return self._fin(valores, hijos, url)
        if rechazar:
            motivo = azar.choice(MOTIVOS_RECHAZO)
            paso(
                respuesta,
                {"estado": Estado.RECHAZADA, "motivo_rechazo": motivo, "respondida_en": respuesta},
                delegado.id,
            )
            hijos.append(
                (
                    "notificar",
                    {
                        "destinatario_id": creador,
                        "titulo": f"{delegado.nombre} no puede asistir a {nombre_instancia}: delegue en otra persona",
                        "mensaje": motivo,
                        "creada": respuesta,
                    },
                )
            )
            self._fin(valores, hijos, url)
            return respuesta
        paso(respuesta, {"estado": Estado.ACEPTADA, "respondida_en": respuesta}, delegado.id)
        hijos.append(
            (
                "notificar",
                {
                    "destinatario_id": creador,
                    "titulo": f"{delegado.nombre} aceptó la delegación en {nombre_instancia}",
                    "mensaje": "",
                    "creada": respuesta,
                },
            )
        )
        if azar.random() < 0.025:
            cancelada = min(
                respuesta + timedelta(hours=azar.randint(1, 48)), inicio - timedelta(minutes=10)
            )
            if cancelada <= contexto.ahora:
                motivo = azar.choice(MOTIVOS_CANCELACION)
                paso(cancelada, {"estado": Estado.CANCELADA, "motivo_cancelacion": motivo}, creador)
                hijos.append(
                    (
                        "notificar",
                        {
                            "destinatario_id": delegado.id,
                            "titulo": f"Se canceló su delegación en {nombre_instancia}",
                            "mensaje": motivo,
                            "creada": cancelada,
                        },
                    )
                )
                return self._fin(valores, hijos, url)
        if inicio > contexto.ahora:
            return self._fin(valores, hijos, url)

        # After the session: the ficha, delivered on time (most), late, or still owed.
        sorteo = azar.random()
        antiguedad = (contexto.hoy - dia).days
        nunca = sorteo < (0.004 if antiguedad > 120 else 0.03)
        if sorteo < 0.75:
            entrega = cal.sumar(dia, azar.randint(0, DIAS_HABILES_FICHA))
        else:
            entrega = cal.sumar(plazo, azar.randint(1, 20))
        entregada = contexto.momento(entrega, azar.randint(8, 17), azar.randint(0, 59))
        entregada = max(entregada, inicio + timedelta(hours=3))
        if nunca or entregada > contexto.ahora:
            entregada = None
        borrador = entregada is not None or azar.random() < 0.5
        # A draft saved before delivery turns the delegation into "sesión realizada".
        guardada = inicio + timedelta(hours=azar.randint(3, 30))
        if entregada is not None:
            guardada = min(guardada, entregada - timedelta(minutes=20))
        ficha = None
        if borrador and guardada <= contexto.ahora:
            paso(guardada, {"estado": Estado.REALIZADA}, delegado.id)
            ficha = {
                "delegacion_id": pk,
                "desarrollo": azar.choice(DESARROLLOS),
                "decisiones": azar.choice(DECISIONES),
                "asuntos_alcalde": azar.choice(ASUNTOS_ALCALDE),
                "entregada_en": None,
                "reenviada_en": None,
                "entregada_por_id": None,
                "observaciones_revision": "",
                "revisada_por_id": None,
                "revisada_en": None,
                "actualizada_en": guardada,
            }
        tramo_fin = entregada  # the scan reminds while the ficha is owed and not delivered
        self._avisos_de_ficha(
            pk, url, instancia, delegado, plazo, max(inicio, respuesta), tramo_fin
        )
        if ficha is None:
            return self._fin(valores, hijos, url)
        ficha_id = contexto.reservar(FichaTecnica)
        ficha["id"] = ficha_id
        compromisos = []
        if entregada is not None:
            a_tiempo = entregada.date() <= plazo
            ficha.update(
                entregada_en=entregada, entregada_por_id=delegado.id, actualizada_en=entregada
            )
            paso(entregada, {"estado": Estado.FICHA_ENTREGADA}, delegado.id)
            hijos.append(
                (
                    "notificar",
                    {
                        "destinatario_id": creador,
                        "titulo": f"Ficha técnica entregada: {nombre_instancia}",
                        "mensaje": "Entregada a tiempo."
                        if a_tiempo
                        else f"Entregada después del plazo ({fecha_larga(plazo)}).",
                        "creada": entregada,
                    },
                )
            )
            compromisos = [
                {
                    "descripcion": descripcion_compromiso(azar),
                    "responsable": azar.choice(self.responsables)
                    if azar.random() < 0.5
                    else delegado,
                    "fecha_limite": cal.sumar(dia, azar.choice((10, 15, 20, 30, 45))),
                    "creado_por_id": delegado.id,
                    "creado_en": entregada,
                }
                for _ in range(azar.choices((0, 1, 2, 3), weights=(20, 35, 30, 15))[0])
            ]
            revision = contexto.momento(
                cal.sumar(entrega, azar.randint(1, 10)), azar.randint(8, 17)
            )
            revisor = azar.choice(self.despacho).id
            if revision <= contexto.ahora:
                if azar.random() < 0.05:
                    observaciones = azar.choice(OBSERVACIONES_DEVOLUCION)
                    ficha.update(observaciones_revision=observaciones, actualizada_en=revision)
                    paso(revision, {"estado": Estado.REALIZADA}, revisor)
                    marca = f"{revision:%Y%m%d%H%M%S%f}"
                    hijos.append(
                        (
                            "aviso",
                            {
                                "paso": f"devuelta:{marca}",
                                "destinatario_id": delegado.id,
                                "plantilla": "delegaciones/ficha_devuelta",
                                "cuando": revision,
                                "titulo": f"El Despacho devolvió la ficha técnica: {nombre_instancia}",
                                "contexto": {"mensaje": observaciones},
                            },
                        )
                    )
                    reenvio = contexto.momento(
                        cal.sumar(revision.date(), azar.randint(1, 10)), azar.randint(8, 17)
                    )
                    if reenvio <= contexto.ahora:
                        ficha.update(reenviada_en=reenvio, actualizada_en=reenvio)
                        paso(reenvio, {"estado": Estado.FICHA_ENTREGADA}, delegado.id)
                        revision = contexto.momento(
                            cal.sumar(reenvio.date(), azar.randint(1, 10)), azar.randint(8, 17)
                        )
                if valores["estado"] == Estado.FICHA_ENTREGADA and revision <= contexto.ahora:
                    ficha.update(
                        revisada_por_id=revisor, revisada_en=revision, actualizada_en=revision
                    )
                    paso(revision, {"estado": Estado.FICHA_REVISADA}, revisor)
        self._fin(valores, hijos, url)
        contexto.agregar(FichaTecnica, **ficha)
        self.fichas += 1
        if compromisos:
            ids = sembrar_compromisos(
                contexto,
                origen=Origen(
                    modelo=FichaTecnica,
                    id=ficha_id,
                    descripcion=f"Ficha técnica — {nombre_instancia}, {fecha_larga(dia)}",
                    url=url + "#titulo-ficha",
                    fecha=dia,
                ),
                compromisos=compromisos,
            )
            for fila, compromiso_id in zip(compromisos, ids, strict=True):
                contexto.agregar(
                    CompromisoFicha,
                    ficha_id=ficha_id,
                    descripcion=fila["descripcion"],
                    responsable_id=fila["responsable"].id,
                    fecha_limite=fila["fecha_limite"],
                    compromiso_id=compromiso_id,
                )
        return None

    def _fin(self, valores, hijos, url):
        contexto = self.contexto
        contexto.agregar(Delegacion, **valores)
        for tipo, datos in hijos:
            if tipo == "aviso":
                contexto.recordatorio(modelo=Delegacion, object_id=valores["id"], url=url, **datos)
            else:
                contexto.notificar(modelo=Delegacion, object_id=valores["id"], url=url, **datos)
        return None

    def _avisos_sin_respuesta(self, hijos, delegado, inicio, plazo, notificada, nombre) -> None:
        """What delegaciones.avisos.avisar_sin_respuesta claimed of a delegation still
        unanswered: the delegate reminded from two business days before the session (if
        notified before that day), the Despacho told from the business day before."""
        contexto, cal = self.contexto, self.contexto.calendario
        if inicio <= contexto.ahora:
            return
        dia_sesion = timezone.localtime(inicio).date()
        notificada_el = timezone.localtime(notificada).date()
        sesion = fecha_larga(dia_sesion)
        for dias, tipo in (
            (DIAS_RECORDAR_RESPUESTA, "sin_respuesta"),
            (DIAS_ESCALAR_RESPUESTA, "sin_respuesta_escalada"),
        ):
            primero = cal.sumar(dia_sesion, -dias)  # the first day the scan finds it
            if tipo == "sin_respuesta":
                primero = max(primero, notificada_el + timedelta(days=1))
            cuando = contexto.pasada(
                contexto.momento(primero, 0), minuto=MINUTO_ESCANEO, hasta=inicio
            )
            if cuando is None:
                continue
            if tipo == "sin_respuesta":
                destinatarios = [delegado.id]
                titulo = f"Responda la delegación: {nombre}"
                mensaje = (
                    f"Aún no ha aceptado ni rechazado la delegación para la sesión del {sesion}. "
                    "Respóndala hoy para que el Despacho sepa si cuenta con usted."
                )
            else:
                destinatarios = [p.id for p in self.despacho if p.id != delegado.id]
                titulo = f"Delegación sin respuesta de {delegado.nombre}: {nombre}"
                mensaje = (
                    f"{delegado.nombre} no ha aceptado ni rechazado la delegación y la sesión "
                    f"es el {sesion}: confirme su asistencia o delegue en otra persona."
                )
            for destinatario in destinatarios:
                hijos.append(
                    (
                        "aviso",
                        {
                            "paso": f"{tipo}:{plazo:%Y%m%d}",
                            "destinatario_id": destinatario,
                            "plantilla": "delegaciones/sin_respuesta",
                            "cuando": cuando,
                            "titulo": titulo,
                            "contexto": {"tipo": tipo, "mensaje": mensaje},
                        },
                    )
                )

    def _avisos_de_ficha(self, pk, url, instancia, delegado, plazo, desde, hasta) -> None:
        """What delegaciones.avisos.avisar_fichas claimed while the ficha was owed."""
        contexto = self.contexto
        nombre = instancia["nombre"]
        jefe = contexto.organismos[delegado.organismo_id].jefe_id
        escalados = [p.id for p in self.despacho if p.id != delegado.id]
        if jefe == delegado.id:  # the head's own ficha escalates to the Secretario (issue 11)
            jefe = self.secretario_id
        if jefe is not None and jefe != delegado.id and jefe not in escalados:
            escalados.insert(0, jefe)
        fecha = f"{plazo:%Y%m%d}"
        for tipo, primer_dia, ultimo_dia in (
            ("ficha_pendiente", None, plazo - timedelta(days=1)),
            ("ficha_vence_hoy", plazo, plazo),
            ("ficha_vencida", plazo + timedelta(days=1), None),
        ):
            inicio = desde if primer_dia is None else max(desde, contexto.momento(primer_dia, 0))
            cuando = contexto.pasada(inicio, minuto=MINUTO_ESCANEO, hasta=hasta)
            if cuando is None or (ultimo_dia is not None and cuando.date() > ultimo_dia):
                continue
            if tipo == "ficha_pendiente":
                mensaje = (
                    f"Envíe la ficha técnica de la sesión a más tardar el {fecha_larga(plazo)}."
                )
                asunto = f"Envíe la ficha técnica: {nombre}"
            elif tipo == "ficha_vence_hoy":
                mensaje = "Hoy vence el plazo para enviar la ficha técnica de la sesión."
                asunto = f"Hoy vence la ficha técnica: {nombre}"
            else:
                mensaje = f"La ficha técnica venció el {fecha_larga(plazo)} y aún no se ha enviado."
                asunto = f"Ficha técnica vencida: {nombre}"
            contexto.recordatorio(
                modelo=Delegacion,
                object_id=pk,
                paso=f"{tipo}:{fecha}",
                destinatario_id=delegado.id,
                plantilla="delegaciones/ficha_pendiente",
                cuando=cuando,
                titulo=asunto,
                url=url,
                contexto={"tipo": tipo, "mensaje": mensaje},
            )
            if tipo != "ficha_vencida":
                continue
            for persona in escalados:
                contexto.recordatorio(
                    modelo=Delegacion,
                    object_id=pk,
                    paso=f"escalada:{fecha}",
                    destinatario_id=persona,
                    plantilla="delegaciones/ficha_escalada",
                    cuando=cuando,
                    titulo=f"Ficha técnica vencida de {delegado.nombre}: {nombre}",
                    url=url,
                    contexto={
                        "tipo": "escalada",
                        "mensaje": f"La ficha técnica de {delegado.nombre} venció el {fecha_larga(plazo)}.",
                    },
                )


def sembrar(*, escala, contexto):
    azar, cal = contexto.azar, contexto.calendario
    instancias = _instancias(contexto)
    if not instancias:
        return
    pesos = [FRECUENCIA[i["periodicidad"]] * (1 if i["activa"] else 0.3) for i in instancias]
    dias = cal.entre_fechas(contexto.inicio, contexto.hoy + timedelta(days=45))
    # In the order they were held, so ids and letter numbers grow with time as they did.
    sesiones = sorted(
        contexto.momento(azar.choice(dias), azar.randint(7, 16), azar.choice((0, 30)))
        for _ in range(contexto.cantidad(SESIONES))
    )
    elegidas = azar.choices(range(len(instancias)), weights=pesos, k=len(sesiones))
    escritor = Delegaciones(contexto)
    for inicio, indice in zip(sesiones, elegidas, strict=True):
        escritor.sesion(instancias[indice], inicio)


def al_terminar(contexto) -> None:
    """The delegations and fichas were written by COPY, past the models' signals: count the
    on-time figures per organism and instancia (CifrasDeInstancia) once."""
    from delegaciones.resumen import reconstruir

    reconstruir()
