"""The token in the link that confirms a new account's e-mail address.

Its own salt, so it is never accepted as a password-reset token (nor the
reverse); and it covers whether the account is active and verified, so it
works once and cannot reactivate an account the secretariat suspended.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "solidarity.accounts.tokens.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return (
            f"{user.pk}{user.email}{user.is_active}{user.email_verified_at}"
            f"{user.password}{timestamp}"
        )


email_verification_token = EmailVerificationTokenGenerator()
