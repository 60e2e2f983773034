import type { FootprintCategory } from './factors.js';

// The calculator's questions. A person who answers nothing gets every default, which is the
// average Norwegian resident (sources per default in `defaultSource`; see docs/footprint.md).

export interface ChoiceOption {
  value: string;
  label: { nb: string; en: string };
  /** The factor this option uses. */
  factor: string;
}

interface QuestionBase {
  id: string;
  category: FootprintCategory;
  label: { nb: string; en: string };
  help: { nb: string; en: string };
  /** Where the default comes from (a source id of FOOTPRINT_SOURCES) and the statistic used. */
  defaultSource: { source: string; year: number; note: string };
}
export interface NumberQuestion extends QuestionBase {
  kind: 'number';
  unit: string;
  default: number;
  min: number;
  max: number;
  step: number;
}
export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  unit: null;
  default: string;
  options: ChoiceOption[];
}
export type FootprintQuestion = NumberQuestion | ChoiceQuestion;

const num = (id: string, category: FootprintCategory, unit: string, def: number, min: number, max: number, step: number, nb: string, en: string, helpNb: string, helpEn: string, defaultSource: QuestionBase['defaultSource']): NumberQuestion => ({ id, category, kind: 'number', unit, default: def, min, max, step, label: { nb, en }, help: { nb: helpNb, en: helpEn }, defaultSource });
const opt = (value: string, factor: string, nb: string, en: string): ChoiceOption => ({ value, factor, label: { nb, en } });
const SPEND = { source: 'ssb', year: 2023, note: 'household final consumption per resident by COICOP group (national accounts), rounded' };

