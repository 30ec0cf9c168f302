"""schema.org descriptions of directory records, for search engines (JSON-LD)."""


def _address(page):
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    if page.address:
        address["streetAddress"] = page.address
    if page.commune_id:
        address["addressLocality"] = page.commune.nom
        if page.commune.postal_codes:
            address["postalCode"] = page.commune.postal_codes[0]
    return address


def describe(page, request):
    from directory.models import ActionPage, LieuRessourcePage, PromeneurPage

    data = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": page.get_full_url(request),
    }
    if page.last_update:
        data["dateModified"] = page.last_update.isoformat()
    if page.phone:
        data["telephone"] = page.phone
    if page.email:
        data["email"] = page.email
    if isinstance(page, PromeneurPage):
        data.update({"@type": "Person", "jobTitle": page.function})
        if page.structure_id:
            data["worksFor"] = {"@type": "Organization", "name": page.structure.title}
        return data
    data["address"] = _address(page)
    if page.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": page.latitude,
            "longitude": page.longitude,
        }
    if isinstance(page, ActionPage):
        data["@type"] = "Service"
        data["description"] = page.description
        data["serviceType"] = page.get_action_type_display()
        data["audience"] = {
            "@type": "PeopleAudience",
            "audienceType": "parents",
            "suggestedMinAge": page.age_min,
            "suggestedMaxAge": page.age_max,
        }
        data["isAccessibleForFree"] = page.cost == "gratuit"
        if page.structure_id:
            data["provider"] = {"@type": "Organization", "name": page.structure.title}
    elif isinstance(page, LieuRessourcePage):
        data["@type"] = "Place"
        data["description"] = page.description
        if page.opening_hours:
            data["openingHours"] = page.opening_hours
        data["isAccessibleForFree"] = page.participation == "gratuit"
    else:
        data["@type"] = "Organization"
        if page.website:
            data["sameAs"] = page.website
    return data
