import secrets

from fastapi import FastAPI
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    name: str = "Field Guide"
    page_size: int = 20
    signup_open: bool = False
    secret_key: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(32)))


settings = Settings()
app = FastAPI()


@app.get("/config")
def config() -> dict[str, str | int | bool]:
    return settings.model_dump(include={"name", "page_size", "signup_open"})
