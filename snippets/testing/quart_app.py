from quart import Quart, current_app, request

app = Quart(__name__)
app.config["GREETING"] = "Hello"


@app.get("/hello")
async def hello():
    name = request.args.get("name", "world")
    return {"message": f"{current_app.config['GREETING']}, {name}!"}


@app.post("/reverse")
async def reverse():
    data = await request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return {"error": "send a JSON object with a text field"}, 400
    return {"text": data["text"][::-1]}