export const FOOTPRINT_QUESTIONS: FootprintQuestion[] = [
  num('housing.people', 'housing', 'persons', 2.2, 1, 20, 1, 'Hvor mange bor i boligen din?', 'How many people live in your home?', 'Energi og vedlikehold deles på alle som bor der.', 'Energy and upkeep are shared by everyone living there.', { source: 'ssb', year: 2023, note: 'persons per private household (Boforhold)' }),
  num('housing.area_m2', 'housing', 'm²', 125, 10, 1000, 5, 'Hvor stor er boligen (oppvarmet areal)?', 'How large is your home (heated floor area)?', 'Bruksareal for hele boligen, ikke per person.', 'Floor area of the whole home, not per person.', { source: 'ssb', year: 2023, note: 'average dwelling floor area (Boforhold), rounded' }),
  {
    id: 'housing.heating', category: 'housing', kind: 'choice', unit: null, default: 'electric',
    label: { nb: 'Hvordan varmes boligen hovedsakelig opp?', en: 'How is your home mainly heated?' },
    help: { nb: 'Velg det som gir mest varme.', en: 'Choose what gives the most heat.' },
    defaultSource: { source: 'ssb', year: 2012, note: 'electricity is the main heating for most Norwegian homes' },
    options: [
      opt('electric', 'electricity_kg_per_kwh', 'Strøm (panelovner, varmekabler)', 'Electricity (panel heaters, floor heating)'),
      opt('heat_pump', 'electricity_kg_per_kwh', 'Varmepumpe', 'Heat pump'),
      opt('district', 'district_heat_kg_per_kwh', 'Fjernvarme', 'District heating'),
      opt('wood', 'wood_kg_per_kwh', 'Ved', 'Firewood'),
      opt('gas', 'gas_kg_per_kwh', 'Gass', 'Gas'),
      opt('oil', 'oil_kg_per_kwh', 'Olje eller parafin', 'Oil or kerosene'),
    ],
  },
  num('housing.maintenance_nok', 'housing', 'NOK/year', 10000, 0, 2_000_000, 1000, 'Hva bruker du på vedlikehold og oppussing i året (din del)?', 'What do you spend on upkeep and renovation a year (your share)?', 'Materialer og håndverkere.', 'Materials and craftspeople.', SPEND),
  num('transport.car_km', 'transport', 'km/year', 6000, 0, 100_000, 500, 'Hvor mange kilometer kjører du bil i året?', 'How many kilometres do you drive a year?', 'Som sjåfør; en vanlig bil kjører rundt 11 000 km i året.', 'As the driver; an ordinary car runs about 11,000 km a year.', { source: 'ssb', year: 2023, note: 'about 11 000 km per private car (Kjørelengder) × about 0.55 cars per resident' }),
  {
    id: 'transport.car_type', category: 'transport', kind: 'choice', unit: null, default: 'fleet',
    label: { nb: 'Hva slags bil kjører du mest?', en: 'What kind of car do you drive most?' },
    help: { nb: 'Velg «vet ikke» for gjennomsnittet i bilparken.', en: 'Choose “don’t know” for the fleet average.' },
    defaultSource: { source: 'ssb', year: 2024, note: 'the car stock by fuel (Bilparken)' },
    options: [
      opt('fleet', 'car_fleet_kg_per_km', 'Vet ikke / gjennomsnitt', 'Don’t know / average'),
      opt('petrol', 'car_petrol_kg_per_km', 'Bensin', 'Petrol'),
      opt('diesel', 'car_diesel_kg_per_km', 'Diesel', 'Diesel'),
      opt('hybrid', 'car_hybrid_kg_per_km', 'Hybrid', 'Hybrid'),
      opt('electric', 'car_electric_kg_per_km', 'Elbil', 'Electric'),
    ],
  },
  num('transport.public_km', 'transport', 'km/year', 1500, 0, 100_000, 500, 'Hvor mange kilometer reiser du kollektivt i året?', 'How many kilometres do you travel by public transport a year?', '20 km til jobb og hjem hver arbeidsdag er omtrent 4 500 km.', '20 km to work and back each working day is about 4,500 km.', { source: 'ssb', year: 2019, note: 'the national travel survey (RVU): public transport share of daily travel, rounded' }),
  num('transport.flights_domestic', 'transport', 'round trips/year', 1.5, 0, 100, 1, 'Hvor mange turer tur–retur med fly innenlands i året?', 'How many domestic return flights a year?', 'En reise tur–retur teller som én.', 'A return journey counts as one.', { source: 'ssb', year: 2023, note: 'domestic air passengers per resident (Avinor/SSB air transport), rounded' }),
  num('transport.flights_europe', 'transport', 'round trips/year', 0.8, 0, 50, 1, 'Hvor mange flyreiser tur–retur i Europa i året?', 'How many return flights within Europe a year?', 'Til for eksempel London, Alicante eller Berlin.', 'To London, Alicante or Berlin, for example.', { source: 'ssb', year: 2023, note: 'international air passengers per resident, Europe share, rounded' }),
  num('transport.flights_long', 'transport', 'round trips/year', 0.2, 0, 20, 1, 'Hvor mange langdistansereiser med fly tur–retur i året?', 'How many long-haul return flights a year?', 'Utenfor Europa, for eksempel USA eller Thailand.', 'Outside Europe, such as the US or Thailand.', { source: 'ssb', year: 2023, note: 'international air passengers per resident, long-haul share, rounded' }),
  {
    id: 'food.diet', category: 'food', kind: 'choice', unit: null, default: 'medium',
    label: { nb: 'Hvordan spiser du?', en: 'How do you eat?' },
    help: { nb: 'Kjøtt per dag i snitt; 100 g er omtrent en middagsporsjon.', en: 'Meat per day on average; 100 g is about one dinner portion.' },
    defaultSource: { source: 'scarborough', year: 2014, note: 'Norwegians eat on average about 50–100 g of meat a day (Helsedirektoratet, Utviklingen i norsk kosthold)' },
    options: [
      opt('high', 'diet_high_meat_kg', 'Mye kjøtt', 'A lot of meat'),
      opt('medium', 'diet_medium_meat_kg', 'Middels kjøtt', 'Medium meat'),
      opt('low', 'diet_low_meat_kg', 'Lite kjøtt', 'Little meat'),
      opt('pescatarian', 'diet_pescatarian_kg', 'Fisk, ikke kjøtt', 'Fish, no meat'),
      opt('vegetarian', 'diet_vegetarian_kg', 'Vegetar', 'Vegetarian'),
      opt('vegan', 'diet_vegan_kg', 'Vegansk', 'Vegan'),
    ],
  },
  num('goods.clothing_nok', 'goods', 'NOK/year', 12000, 0, 2_000_000, 1000, 'Hva bruker du på klær og sko i året?', 'What do you spend on clothes and shoes a year?', 'Brukt kjøpt teller lite.', 'Second-hand counts little.', SPEND),
  num('goods.furnishings_nok', 'goods', 'NOK/year', 15000, 0, 2_000_000, 1000, 'Hva bruker du på møbler, tekstiler og hvitevarer i året?', 'What do you spend on furniture, textiles and appliances a year?', 'Din del av husholdningens kjøp.', 'Your share of the household’s purchases.', SPEND),
  num('goods.electronics_nok', 'goods', 'NOK/year', 8000, 0, 2_000_000, 1000, 'Hva bruker du på mobil, PC, TV og annen elektronikk i året?', 'What do you spend on phones, computers, TVs and other electronics a year?', 'En mobil til 9 000 kr brukt i tre år er 3 000 kr i året.', 'A 9,000 NOK phone kept three years is 3,000 NOK a year.', SPEND),
  num('goods.leisure_nok', 'goods', 'NOK/year', 10000, 0, 2_000_000, 1000, 'Hva bruker du på fritidsutstyr, hage, kjæledyr og bøker i året?', 'What do you spend on leisure gear, garden, pets and books a year?', '', '', SPEND),
  num('services.restaurants_nok', 'services', 'NOK/year', 15000, 0, 2_000_000, 1000, 'Hva bruker du på restaurant, kafé og hotell i året?', 'What do you spend on restaurants, cafés and hotels a year?', '', '', SPEND),
  num('services.recreation_nok', 'services', 'NOK/year', 12000, 0, 2_000_000, 1000, 'Hva bruker du på kultur, trening og fritidsaktiviteter i året?', 'What do you spend on culture, sport and leisure activities a year?', '', '', SPEND),
  num('services.other_nok', 'services', 'NOK/year', 25000, 0, 2_000_000, 1000, 'Hva bruker du på forsikring, bank, telefon, internett og personlig pleie i året?', 'What do you spend on insurance, banking, phone, internet and personal care a year?', '', '', SPEND),
];

export const QUESTION_BY_ID: ReadonlyMap<string, FootprintQuestion> = new Map(FOOTPRINT_QUESTIONS.map((q) => [q.id, q]));
