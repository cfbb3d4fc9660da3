// title: People, roles and memberships
// description: Everyone the accounts place in an organisation or one of its units (sections,
//   branches, bodies, factions, two levels down): the units they belong to, the roles they
//   hold there, when they joined and how they left, how many accounts mention them and
//   one supporting quote. Leave organization empty to list every organisation's people.
// question: Who is in this organisation, in which units, holding which posts?
// param: organization string = "" -- id, name or alias of the organisation (case-insensitive); empty for all
// returns: person; identity (named, partial, pseudonym); member_of (units); roles ("role (unit)");
//   joined; left ("unit (how)"); accounts; quote; person_id
WITH toLower(trim($organization)) AS wanted
MATCH (o:Organization)
WHERE $organization = '' OR o.id = $organization OR (' | ' + o.search_text) CONTAINS (' | ' + wanted + ' | ')
MATCH p = (u)-[:PART_OF*0..2]->(o)
WITH collect(DISTINCT u) AS units
WITH units, [x IN units | x.id] AS unit_ids
UNWIND units AS u
OPTIONAL MATCH (m:Person)-[:MEMBER_OF]->(u)
WITH unit_ids, u, collect(m) AS members
OPTIONAL MATCH (h:Person)-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->(u)
// FalkorDB silently empties a pattern comprehension that reuses another's variable
// name when either has a WHERE: every comprehension below has names of its own.
WITH unit_ids, members, collect(h) AS holders
UNWIND members + holders AS person
WITH DISTINCT unit_ids, person
RETURN person.name AS person,
       person.identity AS identity,
       [(person)-[:MEMBER_OF]->(mu) WHERE mu.id IN unit_ids | mu.name] AS member_of,
       [(person)-[:HOLDS_ROLE]->(r:Role)-[:ROLE_IN]->(ru) WHERE ru.id IN unit_ids | r.name + ' (' + ru.name + ')'] AS roles,
       [(person)-[j:JOINED]->(ju) WHERE ju.id IN unit_ids | ju.name + coalesce(' ' + j.date, '')] AS joined,
       [(person)-[l:LEFT]->(lu) WHERE lu.id IN unit_ids | lu.name + coalesce(' (' + l.how + ')', '') + coalesce(' ' + l.date, '')] AS left,
       person.account_count AS accounts,
       person.ev_quote[0] AS quote,
       person.id AS person_id
ORDER BY size(roles) DESC, person
