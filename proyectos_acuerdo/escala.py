"""P004 in the scale dataset: eight years of proyectos de acuerdo (2,000 at full scale, far
more than Cali files, to size the lists), their three viability concepts, the Concejo's
sessions periods and the faculties granted, with the reminders the scan would have sent.

Projects older than half a year ended their passage (published, denied, archived, withdrawn,
not viable or objected); the recent ones are at every stage, none with a step due now that the
ledger does not hold, so a scan run on the seed finds nothing new.
"""

from datetime import date, timedelta

from buengobierno.organizacion.roles import Rol
from proyectos_acuerdo.avisos import AVISOS_FACULTADES, PLANTILLA
from proyectos_acuerdo.models import (
    Concepto,
    Estado,
    FacultadExtraordinaria,
    PeriodoSesiones,
    ProyectoAcuerdo,
)
from proyectos_acuerdo.services import VIABILIZADORES, dias_para_sancionar

PROYECTOS = 2_000
FACULTADES = 40
MINUTO_ESCANEO = 10
TEMAS = (
    "la política pública de salud mental", "el sistema distrital de cuidado",
    "incentivos tributarios a la economía popular", "el plan de movilidad sostenible",
    "la estructura de la Administración Central", "el presupuesto general del Distrito",
    "la política pública de juventud", "el estatuto de valorización", "el programa de "
    "alimentación escolar", "la protección animal", "la gestión del riesgo de desastres",
    "el espacio público de los corregimientos", "la semana de la convivencia ciudadana",
)  # fmt: skip
FINALES = (
    (Estado.PUBLICADO, 55),
    (Estado.NEGADO, 10),
    (Estado.ARCHIVADO, 15),
    (Estado.RETIRADO, 8),
    (Estado.NO_VIABLE, 5),
    (Estado.OBJETADO, 7),
)
RECIENTES = (
    Estado.FORMULACION,
    Estado.EN_CONCEPTOS,
    Estado.CON_DISCREPANCIAS,
    Estado.VIABLE,
    Estado.RADICADO,
    Estado.PRIMER_DEBATE,
    Estado.APROBADO,
    Estado.SANCIONADO,
    Estado.PUBLICADO,
)
ORDEN = list(Estado.values)


def _periodos(contexto) -> list[tuple[date, date, int]]:
    periodos = []
    for anio in range(contexto.inicio.year, contexto.hoy.year + 1):
        for numero, (inicio, fin) in enumerate(
            (
                (date(anio, 3, 1), date(anio, 4, 30)),
                (date(anio, 6, 1), date(anio, 7, 31)),
                (date(anio, 10, 1), date(anio, 11, 30)),
            ),
            start=1,
        ):
            pk = contexto.agregar(
                PeriodoSesiones,
                nombre=f"Periodo ordinario {numero} de {anio}",
                tipo=PeriodoSesiones.Tipo.ORDINARIO,
                inicio=inicio,
                fin=fin,
            )
            periodos.append((inicio, fin, pk))
    return periodos


def _viabilizadores(contexto) -> dict:
    por_sigla = {o.sigla: o.id for o in contexto.organismos.values()}
    otros = list(contexto.organismos)
    return {
        tipo: por_sigla.get(sigla) or otros[i % len(otros)]
        for i, (tipo, sigla) in enumerate(VIABILIZADORES.items())
    }


def sembrar(*, escala, contexto):
    azar, cal = contexto.azar, contexto.calendario
    despachos = contexto.por_rol[str(Rol.DESPACHO)]
    responsables = contexto.por_rol[str(Rol.DIRECTIVO)] or contexto.personas
    if not despachos or not responsables:
        return
    periodos = _periodos(contexto)
    viabilizadores = _viabilizadores(contexto)
    dias = cal.entre_fechas(contexto.inicio, contexto.hoy - timedelta(days=1))
    creaciones = sorted(azar.choice(dias) for _ in range(contexto.cantidad(PROYECTOS)))
    for creado in creaciones:
        reciente = (contexto.hoy - creado).days < 180
        if reciente:
            estado = azar.choice(RECIENTES)
        else:
            estado = azar.choices([e for e, _ in FINALES], weights=[p for _, p in FINALES])[0]
        _proyecto(contexto, creado, estado, azar.choice(responsables), azar.choice(despachos),
                  periodos, viabilizadores)  # fmt: skip
    for _ in range(contexto.cantidad(FACULTADES)):
        _facultad(contexto, azar.choice(despachos))


