import secrets

from flask import Flask
from flask_httpauth import HTTPBasicAuth
from pwdlib import PasswordHash

app = Flask(__name__)
auth = HTTPBasicAuth()

password_hash = PasswordHash.recommended()
users: dict[str, tuple[str, str]] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str, role: str) -> None:
    users[username] = (password_hash.hash(password), role)


@auth.verify_password
def verify_password(username: str, password: str) -> str | None:
    hashed, _ = users.get(username, (UNKNOWN_USER, None))
    return username if password_hash.verify(password, hashed) else None


@auth.get_user_roles
def get_user_roles(username: str) -> str:
    return users[username][1]


@app.get("/admin/report")
@auth.login_required(role="admin")
def report():
    return {"username": auth.current_user(), "role": "admin"}
