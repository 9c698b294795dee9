"""A scan used by the tests, registered like a procedure app's `<app>/avisos.py`.

The integration test's Celery worker imports this module too (`celery worker -I ...`).
"""

from datetime import timedelta

from django.utils import timezone

from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.organizacion.acceso import usuarios_con_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.models import DiaNoHabil

NOMBRE = "prueba_dias_no_habiles"
PASO = "dia_no_habil_proximo"


@escaneo(
    NOMBRE, descripcion="Días no hábiles de la próxima semana (pruebas)", crontab={"minute": "0"}
)
def avisar_dias_no_habiles():
    hoy = timezone.localdate()
    dias = DiaNoHabil.objects.filter(fecha__gte=hoy, fecha__lte=hoy + timedelta(days=7))
    administradores = list(usuarios_con_rol(Rol.ADMINISTRADOR))
    programados = 0
    for dia in dias:
        for administrador in administradores:
            if programar_aviso(
                objeto=dia,
                paso=PASO,
                destinatario=administrador,
                plantilla="aviso_generico",
                contexto={"titulo": f"Día no hábil el {dia.fecha:%d/%m/%Y}", "mensaje": dia.motivo},
                url="/admin/plazos/dianohabil/",
            ):
                programados += 1
    return programados
