/**
 * Made-up names, companies and places the sample buyers are drawn from. Email domains are
 * reserved example domains and phone numbers use the fictional 555-01xx range, so no sample
 * value can belong to a real person.
 */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Priya', 'Mateo', 'Hana', 'Ethan', 'Sofia', 'Kwame',
  'Chloe', 'Diego', 'Mei', 'Lucas', 'Zara', 'Jonah', 'Aisha', 'Owen', 'Leila', 'Marcus',
  'Ingrid', 'Rafael', 'Nadia', 'Samuel', 'Yuki', 'Caleb', 'Fatima', 'Henry', 'Elena', 'Tariq',
  'Grace', 'Arjun', 'Maya', 'Felix', 'Rosa', 'Isaac', 'Camille', 'Theo', 'Imani', 'Victor',
  'Naomi', 'Hugo', 'Lena', 'Andre', 'Ruby', 'Kenji', 'Alma', 'Simon', 'Freya', 'Omar',
] as const;

export const LAST_NAMES = [
  'Bennett', 'Okafor', 'Nguyen', 'Garcia', 'Shah', 'Kowalski', 'Tanaka', 'Murphy', 'Rossi', 'Mensah',
  'Fischer', 'Alvarez', 'Chen', 'Dubois', 'Hassan', 'Larsen', 'Patel', 'Reyes', 'Schmidt', 'Sato',
  'Walker', 'Ibrahim', 'Novak', 'Castillo', 'Park', 'Oliveira', 'Brennan', 'Haddad', 'Lindqvist', 'Moreau',
  'Adeyemi', 'Kim', 'Foster', 'Silva', 'Yamamoto', 'Quinn', 'Petrov', 'Mwangi', 'Delgado', 'Holm',
] as const;

export interface SampleCompany {
  name: string;
  /** Used for work emails: `<first>.<last>@<domain>`. */
  domain: string;
  industry: string;
  city: string;
}

export const COMPANIES: readonly SampleCompany[] = [
  { name: 'Northwind Analytics', domain: 'northwind-analytics.example', industry: 'Technology', city: 'Seattle' },
  { name: 'Blue Harbor Media', domain: 'blueharbor.example', industry: 'Media', city: 'Portland' },
  { name: 'Cobalt Robotics Lab', domain: 'cobalt-robotics.example', industry: 'Manufacturing', city: 'Austin' },
  { name: 'Juniper Health', domain: 'juniperhealth.example', industry: 'Healthcare', city: 'Denver' },
  { name: 'Lumen Payments', domain: 'lumenpay.example', industry: 'Finance', city: 'New York' },
  { name: 'Redwood Learning', domain: 'redwoodlearning.example', industry: 'Education', city: 'Oakland' },
  { name: 'Tidewater Logistics', domain: 'tidewater-logistics.example', industry: 'Transportation', city: 'Baltimore' },
  { name: 'Sparrow Design Studio', domain: 'sparrowdesign.example', industry: 'Consulting', city: 'Chicago' },
  { name: 'Granite Peak Software', domain: 'granitepeak.example', industry: 'Technology', city: 'Boulder' },
  { name: 'Meridian Foods', domain: 'meridianfoods.example', industry: 'Food & Beverage', city: 'Minneapolis' },
] as const;

export const JOB_TITLES = [
  'Product Manager', 'Head of Product', 'Engineering Manager', 'Data Analyst', 'Marketing Director',
  'UX Designer', 'Operations Lead', 'CTO', 'Customer Success Manager', 'Founder',
] as const;

/** Free-mail style domains of private buyers: all reserved for examples. */
export const PERSONAL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'] as const;

export interface SamplePlace {
  city: string;
  state: string;
  zip: string;
  areaCode: string;
}

export const PLACES: readonly SamplePlace[] = [
  { city: 'Seattle', state: 'WA', zip: '98101', areaCode: '206' },
  { city: 'Portland', state: 'OR', zip: '97205', areaCode: '503' },
  { city: 'San Francisco', state: 'CA', zip: '94110', areaCode: '415' },
  { city: 'Oakland', state: 'CA', zip: '94612', areaCode: '510' },
  { city: 'Austin', state: 'TX', zip: '78701', areaCode: '512' },
  { city: 'Denver', state: 'CO', zip: '80202', areaCode: '303' },
  { city: 'Chicago', state: 'IL', zip: '60607', areaCode: '312' },
  { city: 'New York', state: 'NY', zip: '10003', areaCode: '212' },
  { city: 'Baltimore', state: 'MD', zip: '21202', areaCode: '410' },
  { city: 'Minneapolis', state: 'MN', zip: '55401', areaCode: '612' },
  { city: 'Boulder', state: 'CO', zip: '80302', areaCode: '720' },
] as const;

export const STREETS = ['Maple Ave', 'Harbor St', 'Oak Lane', 'Pine St', 'Cedar Blvd', 'Elm Court', 'Lakeview Dr', 'Mission St', 'Union Ave', 'Willow Way'] as const;

export const HEARD_FROM = ['Newsletter', 'A friend', 'Instagram', 'Podcast ad', 'Colleague', 'Search', 'Last year’s event', ''] as const;

export const DIETS = ['', '', '', 'Vegetarian', 'Vegan', 'Gluten-free', 'No nuts'] as const;
