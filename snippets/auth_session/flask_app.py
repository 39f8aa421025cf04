import os
import secrets

from flask import Flask, redirect, render_template_string, request, url_for
from flask_login import (
    LoginManager,
    UserMixin,
    login_required,
    login_user,
    logout_user,
)
from pwdlib import PasswordHash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ.get("FLASK_SECRET_KEY") or secrets.token_urlsafe(32),
    SESSION_COOKIE_SAMESITE="Lax",
)
login_manager = LoginManager(app)
login_manager.login_view = "login_form"

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())

LOGIN_PAGE = """{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post"><input name="username"><input name="password" type="password">
<button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {{ current_user.id }}</p>
<form method="post" action="{{ url_for('logout') }}"><button>Log out</button></form>"""


class User(UserMixin):
    def __init__(self, username: str):
        self.id = username


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return User(user_id) if user_id in users else None


@app.get("/login")
def login_form():
    return render_template_string(LOGIN_PAGE)


@app.post("/login")
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        return render_template_string(
            LOGIN_PAGE, error="Please enter a correct username and password."
        )
    login_user(User(username))
    return redirect(url_for("private"))


@app.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("login_form"))


@app.get("/private")
@login_required
def private():
    return render_template_string(PRIVATE_PAGE)
