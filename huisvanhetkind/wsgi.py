import os

from django.core.wsgi import get_wsgi_application

from huisvanhetkind import local_database

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
application = get_wsgi_application()
# Production names its server with DATABASE_URL; this starts the embedded one in development.
local_database.start_for_django()
