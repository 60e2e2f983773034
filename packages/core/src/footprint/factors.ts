// Every factor and constant of the footprint model, each with its source and year, so that the
// documentation page, the CLI and data/reference/footprint/factors.csv show the same figures.
// A server test holds the CSV to this table.

export type FootprintCategory = 'housing' | 'transport' | 'food' | 'goods' | 'services' | 'public';
export const FOOTPRINT_CATEGORIES: FootprintCategory[] = ['housing', 'transport', 'food', 'goods', 'services', 'public'];

export interface FootprintSource {
  id: string;
  title: string;
  publisher: string;
  year: number;
  url: string;
  licence: string;
}

export interface FootprintFactor {
  id: string;
  category: FootprintCategory | 'general';
  value: number;
  unit: string;
  label: { nb: string; en: string };
  source: string;
  year: number;
  note?: string;
  /** EXIOBASE factors: the COICOP categories (data/reference/footprint/exiobase34-no-coicop.csv) whose mean this is. */
  coicop?: string[];
}

export const FOOTPRINT_SOURCES: FootprintSource[] = [
  { id: 'exiobase', title: 'EXIOBASE 3.4 (IOT 2011 pxp) kg CO2e per EUR by COICOP category for Norway, via bloom-contrib footprints.yml', publisher: 'EXIOBASE consortium; tmrow/electricityMaps bloom-contrib', year: 2011, url: 'https://github.com/electricitymaps/bloom-contrib', licence: 'CC BY-SA 4.0 (EXIOBASE), MIT (bloom-contrib)' },
  { id: 'nve', title: 'Klimadeklarasjon for fysisk levert strøm i Norge', publisher: 'NVE', year: 2022, url: 'https://www.nve.no/energi/energisystem/energibruk-effektivisering-og-klimatiltak/klimadeklarasjon-for-fysisk-levert-strom/', licence: 'NLOD' },
  { id: 'desnz', title: 'Greenhouse gas reporting: conversion factors 2023 (passenger vehicles, flights with radiative forcing, fuels incl. well-to-tank)', publisher: 'UK Department for Energy Security and Net Zero', year: 2023, url: 'https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2023', licence: 'Open Government Licence v3.0' },
  { id: 'icct', title: 'A global comparison of the life-cycle greenhouse gas emissions of combustion engine and electric passenger cars (Bieker)', publisher: 'ICCT', year: 2021, url: 'https://theicct.org/publication/a-global-comparison-of-the-life-cycle-greenhouse-gas-emissions-of-combustion-engine-and-electric-passenger-cars/', licence: 'cited figures' },
  { id: 'scarborough', title: 'Dietary greenhouse gas emissions of meat-eaters, fish-eaters, vegetarians and vegans in the UK (Scarborough et al., Climatic Change 125)', publisher: 'Springer (open access)', year: 2014, url: 'https://doi.org/10.1007/s10584-014-1169-1', licence: 'CC BY 4.0' },
  { id: 'ssb', title: 'Statistics Norway: households and dwellings (Boforhold), car kilometres (Kjørelengder), consumer price index (KPI, table 03014), national accounts (household and government final consumption)', publisher: 'SSB', year: 2023, url: 'https://www.ssb.no', licence: 'NLOD / CC BY 4.0' },
  { id: 'norgesbank', title: 'Exchange rates, annual average EUR/NOK 2011', publisher: 'Norges Bank', year: 2011, url: 'https://www.norges-bank.no/tema/Statistikk/Valutakurser/', licence: 'open' },
  { id: 'gfn', title: 'National Footprint and Biocapacity Accounts: number of Earths if everyone lived like the residents of Norway', publisher: 'Global Footprint Network', year: 2023, url: 'https://data.footprintnetwork.org', licence: 'CC BY-SA 4.0 (public data package)' },
  { id: 'iges', title: '1.5-Degree Lifestyles: Targets and options for reducing lifestyle carbon footprints', publisher: 'IGES, Aalto University and D-mat', year: 2019, url: 'https://www.iges.or.jp/en/pub/15-degrees-lifestyles-2019/en', licence: 'cited figures' },
  { id: 'omstilling', title: 'Omstilling estimate (documented in docs/footprint.md)', publisher: 'Omstilling', year: 2026, url: 'docs/footprint.md', licence: 'MIT' },
];

