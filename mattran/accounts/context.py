def current_unit(request):
    user = getattr(request, "user", None)
    unit = getattr(user, "unit", None) if user and user.is_authenticated else None
    return {"current_unit": unit}