def _proyecto(contexto, creado, estado, responsable, lider, periodos, viabilizadores):
    azar, cal, hoy = contexto.azar, contexto.calendario, contexto.hoy
    paso = ORDEN.index
    articulos = azar.choice((5, 8, 12, 20, 21, 35, 50, 51, 80))
    valores = {
        "titulo": f"Por el cual se adopta {azar.choice(TEMAS)} ({creado.year})",
        "organismo_id": responsable.organismo_id,
        "responsable_id": responsable.id,
        "objeto": "Adoptar la política y sus instrumentos de seguimiento.",
        "exposicion_motivos": "",
        "fundamento_legal": "Constitución Política, art. 313; Ley 136 de 1994.",
        "iniciativa_exclusiva": "",
        "unidad_materia": True,
        "numero_articulos": articulos,
        "meta_id": None,
        "costo_fiscal": None,
        "fuente_financiacion": "",
        "analisis_fiscal": "",
        "estado": estado,
        "lider_id": lider.id,
        "creado_en": contexto.momento(creado, 9),
        "actualizado_en": contexto.momento(creado, 9),
        "reunion_comite_id": None,
        "periodo_id": None,
    }
    # The time line, each step some days after the one before; a recent project whose next
    # date would fall in the future simply stays where it is.
    solicitado = creado + timedelta(days=azar.randint(5, 20))
    if estado != Estado.FORMULACION and estado != Estado.EN_CONCEPTOS:
        solicitado = min(solicitado, hoy - timedelta(days=40))
    if estado == Estado.EN_CONCEPTOS:
        solicitado = cal.sumar(hoy, -azar.randint(0, 5))
    limite = cal.sumar(solicitado, 10)
    emitido = min(cal.sumar(solicitado, azar.randint(3, 12)), hoy)
    radicado = emitido + timedelta(days=azar.randint(5, 20))
    primero = radicado + timedelta(days=azar.randint(7, 30))
    segundo = primero + timedelta(days=azar.randint(3, 20))
    recibido = segundo + timedelta(days=azar.randint(1, 5))
    if estado == Estado.APROBADO:
        recibido = hoy
    plazo = cal.sumar(recibido, dias_para_sancionar(articulos))
    sancion = cal.sumar(recibido, azar.randint(1, dias_para_sancionar(articulos)))
    if estado in (Estado.SANCIONADO, Estado.PUBLICADO) and sancion > hoy:
        sancion = recibido
    publicacion = max(sancion, min(cal.sumar(sancion, 2), hoy))
    en_concejo = estado in (
        Estado.RADICADO, Estado.PRIMER_DEBATE, Estado.APROBADO, Estado.SANCIONADO,
        Estado.PUBLICADO, Estado.OBJETADO, Estado.NEGADO, Estado.ARCHIVADO,
    )  # fmt: skip
    if en_concejo:
        if radicado > hoy:
            radicado = hoy
        valores.update(
            fecha_radicacion=radicado,
            numero_concejo=f"PA-{radicado.year}-{azar.randint(1, 999):03d}",
            comision="Comisión Primera de Plan y Tierras",
            ponentes="",
            periodo_id=next((pk for i, f, pk in periodos if i <= radicado <= f), None),
        )
    if en_concejo and estado not in (Estado.RADICADO, Estado.ARCHIVADO) and primero <= hoy:
        valores.update(
            primer_debate_fecha=primero,
            primer_debate_resultado="negado" if estado == Estado.NEGADO else "aprobado",
        )
    if (
        estado in (Estado.APROBADO, Estado.SANCIONADO, Estado.PUBLICADO, Estado.OBJETADO)
        and "primer_debate_fecha" in valores
        and min(segundo, recibido) <= hoy
        and recibido <= hoy
    ):
        valores.update(
            segundo_debate_fecha=min(segundo, recibido),
            segundo_debate_resultado="aprobado",
            numero_acuerdo=f"{azar.randint(400, 600):04d} de {segundo.year}",
            fecha_recibo_sancion=recibido,
            plazo_sancion=plazo,
        )
        if estado in (Estado.SANCIONADO, Estado.PUBLICADO):
            valores["fecha_sancion"] = sancion
        if estado == Estado.PUBLICADO:
            valores.update(
                fecha_publicacion=publicacion,
                fecha_envio_gobernador=publicacion,
            )
        if estado == Estado.OBJETADO:
            valores.update(fecha_objecion=sancion, motivos_objecion="Inconveniencia.")
    elif paso(estado) >= paso(Estado.APROBADO) and estado not in (
        Estado.NEGADO, Estado.ARCHIVADO, Estado.RETIRADO, Estado.NO_VIABLE,
    ):  # fmt: skip
        estado = valores["estado"] = Estado.RADICADO if en_concejo else Estado.VIABLE
    if estado in (Estado.NEGADO, Estado.ARCHIVADO, Estado.RETIRADO):
        valores["motivo_cierre"] = "Terminó el trámite."
    pk = contexto.agregar(ProyectoAcuerdo, **valores)
    valores["id"] = pk
    contexto.historia(
        ProyectoAcuerdo, valores, tipo="+", fecha=valores["creado_en"], usuario_id=lider.id
    )
    if estado == Estado.FORMULACION:
        return
    discrepancia = estado == Estado.CON_DISCREPANCIAS
    for i, (tipo, organismo_id) in enumerate(viabilizadores.items()):
        pendiente = estado == Estado.EN_CONCEPTOS and i > 0 and limite >= hoy
        sentido = ""
        if not pendiente:
            sentido = Concepto.Sentido.FAVORABLE
            if discrepancia and i == 2:
                sentido = Concepto.Sentido.DESFAVORABLE
            if estado == Estado.NO_VIABLE:
                sentido = Concepto.Sentido.DESFAVORABLE
        contexto.agregar(
            Concepto,
            proyecto_id=pk,
            tipo=tipo,
            organismo_id=organismo_id,
            solicitado_en=solicitado,
            dias_habiles=10,
            fecha_limite=limite,
            sentido=sentido,
            texto="Concepto emitido." if sentido else "",
            medio=Concepto.Medio.DARUMA if sentido else "",
            emitido_en=emitido if sentido else None,
            emitido_por_id=lider.id if sentido else None,
            firmante="Director(a)" if sentido else "",
            radicado="",
        )


