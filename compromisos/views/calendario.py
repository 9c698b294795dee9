from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from buengobierno.web.formularios import BotonForm
from buengobierno.web.ical import respuesta_ics
from compromisos import services
from compromisos.calendario import compromisos_del_calendario, generar_ics
from compromisos.models import CalendarioPersonal


@login_required
def calendario(request):
    """The page with the user's secret calendar URL, to copy or regenerate."""
    cal = services.calendario_de(request.user)
    return render(
        request,
        "compromisos/calendario.html",
        {
            "pestana": "calendario",
            "url_feed": request.build_absolute_uri(
                reverse("compromisos:feed_ics", args=[cal.token])
            ),
            "cantidad": compromisos_del_calendario(request.user).count(),
            "boton_regenerar": BotonForm(
                texto=_("Generar una dirección nueva"),
                url=reverse("compromisos:regenerar_calendario"),
                estilo="btn-outline-danger",
                confirmar=_(
                    "La dirección actual dejará de funcionar en los calendarios donde la haya "
                    "agregado. ¿Continuar?"
                ),
            ),
        },
    )


@login_required
@require_POST
def regenerar_calendario(request):
    services.regenerar_calendario(usuario=request.user)
    messages.success(
        request, _("Se generó una dirección nueva; la anterior ya no muestra sus compromisos.")
    )
    return redirect("compromisos:calendario")


@never_cache
def feed_ics(request, token):
    """No login: the secret token is the key. A wrong or old token gets 404."""
    cal = (
        CalendarioPersonal.objects.select_related("usuario")
        .filter(token=token, usuario__is_active=True)
        .first()
    )
    if cal is None:
        raise Http404
    respuesta = respuesta_ics(generar_ics(cal.usuario), "compromisos.ics", adjunto=False)
    respuesta["X-Robots-Tag"] = "noindex"
    return respuesta
