// title: Conflicts of interest
// description: People who handled a complaint (it was reported to them, or they took a
//   response to it) and who also shared a branch, a leadership body, a faction or an event
//   with the person accused in it.
// question: Did the people who dealt with an accusation have ties to the accused?
// param: limit integer = 200 -- at most this many rows
// returns: official; official_roles; handled (how: "reported to", or "took <kind>");
//   accused; incident; incident_kind; shared_units ("Label: name"); shared_events
//   ("kind: name"); accounts (accounts supporting the incident); quote; official_id;
//   accused_id; incident_id

// Handlers and ties are found with MATCH parts (pattern comprehensions per row are
// costly on FalkorDB), then grouped.
CALL {
  MATCH (accused:Person)-[:ACCUSED_IN]->(i:Incident)-[:REPORTED_TO]->(official:Person)
  RETURN accused, i, official, 'reported to' AS how
  UNION
  MATCH (accused:Person)-[:ACCUSED_IN]->(i:Incident)<-[:RESPONDS_TO]-(r:Response)-[:TAKEN_BY]->(official:Person)
  RETURN accused, i, official, 'took ' + coalesce(r.kind, 'a response') AS how
}
WITH accused, i, official, collect(DISTINCT how) AS handled
WHERE official.id <> accused.id
OPTIONAL MATCH (official)-[:MEMBER_OF]->(su)<-[:MEMBER_OF]-(accused)
WHERE su:Branch OR su:LeadershipBody OR su:Faction
WITH accused, i, official, handled, collect(DISTINCT labels(su)[0] + ': ' + su.name) AS shared_units
OPTIONAL MATCH (official)-[:PARTICIPATED_IN]->(se:Event)<-[:PARTICIPATED_IN]-(accused)
WITH accused, i, official, handled, shared_units,
     collect(DISTINCT coalesce(se.kind, 'event') + ': ' + se.name) AS shared_events
WHERE size(shared_units) + size(shared_events) > 0
WITH accused, i, official, handled, shared_units, shared_events
ORDER BY official.name, accused.name, i.name
LIMIT $limit
RETURN official.name AS official,
       [(official)-[:HOLDS_ROLE]->(role:Role) | role.name] AS official_roles,
       handled,
       accused.name AS accused,
       i.name AS incident,
       i.kind AS incident_kind,
       shared_units,
       shared_events,
       i.account_count AS accounts,
       i.ev_quote[0] AS quote,
       official.id AS official_id,
       accused.id AS accused_id,
       i.id AS incident_id
