import functools
import os
import secrets
from datetime import UTC, datetime, timedelta

import jwt
from flask import Flask, g, request
from pwdlib import PasswordHash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY") or secrets.token_urlsafe(32)
ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


def unauthorized(detail: str):
    return {"detail": detail}, 401, {"WWW-Authenticate": "Bearer"}


@app.post("/token")
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        return unauthorized("Incorrect username or password")
    claims = {"sub": username, "exp": datetime.now(UTC) + TOKEN_LIFETIME}
    token = jwt.encode(claims, app.config["SECRET_KEY"], algorithm=ALGORITHM)
    return {"access_token": token, "token_type": "bearer"}


def token_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return unauthorized("Not authenticated")
        try:
            claims = jwt.decode(
                token,
                app.config["SECRET_KEY"],
                algorithms=[ALGORITHM],
                options={"require": ["exp", "sub"]},
            )
        except jwt.InvalidTokenError:
            return unauthorized("Could not validate credentials")
        if claims["sub"] not in users:
            return unauthorized("Could not validate credentials")
        g.username = claims["sub"]
        return view(*args, **kwargs)

    return wrapper


@app.get("/me")
@token_required
def me():
    return {"username": g.username}
