"""Notifications and reminders: the functions every procedure app calls.

- `programar_aviso(...)` claims a reminder step for one person on one record and sends it
  after commit (e-mail + in-app notice), at most once.
- `notificar(...)` creates an in-app notice right away.

See `buengobierno.avisos.registro` for how a procedure plugs in its periodic scan.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.avisos.correo import construir_correo, nuevo_id_mensaje, url_absoluta
from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.smtp import fallo_incierto

logger = logging.getLogger(__name__)

Estado = Recordatorio.Estado

# A claim ('enviando') older than this belongs to a worker that died: the row is released by
# the reenviar_pendientes scan, which runs every minute, so within 5 minutes. The sending task
# is killed after TIEMPO_MAXIMO_DE_ENVIO, so a live worker never outlasts its claim.
PLAZO_ENVIANDO = timedelta(minutes=4)
TIEMPO_MAXIMO_DE_ENVIO = 180  # seconds (Celery's hard time limit of enviar_recordatorio)
# A message handed to the SMTP server without its reply (timeout, dropped connection, dead
# worker) may have been delivered: it is transmitted once more at most, and not right away.
TRANSMISIONES_MAXIMAS = 2
ESPERA_TRAS_ENTREGA_INCIERTA = timedelta(minutes=10)
# Celery ETAs and the row's proximo_intento come from clocks that may differ slightly.
TOLERANCIA_RELOJ = timedelta(seconds=5)
# After one failed publish, skip the broker for a while: each attempt against a dead broker
# costs the connection timeout, and a record that schedules ten reminders must still save
# fast. The rows stay pendiente and the reenviar_pendientes scan picks them up.
PAUSA_TRAS_FALLO_DEL_BROKER = 30  # seconds
_broker_caido_hasta: dict[str, float] = {}


_avisos_apagados: ContextVar[bool] = ContextVar("sin_avisos", default=False)


@contextmanager
def sin_avisos():
    """Inside this block programar_aviso schedules nothing (the demo loader uses it)."""
    marca = _avisos_apagados.set(True)
    try:
        yield
    finally:
        _avisos_apagados.reset(marca)


def reintentos_maximos() -> int:
    return max(1, int(getattr(settings, "AVISOS_REINTENTOS_MAXIMOS", 8)))


def espera_tras_intentos(intentos: int) -> timedelta:
    """Exponential backoff: 1, 2, 4… minutes after the 1st, 2nd, 3rd… failure, capped at 1 h."""
    return timedelta(minutes=min(2 ** max(intentos - 1, 0), 60))


def notificar(*, destinatario, titulo, mensaje="", url="", objeto=None) -> Notificacion:
    """Create an in-app notice for `destinatario` now (no e-mail, no ledger)."""
    titulo = str(titulo)
    limite = Notificacion._meta.get_field("titulo").max_length
    return Notificacion.objects.create(
        destinatario=destinatario,
        titulo=titulo if len(titulo) <= limite else titulo[: limite - 1] + "…",
        mensaje=str(mensaje),
        url=url,
        content_type=ContentType.objects.get_for_model(objeto) if objeto is not None else None,
        object_id=objeto.pk if objeto is not None else None,
    )


def programar_aviso(
    *, objeto, paso, destinatario, plantilla, contexto=None, url=""
) -> Recordatorio | None:
    """Claim the reminder `paso` of `objeto` for `destinatario` and send it after commit.

    Returns the new ledger row, or None when that (record, step, person) was already claimed,
    by this or any other process, at any time: calling it again is free and never sends twice.
    `destinatario` None (e.g. an organism without a head) also returns None.

    `plantilla` names the e-mail triplet `emails/<plantilla>-subject.txt|-body.txt|-body.html`;
    its context holds `objeto`, `destinatario`, `url` (absolute) and the keys of `contexto`
    (JSON-serializable; dates arrive as ISO strings, so prefer reading them from `objeto`).
    `url` is an in-site path; by default `objeto.get_absolute_url()` when the model has it.
    Once the e-mail is accepted the person also gets an in-app notice titled like the subject,
    whose text is `contexto["mensaje"]` or else the record's name.
    If the broker is down the record still saves: the row stays pendiente and the periodic
    scan `reenviar_pendientes` enqueues it later.
    """
    if destinatario is None or _avisos_apagados.get():
        return None
    if objeto.pk is None:
        raise ValueError("programar_aviso necesita un registro guardado.")
    if not url and hasattr(objeto, "get_absolute_url"):
        url = objeto.get_absolute_url()
    clave = {
        "content_type": ContentType.objects.get_for_model(objeto),
        "object_id": objeto.pk,
        "paso": paso,
        "destinatario": destinatario,
    }
    try:
        # The savepoint keeps an outer transaction usable after the unique key refuses us.
        with transaction.atomic():
            recordatorio = Recordatorio.objects.create(
                **clave,
                plantilla=plantilla,
                contexto=contexto or {},
                url=url,
                id_mensaje=nuevo_id_mensaje(),
            )
    except IntegrityError:
        if Recordatorio.objects.filter(**clave).exists():
            return None
        raise
    encolar_envio(recordatorio_id=recordatorio.pk)
    return recordatorio


def encolar_envio(*, recordatorio_id: int) -> None:
    """Publish the sending task once the current transaction commits; never raises."""
    transaction.on_commit(lambda: _publicar_envio(recordatorio_id))


def _publicar_envio(recordatorio_id: int) -> bool:
    from buengobierno.avisos.tasks import enviar_recordatorio

    return publicar_tarea(
        enviar_recordatorio,
        recordatorio_id,
        que=f"el recordatorio {recordatorio_id}",
        despues="queda pendiente para reenviar_pendientes",
    )


def publicar_tarea(tarea, *args, que: str, despues: str) -> bool:
    """Publish a Celery task now; never raises. False when the broker is down: the failure
    is logged ("No se pudo encolar {que}; {despues}.") and the broker is skipped for
    PAUSA_TRAS_FALLO_DEL_BROKER seconds, so whatever else this request publishes does not
    wait for the dead broker again. Call it after commit (`transaction.on_commit`)."""
    conf = tarea.app.conf
    broker = "" if conf.task_always_eager else str(conf.broker_url)
    if _broker_caido_hasta.get(broker, 0) > time.monotonic():
        logger.info("Broker caído: %s %s.", que, despues)
        return False
    try:
        tarea.apply_async(args)
    except Exception:
        # Whatever the broker raised, the record that asked for this task is already
        # saved, and an on_commit callback that raises would surface as an error to the user.
        if broker:
            _broker_caido_hasta[broker] = time.monotonic() + PAUSA_TRAS_FALLO_DEL_BROKER
        logger.exception("No se pudo encolar %s; %s.", que, despues)
        return False
    return True


@dataclass(frozen=True)
class ResultadoEnvio:
    enviado: bool = False
    reintentar_en: timedelta | None = None  # set when the row went back to pendiente
    motivo: str = ""


def enviar_recordatorio(*, recordatorio_id: int) -> ResultadoEnvio:
    """Send one due reminder: claim it, e-mail it, then mark it sent with its in-app notice.

    The claim is a conditional update (pendiente -> enviando) so two workers, a Celery retry
    and a re-enqueue by the scan cannot both send. The row is marked enviado only once the
    SMTP server accepted the message; on failure it goes back to pendiente with backoff (or
    to fallido after AVISOS_REINTENTOS_MAXIMOS attempts) and the caller may retry later.

    Every attempt carries the row's Message-ID. Right before DATA the row counts one more
    transmission, conditionally on still holding the claim, so a worker whose claim expired
    sends nothing and a message is never transmitted more than TRANSMISIONES_MAXIMAS times:
    after a failure whose outcome is unknown it is retried once, after
    ESPERA_TRAS_ENTREGA_INCIERTA, and if that one is unknown too the row is fallido.
    """
    ahora = timezone.now()
    reclamado = Recordatorio.objects.filter(
        pk=recordatorio_id,
        estado=Estado.PENDIENTE,
        proximo_intento__lte=ahora + TOLERANCIA_RELOJ,
    ).update(
        estado=Estado.ENVIANDO,
        intentos=F("intentos") + 1,
        proximo_intento=ahora + PLAZO_ENVIANDO,
    )
    if not reclamado:
        return ResultadoEnvio(motivo="no está pendiente o aún no vence")
    recordatorio = Recordatorio.objects.select_related("destinatario", "content_type").get(
        pk=recordatorio_id
    )
    # Later writes carry the claim's attempt number, so a worker whose claim expired and was
    # taken by another cannot overwrite the newer attempt.
    reclamo = Recordatorio.objects.filter(
        pk=recordatorio.pk, estado=Estado.ENVIANDO, intentos=recordatorio.intentos
    )
    if not recordatorio.id_mensaje:  # a row written before Message-IDs were kept
        recordatorio.id_mensaje = nuevo_id_mensaje()
        reclamo.update(id_mensaje=recordatorio.id_mensaje)
    destinatario = recordatorio.destinatario
    objeto = _cargar_objeto(recordatorio)
    if objeto is None or not destinatario.is_active:
        motivo = (
            _("El registro ya no existe.")
            if objeto is None
            else _("El destinatario está inactivo.")
        )
        reclamo.update(estado=Estado.FALLIDO, ultimo_error=motivo, proximo_intento=None)
        return ResultadoEnvio(motivo=motivo)

    vigente = getattr(objeto, "aviso_vigente", None)
    if callable(vigente) and not vigente(recordatorio.paso):
        # E.g. a ficha delivered, or a delegation cancelled, while its reminder waited for a
        # retry: telling the person now would be wrong.
        motivo = _("Ya no corresponde: el registro cambió antes del envío.")
        reclamo.update(estado=Estado.DESCARTADO, nota=motivo, proximo_intento=None)
        return ResultadoEnvio(motivo=motivo)

    contexto = {
        **(recordatorio.contexto or {}),
        "objeto": objeto,
        "destinatario": destinatario,
        "url": url_absoluta(recordatorio.url),
    }

    def antes_de_los_datos():
        # The last moment the message can still be held back.
        if not reclamo.filter(transmisiones__lt=TRANSMISIONES_MAXIMAS).update(
            transmisiones=F("transmisiones") + 1
        ):
            raise EnvioRetenido(recordatorio.pk)

    conexion = get_connection(antes_de_los_datos=antes_de_los_datos)
    try:
        correo = construir_correo(
            recordatorio.plantilla, contexto, destinatario, id_mensaje=recordatorio.id_mensaje
        )
        correo.connection = conexion
        prefijo = getattr(settings, "EMAIL_SUBJECT_PREFIX", "")
        titulo = correo.subject.removeprefix(prefijo)
        nota = ""
        if destinatario.email:
            correo.send()
        else:
            nota = _("El destinatario no tiene correo: solo se creó el aviso en la aplicación.")
    except Exception as exc:  # SMTP refusals, timeouts, DNS, a broken template…
        if not getattr(conexion, "entregado", False):
            incierto = fallo_incierto(conexion, exc)
            if getattr(conexion, "datos_iniciados", False) and not incierto:
                # The server refused the message with a code: it was not delivered.
                reclamo.update(transmisiones=F("transmisiones") - 1)
            return _registrar_fallo(recordatorio, reclamo, exc, incierto=incierto)

    with transaction.atomic():
        if reclamo.update(
            estado=Estado.ENVIADO, enviado_en=timezone.now(), proximo_intento=None, nota=nota
        ):
            notificar(
                destinatario=destinatario,
                titulo=titulo,
                mensaje=str(recordatorio.contexto.get("mensaje") or objeto),
                url=recordatorio.url,
                objeto=objeto,
            )
    return ResultadoEnvio(enviado=True, motivo=nota)


def _cargar_objeto(recordatorio: Recordatorio):
    modelo = recordatorio.content_type.model_class()
    if modelo is None:
        return None
    return modelo._base_manager.filter(pk=recordatorio.object_id).first()


class EnvioRetenido(Exception):
    """Raised right before DATA when the row may not be transmitted: its claim expired and
    another worker took it, or it was already transmitted TRANSMISIONES_MAXIMAS times."""

    def __init__(self, recordatorio_id):
        super().__init__(
            _(
                "Envío %(id)s retenido antes de transmitir: otro proceso lo reclamó o ya se "
                "transmitió %(n)d veces."
            )
            % {"id": recordatorio_id, "n": TRANSMISIONES_MAXIMAS}
        )


def _registrar_fallo(recordatorio, reclamo, exc, *, incierto=False) -> ResultadoEnvio:
    error = f"{type(exc).__name__}: {exc}"[:1500]
    if incierto or isinstance(exc, EnvioRetenido):
        transmisiones = reclamo.values_list("transmisiones", flat=True).first()
        if transmisiones is None:  # the claim is not ours any more: the other worker decides
            return ResultadoEnvio(motivo=error)
        if transmisiones >= TRANSMISIONES_MAXIMAS:
            error = _(
                "El servidor de correo no confirmó la entrega en %(n)d transmisiones: "
                "el mensaje pudo haber llegado (Message-ID %(id)s). No se reintenta solo. "
                "Último error: %(error)s"
            ) % {"n": transmisiones, "id": recordatorio.id_mensaje, "error": error}
            reclamo.update(estado=Estado.FALLIDO, ultimo_error=error, proximo_intento=None)
            logger.error("Recordatorio %s fallido: %s", recordatorio.pk, error)
            return ResultadoEnvio(motivo=error)
    if incierto:
        error = _(
            "Resultado incierto: el servidor de correo no confirmó la entrega y pudo haber "
            "recibido el mensaje. Se reintenta una sola vez, más tarde, con el mismo "
            "Message-ID. %(error)s"
        ) % {"error": error}
    if recordatorio.intentos >= reintentos_maximos():
        reclamo.update(estado=Estado.FALLIDO, ultimo_error=error, proximo_intento=None)
        logger.error(
            "Recordatorio %s fallido tras %s intentos: %s",
            recordatorio.pk,
            recordatorio.intentos,
            error,
        )
        return ResultadoEnvio(motivo=error)
    espera = espera_tras_intentos(recordatorio.intentos)
    if incierto:
        espera = max(espera, ESPERA_TRAS_ENTREGA_INCIERTA)
    reclamo.update(
        estado=Estado.PENDIENTE, ultimo_error=error, proximo_intento=timezone.now() + espera
    )
    logger.warning(
        "Recordatorio %s no enviado (intento %s), se reintenta en %s: %s",
        recordatorio.pk,
        recordatorio.intentos,
        espera,
        error,
    )
    return ResultadoEnvio(reintentar_en=espera, motivo=error)


def reenviar_pendientes(*, limite: int = 500) -> int:
    """Re-enqueue reminders a lost publish, a failure or a dead worker left behind.

    Releases claims older than PLAZO_ENVIANDO (to fallido when the attempts or the
    transmissions are used up), then enqueues the pending rows whose next attempt is due,
    oldest first. Returns how many were enqueued.
    """
    ahora = timezone.now()
    interrumpido = _("El envío quedó interrumpido (el proceso que lo enviaba no terminó).")
    atascados = Recordatorio.objects.atascados(ahora)
    atascados.filter(transmisiones__gte=TRANSMISIONES_MAXIMAS).update(
        estado=Estado.FALLIDO,
        ultimo_error=_(
            "%(motivo)s El mensaje ya se había transmitido %(n)d veces sin confirmación: "
            "pudo haber llegado. No se reintenta solo."
        )
        % {"motivo": interrumpido, "n": TRANSMISIONES_MAXIMAS},
        proximo_intento=None,
    )
    atascados.filter(intentos__gte=reintentos_maximos()).update(
        estado=Estado.FALLIDO, ultimo_error=interrumpido, proximo_intento=None
    )
    atascados.update(estado=Estado.PENDIENTE, ultimo_error=interrumpido, proximo_intento=ahora)
    pks = list(
        Recordatorio.objects.por_reenviar(ahora)
        .order_by("proximo_intento")
        .values_list("pk", flat=True)[:limite]
    )
    for pk in pks:
        encolar_envio(recordatorio_id=pk)
    return len(pks)


def reintentar_ahora(*, recordatorios) -> list[int]:
    """Put pending or failed reminders back in line now, with a fresh count of attempts.

    Used by the admin action; rows already sent or being sent are left alone. Returns the
    primary keys that were re-enqueued. The count of transmissions starts again too: a row
    that failed because its delivery was never confirmed is sent once more, with the same
    Message-ID, because an admin asked for it.
    """
    pks = list(
        recordatorios.filter(estado__in=[Estado.PENDIENTE, Estado.FALLIDO]).values_list(
            "pk", flat=True
        )
    )
    Recordatorio.objects.filter(pk__in=pks, estado__in=[Estado.PENDIENTE, Estado.FALLIDO]).update(
        estado=Estado.PENDIENTE, intentos=0, transmisiones=0, proximo_intento=timezone.now()
    )
    for pk in pks:
        encolar_envio(recordatorio_id=pk)
    return pks
