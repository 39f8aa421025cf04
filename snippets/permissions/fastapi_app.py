import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials, SecurityScopes
from pwdlib import PasswordHash

app = FastAPI()
basic = HTTPBasic()

password_hash = PasswordHash.recommended()
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


@dataclass
class User:
    username: str
    password_hash: str
    role: str


users: dict[str, User] = {}


def add_user(username: str, password: str, role: str) -> None:
    users[username] = User(username, password_hash.hash(password), role)


def current_user(
    security_scopes: SecurityScopes,
    credentials: Annotated[HTTPBasicCredentials, Depends(basic)],
) -> User:
    user = users.get(credentials.username)
    hashed = user.password_hash if user else UNKNOWN_USER
    if not password_hash.verify(credentials.password, hashed):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Basic"},
        )
    if any(scope != user.role for scope in security_scopes.scopes):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Not enough permissions")
    return user


@app.get("/admin/report")
def report(user: Annotated[User, Security(current_user, scopes=["admin"])]) -> dict[str, str]:
    return {"username": user.username, "role": user.role}
