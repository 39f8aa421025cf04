import functools
import secrets

from pwdlib import PasswordHash
from quart import Quart, g, request

app = Quart(__name__)

password_hash = PasswordHash.recommended()
users: dict[str, tuple[str, str]] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str, role: str) -> None:
    users[username] = (password_hash.hash(password), role)


def role_required(role: str):
    def decorator(view):
        @functools.wraps(view)
        async def wrapper(*args, **kwargs):
            credentials = request.authorization
            if credentials is None or credentials.type != "basic":
                return {"detail": "Not authenticated"}, 401, {"WWW-Authenticate": "Basic"}
            hashed, user_role = users.get(credentials.username, (UNKNOWN_USER, None))
            if not password_hash.verify(credentials.password, hashed):
                return {"detail": "Not authenticated"}, 401, {"WWW-Authenticate": "Basic"}
            if user_role != role:
                return {"detail": "Not allowed"}, 403
            g.username = credentials.username
            return await view(*args, **kwargs)

        return wrapper

    return decorator


@app.get("/admin/report")
@role_required("admin")
async def report():
    return {"username": g.username, "role": "admin"}
