import os
import secrets

from pwdlib import PasswordHash
from quart import Quart, redirect, render_template_string, request, url_for
from quart_auth import AuthUser, QuartAuth, Unauthorized, login_required, login_user, logout_user

app = Quart(__name__)
app.secret_key = os.environ.get("QUART_SECRET_KEY") or secrets.token_urlsafe(32)
auth = QuartAuth(app)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())

LOGIN_PAGE = """{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post"><input name="username"><input name="password" type="password">
<button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {{ current_user.auth_id }}</p>
<form method="post" action="{{ url_for('logout') }}"><button>Log out</button></form>"""


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


@app.errorhandler(Unauthorized)
async def redirect_to_login(error: Unauthorized):
    return redirect(url_for("login_form"))


@app.get("/login")
async def login_form():
    return await render_template_string(LOGIN_PAGE)


@app.post("/login")
async def login():
    form = await request.form
    username = form.get("username", "")
    password = form.get("password", "")
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        return await render_template_string(
            LOGIN_PAGE, error="Please enter a correct username and password."
        )
    login_user(AuthUser(username))
    return redirect(url_for("private"))


@app.post("/logout")
async def logout():
    logout_user()
    return redirect(url_for("login_form"))


@app.get("/private")
@login_required
async def private():
    return await render_template_string(PRIVATE_PAGE)