def _facultad(contexto, responsable):
    azar, hoy = contexto.azar, contexto.hoy
    inicio = contexto.inicio + timedelta(days=azar.randint(0, (hoy - contexto.inicio).days))
    fin = inicio + timedelta(days=azar.choice((90, 180, 365)))
    if hoy < fin <= hoy + timedelta(days=max(AVISOS_FACULTADES)):
        fin = hoy + timedelta(days=max(AVISOS_FACULTADES) + azar.randint(1, 60))
    pk = contexto.agregar(
        FacultadExtraordinaria,
        acuerdo=f"Acuerdo {azar.randint(400, 600):04d} de {inicio.year}",
        proyecto_id=None,
        objeto="Modificar la estructura de la Administración.",
        inicio=inicio,
        fin=fin,
        responsable_id=responsable.id,
        creado_en=contexto.momento(inicio, 9),
    )
    if fin >= hoy:
        return
    for n in AVISOS_FACULTADES:
        dia = fin - timedelta(days=n)
        if dia < inicio:
            continue
        cuando = contexto.pasada(contexto.momento(dia, 0), minuto=MINUTO_ESCANEO)
        if cuando is None:
            continue
        contexto.recordatorio(
            modelo=FacultadExtraordinaria,
            object_id=pk,
            paso=f"faltan_{n}:{fin:%Y%m%d}",
            destinatario_id=responsable.id,
            plantilla=PLANTILLA,
            cuando=cuando,
            titulo="Facultades por vencer",
            url=f"/proyectos-de-acuerdo/facultades/{pk}/",
            contexto={"mensaje": "Las facultades extraordinarias vencen pronto."},
        )
