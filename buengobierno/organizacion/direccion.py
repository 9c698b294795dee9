"""The address of the person behind a request, for django-axes (AXES_CLIENT_IP_CALLABLE).

Behind a TLS proxy every request comes from the proxy's address, so locking by REMOTE_ADDR
would lock everyone at once. With AXES_IPWARE_PROXY_COUNT = n trusted proxies in front, each
appends the address it received the request from to X-Forwarded-For, so the client is the
n-th entry from the right; whatever the client itself wrote further left is ignored (it can
be forged). With 0 (no proxy) the header is ignored altogether.
"""

from ipaddress import ip_address

from django.conf import settings


def ip_del_cliente(request) -> str | None:
    directa = request.META.get("REMOTE_ADDR")
    saltos = settings.AXES_IPWARE_PROXY_COUNT
    if not saltos:
        return directa
    cadena = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    cadena = [d for d in cadena if d]
    if len(cadena) < saltos:
        return directa  # not through every proxy: the address is not the client's to trust
    candidata = cadena[-saltos]
    try:
        return str(ip_address(candidata))
    except ValueError:
        return directa
