/*
 * The area selector (区域): every area the hub knows, from DashboardDistricts.graphql. The city (areaType
 * CITY) is the selector's "whole city" entry, sent to the panels as districtCode null.
 */

/** The areas, city first, as `{ code, nameZh, nameEn, areaType }`. */
export async function loadDistricts(run) {
  const { data } = await run('DashboardDistricts');
  return data.districts;
}

/** Fills `select` with the areas other than the city (its first option, value "", stays) and enables it. */
export function fillDistrictSelect(select, districts) {
  for (const district of districts) {
    if (district.areaType === 'CITY') continue;
    const option = document.createElement('option');
    option.value = district.code;
    option.textContent = `${district.nameZh} ${district.nameEn}`;
    select.append(option);
  }
  select.disabled = false;
}
