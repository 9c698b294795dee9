# The health check is tested against the same SMTP sink and ledger rows as the reminders.
from tests.avisos.conftest import administrador, buzon_smtp, dia_no_habil, programar  # noqa: F401
