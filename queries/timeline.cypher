// title: Timeline of an organisation
// description: The incidents, responses and events that occurred in an organisation or in
//   one of its units (sections, branches, bodies, two levels down), in date order. Dates
//   are ISO 8601 and as precise as the account allows (2018, 2021-06, 2020-02-07), so a
//   year sorts before the months within it; date_text keeps the account's words. Undated
//   items come last when include_undated is true.
// question: In what order did things happen in this organisation?
// param: organization string -- id, name or alias of the organisation (case-insensitive), e.g. Fightback
// param: include_undated boolean = false -- also list items the accounts give no date for (at the end)
// param: limit integer = 500 -- at most this many rows
// returns: date; date_text; label (Incident, Response, Event); kind; item (name); description;
//   occurred_in; people (who took part, was accused, targeted, or affected); accounts; quote; item_id
WITH toLower(trim($organization)) AS wanted
MATCH (o:Organization)
WHERE o.id = $organization OR (' | ' + o.search_text) CONTAINS (' | ' + wanted + ' | ')
MATCH (u)-[:PART_OF*0..2]->(o)
WITH DISTINCT u
MATCH (x)-[:OCCURRED_IN]->(u)
WHERE $include_undated OR x.date IS NOT NULL
WITH x, collect(DISTINCT u.name) AS places
RETURN x.date AS date,
       x.date_text AS date_text,
       labels(x)[0] AS label,
       x.kind AS kind,
       x.name AS item,
       x.description AS description,
       places AS occurred_in,
       [(person:Person)-->(x) | person.name] + [(x)-[:AFFECTS]->(affected:Person) | affected.name] AS people,
       x.account_count AS accounts,
       x.ev_quote[0] AS quote,
       x.id AS item_id
ORDER BY coalesce(x.date, '9999'), x.date_text, label, item
LIMIT $limit
