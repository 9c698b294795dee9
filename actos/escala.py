"""P003 in the scale dataset: ~10,000 administrative acts over eight years.

Each act goes the way `services.py` takes it: the producer's and the DAGJP's vistos buenos on
each version, radicado, the form review (a quarter returned once or twice, the new version
voiding the earlier vistos buenos), the Secretario's visto bueno, signature, a number from the
series of its type, publication or notification, archived; a few annulled before signature.
Acts received lately are still on their way. Each stage lasts a few business days (EtapaActo,
for the indicators), and the reminders the scan would have claimed for the stages that waited
too long are in the ledger, so a scan run now finds nothing new.
"""

from django.urls import reverse

from actos.avisos import PASOS, PLANTILLA
from actos.models import (
    ActoAdministrativo,
    EtapaActo,
    ItemRevision,
    Notificacion,
    RevisionForma,
    TipoActo,
    VersionActo,
    VistoBueno,
)
from actos.services import dias_aviso, items_aplicables
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.roles import Rol

ACTOS = 10_000
E = ActoAdministrativo.Estado
Tipo = VistoBueno.Tipo
# Minute of the hour at which the P003 scan runs (actos/avisos.py: 7:10 … 18:10).
MINUTO_ESCANEO = 10
TIPOS = (("Decreto", 0.45), ("Resolución", 0.4), ("Circular", 0.1), ("Directiva", 0.05))
ASUNTOS = (
    "el Plan Territorial de Salud", "la estructura de la Secretaría de Movilidad",
    "el horario de atención al ciudadano", "el Comité de Conciliación", "la tarifa del impuesto "
    "de alumbrado público", "el Sistema Distrital de Gestión del Riesgo", "la Política Pública de "
    "Juventud", "el espacio público del Bulevar del Río", "los estímulos para la cultura",
    "el Programa de Alimentación Escolar", "el Consejo Distrital de Paz", "la ruta de atención "
    "a mujeres víctimas de violencia", "el ordenamiento del tránsito en el centro",
    "la declaratoria de calamidad pública", "la planta de personal de la Secretaría de Gobierno",
)  # fmt: skip
VERBOS = ("Por el cual se reglamenta", "Por el cual se adopta", "Por el cual se modifica",
          "Por medio del cual se crea", "Por el cual se establecen disposiciones sobre")  # fmt: skip
FALLAS = ("considerandos", "fundamento", "articulado", "vigencia", "estilo", "antefirmas",
          "competencia", "epigrafe", "anexos")  # fmt: skip
CAMINO = (E.REVISADO, E.LISTO_PARA_FIRMA, E.FIRMADO, E.NUMERADO)


def sembrar(*, escala, contexto):
    azar, cal = contexto.azar, contexto.calendario
    tipos = {t.nombre: t for t in TipoActo.objects.select_related("serie")}
    if not tipos or not contexto.por_rol[Rol.DESPACHO]:
        return
    dias = cal.entre_fechas(contexto.inicio, contexto.hoy)
    creados = sorted(azar.choice(dias) for _ in range(contexto.cantidad(ACTOS)))
    escritor = _Actos(contexto, tipos)
    for creado in creados:
        escritor.acto(creado)
    contexto.guardar_contadores()


