"""A house's photos: uploaded by the household's ward or area, served to whoever reaches the
unit, with a neutral file name for those who may not read the household's name."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from mattran.households import houses
from mattran.households.forms import PhotoForm, attach_errors
from mattran.households.house_views import _back, _check_change, find_house, render_house
from mattran.households.models import MAX_PHOTO_BYTES, HousePhoto
from mattran.households.privacy import PeopleAccess


@login_required
@require_POST
def photo_upload(request, code, pk):
    unit, house = find_house(request, code, pk)
    _check_change(request, house)
    form = PhotoForm(request.POST, request.FILES, auto_id="photo-%s")
    if form.is_valid():
        upload = form.cleaned_data["photo"]
        try:
            if upload.size > MAX_PHOTO_BYTES:
                size = f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")
                raise ValidationError(f"Ảnh “{upload.name}” nặng {size} MB, vượt quá 5 MB.")
            houses.add_photo(
                house=house,
                name=upload.name,
                data=upload.read(),
                caption=form.cleaned_data["caption"],
                actor=request.user,
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã lưu ảnh.")
            return redirect(_back(unit, house, "photos"))
    return render_house(request, unit, house, photo_form=form)


@login_required
def photo_view(request, code, pk, ppk):
    """The picture itself; its file name (which may carry a name) only for those who may
    read the household's personal data."""
    _unit, house = find_house(request, code, pk)
    photo = get_object_or_404(HousePhoto, pk=ppk, house=house)
    visible = PeopleAccess(request.user).sees(house.household.unit)
    extension = {"image/png": "png", "image/webp": "webp", "image/gif": "gif"}.get(
        photo.content_type, "jpg"
    )
    name = photo.name if visible else f"nha-dai-doan-ket-{house.pk}-anh-{photo.pk}.{extension}"
    response = HttpResponse(bytes(photo.data), content_type=photo.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_POST
def photo_delete(request, code, pk, ppk):
    unit, house = find_house(request, code, pk)
    _check_change(request, house)
    photo = get_object_or_404(HousePhoto, pk=ppk, house=house)
    houses.delete_photo(photo=photo, actor=request.user)
    messages.success(request, "Đã xóa ảnh.")
    return redirect(_back(unit, house, "photos"))