const F = (id: string, category: FootprintFactor['category'], value: number, unit: string, nb: string, en: string, source: string, year: number, note?: string, coicop?: string[]): FootprintFactor => ({ id, category, value, unit, label: { nb, en }, source, year, ...(note ? { note } : {}), ...(coicop ? { coicop } : {}) });
const EXIO = 'kg CO2e/EUR2011';
const X = (id: string, category: FootprintCategory, value: number, nb: string, en: string, coicop: string[], note?: string) => F(id, category, value, EXIO, nb, en, 'exiobase', 2011, note, coicop);

export const FOOTPRINT_FACTORS: FootprintFactor[] = [
  // General: converting today's kroner to the EXIOBASE price basis (EUR 2011 basic prices).
  F('nok_per_eur_2011', 'general', 7.79, 'NOK/EUR', 'Valutakurs EUR 2011 (årssnitt)', 'Exchange rate EUR 2011 (annual average)', 'norgesbank', 2011),
  F('price_index_2024_vs_2011', 'general', 1.447, 'ratio', 'Prisnivå 2024 mot 2011 (KPI)', 'Price level 2024 against 2011 (CPI)', 'ssb', 2024, 'KPI 2015=100: 2011 ≈ 92.3, 2024 ≈ 133.6'),
  F('norway_earths', 'general', 3.6, 'Earths', 'Antall jordkloder for gjennomsnittsnordmannen', 'Earths for the average Norwegian', 'gfn', 2023, 'GFN publishes about 3.4–3.6 for Norway depending on edition'),
  F('onepointfive_2030_kg', 'general', 2500, 'kg CO2e/person/year', '1,5-gradersnivå for livsstilsfotavtrykk i 2030', '1.5-degree level for lifestyle footprints in 2030', 'iges', 2019, 'household consumption only (excludes public services)'),
  // Housing.
  F('heated_kwh_per_m2', 'housing', 130, 'kWh/m²/year', 'Energibruk per m² bolig (alt forbruk i husholdningen)', 'Energy use per m² of dwelling (all household use)', 'ssb', 2012, 'SSB energy use in households (about 16 000 kWh per household over about 125 m²)'),
  F('electricity_kg_per_kwh', 'housing', 0.019, 'kg CO2e/kWh', 'Strøm, fysisk levert i Norge', 'Electricity, physically delivered in Norway', 'nve', 2022),
  F('heat_pump_energy_share', 'housing', 0.65, 'ratio', 'Energibruk med varmepumpe, andel av panelovner', 'Energy use with a heat pump, share of direct electric', 'omstilling', 2026, 'space heating ≈ 60 % of use, heat pump saves ≈ 60 % of it'),
  F('appliance_electric_share', 'housing', 0.4, 'ratio', 'Andel av boligens energi som er strøm uansett oppvarming (lys, apparater, varmtvann)', 'Share of the home’s energy that is electricity whatever the heating (light, appliances, hot water)', 'omstilling', 2026, 'rounded; space heating is about 60 % of household energy use (SSB energy use in households)'),
  F('district_heat_kg_per_kwh', 'housing', 0.06, 'kg CO2e/kWh', 'Fjernvarme (norsk gjennomsnitt, avrundet)', 'District heating (Norwegian average, rounded)', 'omstilling', 2026, 'rounded estimate for Norwegian district heating (waste incineration, bio, electricity); to be replaced by the local supplier figure'),
  F('wood_kg_per_kwh', 'housing', 0.02, 'kg CO2e/kWh', 'Ved (ikke-biogene utslipp, avrundet)', 'Firewood (non-biogenic emissions, rounded)', 'desnz', 2023, 'wood logs, CH4 and N2O only'),
  F('gas_kg_per_kwh', 'housing', 0.21, 'kg CO2e/kWh', 'Gass (forbrenning og oppstrøms)', 'Gas (combustion and upstream)', 'desnz', 2023),
  F('oil_kg_per_kwh', 'housing', 0.30, 'kg CO2e/kWh', 'Fyringsolje/parafin (forbrenning og oppstrøms)', 'Heating oil/kerosene (combustion and upstream)', 'desnz', 2023),
  X('maintenance_kg_per_eur', 'housing', 0.2652, 'Vedlikehold og reparasjon av bolig', 'Maintenance and repair of the dwelling', ['HOUSING, WATER, ELECTRICITY, GAS AND OTHER FUELS > MAINTENANCE, REPAIR AND SECURITY OF THE DWELLING']),
  // Transport.
  F('car_petrol_kg_per_km', 'transport', 0.23, 'kg CO2e/km', 'Bensinbil (drivstoff med oppstrøm og produksjon av bilen)', 'Petrol car (fuel incl. upstream, and making the car)', 'desnz', 2023, 'DESNZ average petrol car 0.164 + well-to-tank ≈ 0.04 + manufacturing ≈ 0.03 (ICCT 2021)'),
  F('car_diesel_kg_per_km', 'transport', 0.23, 'kg CO2e/km', 'Dieselbil (drivstoff med oppstrøm og produksjon av bilen)', 'Diesel car (fuel incl. upstream, and making the car)', 'desnz', 2023, 'DESNZ average diesel car 0.168 + well-to-tank ≈ 0.04 + manufacturing ≈ 0.03 (ICCT 2021)'),
  F('car_hybrid_kg_per_km', 'transport', 0.16, 'kg CO2e/km', 'Hybridbil', 'Hybrid car', 'desnz', 2023, 'DESNZ hybrid ≈ 0.11 + well-to-tank + manufacturing'),
  F('car_electric_kg_per_km', 'transport', 0.06, 'kg CO2e/km', 'Elbil (norsk strøm og produksjon av bil og batteri)', 'Electric car (Norwegian electricity, making car and battery)', 'icct', 2021, '0.2 kWh/km × 0.019 + manufacturing incl. battery ≈ 0.055'),
  F('car_fleet_kg_per_km', 'transport', 0.19, 'kg CO2e/km', 'Gjennomsnittsbil i den norske bilparken', 'Average car in the Norwegian fleet', 'ssb', 2024, 'weighted by the car stock (about 38 % petrol, 37 % diesel, 25 % electric and hybrid)'),
  F('public_transport_kg_per_pkm', 'transport', 0.04, 'kg CO2e/pkm', 'Kollektivtransport (buss, tog, trikk, T-bane; avrundet)', 'Public transport (bus, train, tram, metro; rounded)', 'omstilling', 2026, 'between electric rail (≈0.01) and diesel bus (≈0.1, DESNZ 2023)'),
  F('flight_domestic_kg_per_trip', 'transport', 225, 'kg CO2e/round trip', 'Innenlandsfly, tur–retur (2 × 450 km × 0,25)', 'Domestic flight, return (2 × 450 km × 0.25)', 'desnz', 2023, 'domestic average passenger with radiative forcing'),
  F('flight_europe_kg_per_trip', 'transport', 512, 'kg CO2e/round trip', 'Fly i Europa, tur–retur (2 × 1 600 km × 0,16)', 'Flight within Europe, return (2 × 1,600 km × 0.16)', 'desnz', 2023, 'short-haul average passenger with radiative forcing'),
  F('flight_long_kg_per_trip', 'transport', 2100, 'kg CO2e/round trip', 'Langdistansefly, tur–retur (2 × 7 000 km × 0,15)', 'Long-haul flight, return (2 × 7,000 km × 0.15)', 'desnz', 2023, 'long-haul average passenger with radiative forcing'),
  // Food (per person and year = kg CO2e per day × 365).
  F('diet_high_meat_kg', 'food', 2624, 'kg CO2e/year', 'Mye kjøtt (over 100 g/dag)', 'A lot of meat (over 100 g/day)', 'scarborough', 2014, '7.19 kg/day'),
  F('diet_medium_meat_kg', 'food', 2055, 'kg CO2e/year', 'Middels kjøtt (50–100 g/dag)', 'Medium meat (50–100 g/day)', 'scarborough', 2014, '5.63 kg/day'),
  F('diet_low_meat_kg', 'food', 1705, 'kg CO2e/year', 'Lite kjøtt (under 50 g/dag)', 'Little meat (under 50 g/day)', 'scarborough', 2014, '4.67 kg/day'),
  F('diet_pescatarian_kg', 'food', 1427, 'kg CO2e/year', 'Fisk, ikke kjøtt', 'Fish, no meat', 'scarborough', 2014, '3.91 kg/day'),
  F('diet_vegetarian_kg', 'food', 1391, 'kg CO2e/year', 'Vegetar', 'Vegetarian', 'scarborough', 2014, '3.81 kg/day'),
  F('diet_vegan_kg', 'food', 1055, 'kg CO2e/year', 'Vegansk', 'Vegan', 'scarborough', 2014, '2.89 kg/day'),
  // Goods and services by spending: kg CO2e per EUR 2011 basic prices (Norway, EXIOBASE 3.4).
  X('clothing_kg_per_eur', 'goods', 0.3240, 'Klær og sko', 'Clothing and footwear', ['CLOTHING AND FOOTWEAR > CLOTHING'], 'clothing (footwear 0.359 is close)'),
  X('furnishings_kg_per_eur', 'goods', 0.2949, 'Møbler, tekstiler og husholdningsapparater', 'Furniture, textiles and appliances', ['FURNISHINGS, HOUSEHOLD EQUIPMENT AND ROUTINE HOUSEHOLD MAINTENANCE > FURNITURE, FURNISHINGS, AND LOOSE CARPETS > Furniture, furnishings and loose carpets (D)', 'FURNISHINGS, HOUSEHOLD EQUIPMENT AND ROUTINE HOUSEHOLD MAINTENANCE > HOUSEHOLD TEXTILES', 'FURNISHINGS, HOUSEHOLD EQUIPMENT AND ROUTINE HOUSEHOLD MAINTENANCE > HOUSEHOLD APPLIANCES'], 'mean of furniture, household textiles and household appliances'),
  X('electronics_kg_per_eur', 'goods', 0.2399, 'Mobil, PC, TV og annet elektronisk utstyr', 'Phones, computers, TVs and other electronics', ['INFORMATION AND COMMUNICATION > Information and communication equipment']),
  X('leisure_goods_kg_per_eur', 'goods', 0.2853, 'Fritidsutstyr, hage, kjæledyr, bøker', 'Leisure goods, garden, pets, books', ['RECREATION, SPORT AND CULTURE > RECREATIONAL DURABLES', 'RECREATION, SPORT AND CULTURE > GARDEN PRODUCTS AND PETS', 'RECREATION, SPORT AND CULTURE > NEWSPAPERS, BOOKS AND STATIONERY'], 'mean of recreational durables, garden products and pets, newspapers and books'),
  X('restaurants_kg_per_eur', 'services', 0.1621, 'Restauranter, kafeer og hotell', 'Restaurants, cafés and hotels', ['RESTAURANTS AND ACCOMMODATION SERVICES > FOOD AND BEVERAGE SERVING SERVICES', 'RESTAURANTS AND ACCOMMODATION SERVICES > ACCOMMODATION SERVICES']),
  X('recreation_services_kg_per_eur', 'services', 0.1995, 'Kultur, sport og fritidstjenester', 'Culture, sport and leisure services', ['RECREATION, SPORT AND CULTURE > RECREATIONAL SERVICES']),
  X('other_services_kg_per_eur', 'services', 0.1916, 'Forsikring, bank, telefon/internett og personlig pleie', 'Insurance, banking, phone/internet and personal care', ['INSURANCE AND FINANCIAL SERVICES > INSURANCE', 'INSURANCE AND FINANCIAL SERVICES > FINANCIAL SERVICES', 'INFORMATION AND COMMUNICATION', 'PERSONAL CARE, SOCIAL PROTECTION AND MISCELLANEOUS GOODS AND SERVICES > PERSONAL CARE'], 'mean of insurance, financial services, information and communication, personal care'),
  // The public services share: the same for everyone.
  F('public_spending_nok', 'public', 231000, 'NOK/person/year', 'Offentlig konsum per innbygger (skole, helse, omsorg, forvaltning)', 'Government final consumption per resident (schools, health, care, administration)', 'ssb', 2023, 'national accounts 2023, about 1 270 billion NOK over 5.5 million residents (rounded)'),
  X('public_kg_per_eur', 'public', 0.1141, 'Offentlige tjenester (helsetjenester som nærmeste kategori)', 'Public services (health services as the nearest category)', ['HEALTH > OUTPATIENT CARE SERVICES'], 'COICOP has no category for public administration; outpatient health services used as the proxy'),
];

const BY_ID = new Map(FOOTPRINT_FACTORS.map((f) => [f.id, f.value]));

/** The value of one factor by id (throws for an unknown id: a programming error). */
export function factor(id: string): number {
  const v = BY_ID.get(id);
  if (v === undefined) throw new Error(`unknown footprint factor ${id}`);
  return v;
}

/** kg CO2e per Norwegian krone (2024 prices) from an EXIOBASE factor in kg per EUR 2011. */
export function kgPerNok(kgPerEur2011: number): number {
  return kgPerEur2011 / (factor('nok_per_eur_2011') * factor('price_index_2024_vs_2011'));
}