class _Actos:
    def __init__(self, contexto, tipos):
        self.c = contexto
        self.tipos = tipos
        self.nombres_tipo = [n for n, _p in TIPOS if n in tipos]
        self.pesos_tipo = [p for n, p in TIPOS if n in tipos]
        por_rol = contexto.por_rol
        self.despacho = por_rol[Rol.DESPACHO]
        self.juridica = por_rol[Rol.JURIDICA] or self.despacho
        self.secretario = por_rol[Rol.SECRETARIO] or self.despacho
        self.productores = list(por_rol[Rol.DIRECTIVO] + por_rol[Rol.ENLACE])
        self.tipo_acto = contexto.tipo(ActoAdministrativo)

    def _adjunto(self, acto_id, nombre, tipo, autor_id, cuando) -> int:
        azar = self.c.azar
        return self.c.agregar(
            Adjunto,
            content_type_id=self.tipo_acto,
            object_id=acto_id,
            archivo=f"adjuntos/escala/{acto_id}-{nombre}",
            nombre_original=nombre,
            tipo=tipo,
            tamano=azar.randint(20_000, 900_000),
            sha256=f"{azar.getrandbits(256):064x}",
            descripcion="",
            subido_por_id=autor_id,
            subido_en=cuando,
            generado="",
            sello="",
        )

    def acto(self, creado):
        c, azar, cal = self.c, self.c.azar, self.c.calendario
        productor = azar.choice(self.productores)
        organismo = c.organismos.get(productor.organismo_id)
        jefe_id = organismo.jefe_id if organismo else None
        tipo = self.tipos[azar.choices(self.nombres_tipo, weights=self.pesos_tipo)[0]]
        particular = tipo.nombre == "Resolución" and azar.random() < 0.6
        alcance = "particular" if particular else "general"
        devoluciones = azar.choices((0, 1, 2), weights=(75, 20, 5))[0]
        anulado_en = azar.choice((1, 2, 3)) if azar.random() < 0.04 else None
        acto_id = c.reservar(ActoAdministrativo)
        momento = lambda dia: c.momento(dia, azar.randint(8, 17), azar.randint(0, 59))  # noqa: E731
        etapas, dia, hoy = [], creado, c.hoy

        def durar(etapa, lo=1, hi=6):
            nonlocal dia
            fin = cal.sumar(dia, azar.randint(lo, hi))
            if fin > hoy:
                return False
            etapas.append((etapa, dia, fin))
            dia = fin
            return True

        acto = {
            "id": acto_id,
            "tipo_id": tipo.pk,
            "alcance": alcance,
            "epigrafe": f"{azar.choice(VERBOS)} {azar.choice(c.datos.get('asuntos_actos', ASUNTOS))}",
            "organismo_id": productor.organismo_id,
            "proyecto": productor.nombre,
            "elaboro": productor.nombre,
            "reviso": "",
            "radicado": "",
            "trd": "",
            "fecha_recibido": None,
            "urgencia": "urgente" if azar.random() < 0.1 else "normal",
            "fundamento": "Constitución Política, artículo 315; Ley 1551 de 2012.",
            "competencia": "Artículo 315, numeral 3, de la Constitución Política.",
            "estado": E.BORRADOR,
            "version_actual_id": None,
            "vb_productor_en": None,
            "vb_juridica_en": None,
            "revision_aprobada_en": None,
            "vb_secretario_en": None,
            "etapa_desde": creado,
            "vence_etapa": None,
            "devoluciones": 0,
            "firmado_en": None,
            "copia_firmada_id": None,
            "numero": "",
            "anio_numero": None,
            "fecha_expedicion": None,
            "boletin_numero": "",
            "fecha_publicacion": None,
            "motivo_anulacion": "",
            "creado_por_id": productor.id,
            "creado_en": momento(creado),
        }
        version_id, version_n = None, 0

        def nueva_version(cuando):
            nonlocal version_id, version_n
            version_n += 1
            adjunto = self._adjunto(
                acto_id, f"texto-v{version_n}.docx", "docx", productor.id, cuando
            )
            version_id = c.agregar(
                VersionActo,
                acto_id=acto_id,
                numero=version_n,
                documento_id=adjunto,
                sha256=f"{azar.getrandbits(256):064x}",
                autor_id=productor.id,
                creada_en=cuando,
                comentario="" if version_n == 1 else "Se atendieron las observaciones de forma.",
            )
            acto["version_actual_id"] = version_id
            return version_id

        vistos = []  # written at the end: a new version voids those of the earlier one

        def visto(tipo_vb, dia_vb):
            persona = {
                Tipo.PRODUCTOR: jefe_id or productor.id,
                Tipo.JURIDICA: azar.choice(self.juridica).id,
                Tipo.SECRETARIO: azar.choice(self.secretario).id,
            }[tipo_vb]
            cuando = momento(dia_vb)
            vistos.append(
                {
                    "acto_id": acto_id,
                    "version_id": version_id,
                    "tipo": tipo_vb,
                    "medio": "aplicacion",
                    "dado_por_id": persona,
                    "firmante": "",
                    "fecha": dia_vb,
                    "soporte_id": None,
                    "observaciones": "",
                    "registrado_por_id": persona,
                    "registrado_en": cuando,
                    "anulado_en": None,
                }
            )
            return cuando

        nueva_version(acto["creado_en"])
        estado, revisiones = E.BORRADOR, 0
        while True:
            # In vistos buenos: both given, then radicado.
            if anulado_en == 1 or not durar(E.BORRADOR):
                estado = E.ANULADO if anulado_en == 1 and durar(E.BORRADOR, 1, 3) else E.BORRADOR
                break
            acto["vb_productor_en"] = visto(Tipo.PRODUCTOR, dia)
            acto["vb_juridica_en"] = visto(Tipo.JURIDICA, dia)
            acto["radicado"] = f"{dia:%Y}4112010{acto_id:06d}"
            acto["trd"] = "4112.010.20"
            acto["fecha_recibido"] = dia
            if not durar(E.EN_REVISION, 1, 4):
                estado = E.EN_REVISION
                break
            aprobada = revisiones >= devoluciones
            self._revision(acto, version_id, aprobada, dia, productor)
            revisiones += 1
            if aprobada:
                acto["revision_aprobada_en"] = momento(dia)
                break
            acto["devoluciones"] += 1
            if anulado_en == 2 or not durar(E.DEVUELTO, 2, 8):
                estado = E.ANULADO if anulado_en == 2 else E.DEVUELTO
                break
            # The new version voids the vistos buenos of the earlier one.
            subida = momento(dia)
            for fila in vistos:
                fila["anulado_en"] = fila["anulado_en"] or subida
            nueva_version(subida)
            acto["vb_productor_en"] = acto["vb_juridica_en"] = None
        if acto["revision_aprobada_en"] and estado not in (E.ANULADO,):
            estado = E.REVISADO
            for siguiente in CAMINO[1:]:
                anterior = estado
                if not durar(anterior, 1, 5 if anterior != E.LISTO_PARA_FIRMA else 8):
                    break
                if anterior == E.REVISADO:
                    if anulado_en == 3:
                        estado = E.ANULADO
                        break
                    acto["vb_secretario_en"] = visto(Tipo.SECRETARIO, dia)
                elif anterior == E.LISTO_PARA_FIRMA:
                    acto["firmado_en"] = dia
                    acto["copia_firmada_id"] = self._adjunto(
                        acto_id, "firmado.pdf", "pdf", azar.choice(self.despacho).id, momento(dia)
                    )
                elif anterior == E.FIRMADO:
                    acto["numero"] = c.consecutivo(tipo.serie.codigo, acto["firmado_en"].year)
                    acto["anio_numero"] = acto["firmado_en"].year
                    acto["fecha_expedicion"] = acto["firmado_en"]
                estado = siguiente
            if estado == E.NUMERADO and durar(E.NUMERADO, 1, 6):
                if particular:
                    estado = E.NOTIFICADO
                    c.agregar(
                        Notificacion,
                        acto_id=acto_id,
                        destinatario="Titular del derecho reconocido",
                        medio="electronico",
                        fecha=dia,
                        recursos="Reposición ante el Alcalde dentro de los diez días hábiles siguientes.",
                        registrada_por_id=azar.choice(self.despacho).id,
                    )
                else:
                    estado = E.PUBLICADO
                    acto["boletin_numero"] = str(azar.randint(1, 250))
                    acto["fecha_publicacion"] = dia
                if durar(estado, 1, 10):
                    estado = E.ARCHIVADO
        if estado == E.ANULADO:
            acto["motivo_anulacion"] = "El organismo productor retiró el proyecto."
        acto["estado"] = estado
        acto["etapa_desde"] = dia
        con_aviso = estado in (E.BORRADOR, E.DEVUELTO, E.REVISADO, E.LISTO_PARA_FIRMA) or (
            estado in (E.FIRMADO, E.NUMERADO) and particular
        )
        acto["vence_etapa"] = cal.sumar(dia, dias_aviso()) if con_aviso else None
        c.agregar(ActoAdministrativo, **acto)
        for fila in vistos:
            c.agregar(VistoBueno, **fila)
        for etapa, inicio, fin in etapas:
            c.agregar(
                EtapaActo,
                acto_id=acto_id,
                organismo_id=productor.organismo_id,
                etapa=etapa,
                inicio=inicio,
                fin=fin,
            )
        c.historia(
            ActoAdministrativo,
            {k: v for k, v in acto.items() if k != "id"} | {"id": acto_id},
            tipo="+",
            fecha=acto["creado_en"],
            usuario_id=productor.id,
        )
        if acto["vence_etapa"] and acto["vence_etapa"] <= c.hoy:
            self._avisos(acto, jefe_id)

    def _revision(self, acto, version_id, aprobada, dia, productor):
        c, azar = self.c, self.c.azar
        revision = c.agregar(
            RevisionForma,
            acto_id=acto["id"],
            version_id=version_id,
            aprobada=aprobada,
            observaciones="" if aprobada else "Devuelto con observaciones de forma.",
            revisor_id=azar.choice(self.despacho).id,
            revisada_en=c.momento(dia, 10),
            organismo_id=productor.organismo_id,
        )
        falladas = set() if aprobada else set(azar.sample(FALLAS, azar.randint(1, 3)))
        general = acto["alcance"] == "general"
        for item in items_aplicables(_Alcance(general)):
            c.agregar(
                ItemRevision,
                revision_id=revision,
                item=item,
                cumple=item not in falladas,
                observacion="Debe corregirse." if item in falladas else "",
            )

    def _avisos(self, acto, jefe_id):
        """The ledger as the scan left it for the stage that waited past its date."""
        c = self.c
        fake = _Fila(acto)
        paso_fecha = f"{acto['vence_etapa']:%Y%m%d}"
        cuando = c.pasada(c.momento(acto["vence_etapa"], 0), minuto=MINUTO_ESCANEO) or c.momento(
            acto["vence_etapa"], 7
        )
        url = reverse("actos:acto", args=[acto["id"]])
        for paso, filtro, destinatarios, titulo in PASOS:
            if not all(fake.cumple(k, v) for k, v in filtro.items()):
                continue
            if callable(destinatarios):
                personas = [acto["creado_por_id"], jefe_id] if paso == "devuelto" else [jefe_id]
            else:
                personas = [p.id for p in c.por_rol[destinatarios]]
            for persona in dict.fromkeys(p for p in personas if p):
                c.recordatorio(
                    modelo=ActoAdministrativo,
                    object_id=acto["id"],
                    paso=f"{paso}:{paso_fecha}",
                    destinatario_id=persona,
                    plantilla=PLANTILLA,
                    cuando=cuando,
                    titulo=str(titulo),
                    url=url,
                    contexto={"titulo": str(titulo), "mensaje": str(titulo)},
                )


class _Alcance:
    def __init__(self, general):
        self.es_general = general


class _Fila:
    """An act's pending row, read as the scan's filters read the table."""

    def __init__(self, valores):
        self.v = valores

    def cumple(self, clave, esperado):
        if clave.endswith("__isnull"):
            return (self.v[clave.removesuffix("__isnull")] is None) == esperado
        if clave.endswith("__in"):
            return self.v[clave.removesuffix("__in")] in esperado
        return self.v[clave] == esperado
