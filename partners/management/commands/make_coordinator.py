"""Make a person coordinator: staff status (admin access) and the Coordinators group.

python manage.py make_coordinator jan@example.org
python manage.py make_coordinator jan@example.org --remove
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from partners.backends import accounts_with_address
from partners.models import COORDINATORS_GROUP


class Command(BaseCommand):
    help = "Make an existing account coordinator (staff + Coordinators group), or undo it."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the e-mail address the person logs in with")
        parser.add_argument(
            "--remove", action="store_true", help="take the coordinator role away instead"
        )

    def handle(self, *args, email, remove, **options):
        email = email.strip()
        users = list(accounts_with_address(email))
        if len(users) != 1:
            raise CommandError(
                f"No account with the address {email}; invite the person first."
                if not users
                else f"Several accounts match {email}; fix them in the admin first."
            )
        user = users[0]
        try:
            group = Group.objects.get(name=COORDINATORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError("The Coordinators group is missing; run migrate.") from None
        if remove:
            user.groups.remove(group)
            if not user.is_superuser:
                user.is_staff = False
                user.save(update_fields=["is_staff"])
            self.stdout.write(f"{user.email} is no longer coordinator.")
            return
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(f"{user.email} is now coordinator: they can log in to the admin.")
